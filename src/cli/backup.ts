import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { openPglite } from '../db/open-pglite.js';

/**
 * A logical copy of the embedded database (PGlite's dumpDataDir, gzipped tar). It takes the data
 * directory's lock, so it refuses while Hearth is serving: stop Hearth first. For PostgreSQL use
 * pg_dump or the server's own backups (WAL archiving).
 */
export async function backup(config: Config, out: string | undefined): Promise<string> {
  if (config.database.engine !== 'pglite' || !config.database.dataDir) {
    throw new Error('hearth backup copies the embedded database. For PostgreSQL, use pg_dump or your server’s backups.');
  }
  const dataDir = config.database.dataDir;
  const handle = await openPglite({ dataDir });
  try {
    await handle.query('CHECKPOINT');
    const dump = await (handle as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = out ?? path.join(dataDir, 'backups', `hearth-${stamp}.tar.gz`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    return target;
  } finally {
    await handle.close();
  }
}

/** Restores a backup into an empty data directory (never over a live one). */
export async function restore(config: Config, file: string): Promise<void> {
  if (config.database.engine !== 'pglite' || !config.database.dataDir) throw new Error('hearth restore is for the embedded database.');
  const dbDir = path.join(config.database.dataDir, 'pglite');
  if (fs.existsSync(dbDir) && fs.readdirSync(dbDir).length > 0) {
    throw new Error(`${dbDir} already holds a database. Move it aside first, then restore into an empty data directory.`);
  }
  const blob = new Blob([fs.readFileSync(file)]);
  const handle = await openPglite({ dataDir: config.database.dataDir, loadDataDir: blob });
  try {
    await handle.query('select 1');
  } finally {
    await handle.close();
  }
}
