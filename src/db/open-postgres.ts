import { drizzle } from 'drizzle-orm/node-postgres';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent } from './copy-text.js';
import { AUTH_CHANGED_CHANNEL, type BulkSession, type Database, type DatabaseHandle } from './database.js';
import * as schema from './schema/index.js';
import { PG_TYPE, parseDate, parseInt8 } from './type-parsers.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_TYPE.DATE) return parseDate;
    if (oid === PG_TYPE.INT8) return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
};

async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], data: string): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([data]), stream);
}

export async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const authListeners = new Set<() => void>();
  // Every connection listens for changes to who may do what: the one that commits a change hears
  // its own notification before COMMIT returns, so the change applies to the next request at once.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    onConnect: async (client: pg.ClientBase) => {
      client.on('notification', (message) => {
        if (message.channel === AUTH_CHANGED_CHANNEL) for (const listener of authListeners) listener();
      });
      await client.query(`LISTEN ${AUTH_CHANGED_CHANNEL}`);
    },
  });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate) is
  // reported here; without a listener it would be an uncaught exception that stops Hearth. The pool
  // drops the connection and opens another when next needed.
  pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
  // Fail at start-up, with the reason, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async copyFrom(table: string, columns: readonly string[], data: string) {
      const client = await pool.connect();
      try {
        await copyInto(client, table, columns, data);
      } finally {
        client.release();
      }
    },
    async bulkTransaction<T>(work: (session: BulkSession) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<R>(text: string, params?: unknown[]) {
            return (await client.query(text, params)).rows as R[];
          },
          copyFrom: (table, columns, data) => copyInto(client, table, columns, data),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        // A connection that could not roll back is closed rather than handed to the next request.
        client.release(broken);
      }
    },
    async onAuthChange(listener: () => void) {
      authListeners.add(listener);
      return () => {
        authListeners.delete(listener);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
