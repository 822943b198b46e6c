/**
 * Fresh databases for the benchmarks on both engines, and their clean-up.
 *
 * - PGlite: a new data directory under the OS temp directory (removed afterwards).
 * - PostgreSQL: one throwaway cluster for the whole run (test/support/postgres-cluster.ts),
 *   started the first time a suite asks for it, with a new database per request. When the
 *   server binaries are missing, or the cluster will not start, `open('postgres')` answers with
 *   the plain reason instead of a database, and the suite reports the column as not measured.
 *
 * The provider hands out a `DatabaseConfig`, not an open handle: the HTTP suite opens the
 * database in the server's own process, exactly as `hearth serve` does.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config/config.js';
import { type PostgresCluster, findPostgresBinaries, startPostgresCluster } from '../test/support/postgres-cluster.js';

export type BenchEngine = 'pglite' | 'postgres';
export const ENGINES: BenchEngine[] = ['pglite', 'postgres'];

export interface BenchDatabase {
  engine: BenchEngine;
  database: DatabaseConfig;
  /** Where it lives, for the report ("PGlite in /tmp/...", "PostgreSQL 15.x on 127.0.0.1:port"). */
  where: string;
  /** Server version, e.g. "PostgreSQL 15.14" or "PGlite 0.5.16". */
  version: string;
  /** Removes the database (drop database / delete the directory). Safe to call twice. */
  dispose(): Promise<void>;
}

export type OpenResult = { ok: true; db: BenchDatabase } | { ok: false; reason: string };

export interface EngineProvider {
  open(engine: BenchEngine, label: string): Promise<OpenResult>;
  /** Process ids of the PostgreSQL server (postmaster and its backends), for CPU accounting. */
  postgresPids(): number[];
  /** Removes everything still there and stops the cluster. */
  closeAll(): Promise<void>;
  /** The synchronous last resort for a signal: removes temp directories (the cluster has its own exit handler). */
  closeAllSync(): void;
}

function pgliteVersion(): string {
  try {
    const file = path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json');
    return `PGlite ${(JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version}`;
  } catch {
    return 'PGlite';
  }
}

export function createEngineProvider(log: (message: string) => void): EngineProvider {
  const tempDirs = new Set<string>();
  const disposers = new Set<() => Promise<void>>();
  let clusterDir: string | null = null;
  let cluster: Promise<{ ok: true; cluster: PostgresCluster; version: string } | { ok: false; reason: string }> | null = null;

  function startCluster() {
    cluster ??= (async () => {
      const bindir = findPostgresBinaries();
      if (!bindir) {
        return { ok: false as const, reason: 'the PostgreSQL server binaries (initdb, postgres) were not found on this machine; install the postgresql package to measure it' };
      }
      log(`starting a throwaway PostgreSQL cluster (${bindir})...`);
      try {
        // Our own signal handler (bench/run.ts) exits the process; the cluster's exit handler then stops it.
        const c = await startPostgresCluster({ handleSignals: false });
        const client = new pg.Client({ connectionString: c.adminUrl });
        await client.connect();
        const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
        await client.end();
        const version = `PostgreSQL ${rows[0]?.v ?? '?'}`;
        clusterDir = c.dir;
        log(`${version} is up on 127.0.0.1:${c.port}`);
        return { ok: true as const, cluster: c, version };
      } catch (error) {
        return { ok: false as const, reason: `the PostgreSQL cluster did not start: ${(error as Error).message.split('\n')[0]}` };
      }
    })();
    return cluster;
  }

  async function open(engine: BenchEngine, label: string): Promise<OpenResult> {
    const suffix = crypto.randomBytes(4).toString('hex');
    if (engine === 'pglite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hearth-bench-${label}-`));
      tempDirs.add(dir);
      let disposed = false;
      const dispose = async () => {
        if (disposed) return;
        disposed = true;
        await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 3 });
        tempDirs.delete(dir);
        disposers.delete(dispose);
      };
      disposers.add(dispose);
      return { ok: true, db: { engine, database: { engine: 'pglite', dataDir: dir }, where: `a new data directory in ${dir}`, version: pgliteVersion(), dispose } };
    }
    const started = await startCluster();
    if (!started.ok) return started;
    const name = `hearth_bench_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${suffix}`;
    const admin = new pg.Client({ connectionString: started.cluster.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(started.cluster.adminUrl);
    url.pathname = `/${name}`;
    let disposed = false;
    const dispose = async () => {
      if (disposed) return;
      disposed = true;
      disposers.delete(dispose);
      const c = new pg.Client({ connectionString: started.cluster.adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
    disposers.add(dispose);
    return {
      ok: true,
      db: { engine, database: { engine: 'postgres', url: url.toString() }, where: `database ${name} on a throwaway cluster at 127.0.0.1:${started.cluster.port} (fsync off)`, version: started.version, dispose },
    };
  }

  function postgresPids(): number[] {
    // The cluster's directory holds data/postmaster.pid; its backends are the postmaster's children.
    const dir = clusterDir;
    if (!dir) return [];
    try {
      const postmaster = Number(fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (!Number.isInteger(postmaster)) return [];
      const pids = [postmaster];
      for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (Number(fields[1]) === postmaster) pids.push(Number(entry));
        } catch {
          // gone meanwhile
        }
      }
      return pids;
    } catch {
      return [];
    }
  }

  return {
    open,
    postgresPids,
    async closeAll() {
      for (const dispose of [...disposers]) {
        try {
          await dispose();
        } catch (error) {
          log(`clean-up: ${(error as Error).message}`);
        }
      }
      if (cluster) {
        const c = await cluster;
        if (c.ok) {
          log('stopping the PostgreSQL cluster...');
          await c.cluster.stop();
        }
        cluster = null;
        clusterDir = null;
      }
    },
    closeAllSync() {
      for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      tempDirs.clear();
    },
  };
}
