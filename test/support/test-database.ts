import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseHandle } from '../../src/db/database.js';
import { MIGRATIONS_FOLDER, migrate } from '../../src/db/migrate.js';
import { openPglite } from '../../src/db/open-pglite.js';
import { openPostgres } from '../../src/db/open-postgres.js';

export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  return process.env.HEARTH_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/** A hash of the migrations: the cached PGlite template is rebuilt whenever they change. */
function migrationsHash(): string {
  const h = crypto.createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort()) {
    h.update(file).update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite database as a tarball, made once per migrations hash and kept in the temp
 * directory: cloning it takes about half a second, creating and migrating one takes several.
 */
async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `hearth-pglite-template-${migrationsHash()}.tar.gz`);
  if (!fs.existsSync(file)) {
    const handle = await openPglite({ dataDir: null });
    await migrate(handle);
    const dump = await (handle as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
    await handle.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

/** A fresh, migrated database for one test: in-memory PGlite, or a new database on the test cluster. */
export async function freshDatabase(engine: TestEngine = testEngine()): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    return openPglite({ dataDir: null, loadDataDir: await pgliteTemplate() });
  }
  const adminUrl = process.env.HEARTH_TEST_PG_URL;
  if (!adminUrl) throw new Error('HEARTH_TEST_ENGINE=postgres needs HEARTH_TEST_PG_URL (npm test starts a cluster and sets it)');
  const name = `hearth_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 5);
  await migrate(handle);
  const close = handle.close.bind(handle);
  handle.close = async () => {
    await close();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  return handle;
}
