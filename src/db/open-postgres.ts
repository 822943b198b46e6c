import { drizzle } from 'drizzle-orm/node-postgres';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent } from './copy-text.js';
import type { Database, DatabaseHandle } from './database.js';
import * as schema from './schema/index.js';
import { PG_TYPE, parseDate, parseInt8 } from './type-parsers.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_TYPE.DATE) return parseDate;
    if (oid === PG_TYPE.INT8) return parseInt8;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
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
        const stream = client.query(copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`));
        await pipeline(Readable.from([data]), stream);
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
