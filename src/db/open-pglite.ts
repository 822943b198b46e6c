import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { acquireDataDirLock } from './data-dir-lock.js';
import { AUTH_CHANGED_CHANNEL, type BulkSession, type Database, type DatabaseHandle } from './database.js';
import * as schema from './schema/index.js';
import { quoteIdent } from './copy-text.js';
import { PG_TYPE, parseDate, parseInt8 } from './type-parsers.js';

const parsers = { [PG_TYPE.DATE]: parseDate, [PG_TYPE.INT8]: parseInt8 };

export interface PgliteOptions {
  /** The data directory Hearth owns (holds the database, its lock and backups); null = in memory. */
  dataDir: string | null;
  /** A tarball of a migrated database to start from (tests clone a template this way). */
  loadDataDir?: Blob;
}

const copyStatement = (table: string, columns: readonly string[]) => `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob'`;

export async function openPglite(options: PgliteOptions): Promise<DatabaseHandle> {
  const lock = options.dataDir ? acquireDataDirLock(options.dataDir) : null;
  let client: PGlite;
  try {
    const dataDir = options.dataDir ? path.join(options.dataDir, 'pglite') : undefined;
    // pg_trgm: trigram similarity for finding a child by name (migration 0005 creates the extension).
    client = await PGlite.create({ dataDir, parsers, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle({ client, schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    async query<T>(text: string, params?: unknown[]) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
    async copyFrom(table: string, columns: readonly string[], data: string) {
      await client.query(copyStatement(table, columns), [], { blob: new Blob([data]) });
    },
    bulkTransaction<T>(work: (session: BulkSession) => Promise<T>): Promise<T> {
      return client.transaction((tx) =>
        work({
          async query<R>(text: string, params?: unknown[]) {
            return (await tx.query<R>(text, params)).rows;
          },
          async copyFrom(table: string, columns: readonly string[], data: string) {
            await tx.query(copyStatement(table, columns), [], { blob: new Blob([data]) });
          },
        }),
      );
    },
    async onAuthChange(listener: () => void) {
      // PGlite runs in this process: the notification is delivered as the committing query returns.
      return client.listen(AUTH_CHANGED_CHANNEL, () => listener());
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.query('CHECKPOINT');
        await client.close();
      } finally {
        lock?.release();
      }
    },
  } as DatabaseHandle & { pglite: PGlite };
}
