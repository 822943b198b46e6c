import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { DatabaseHandle } from './database.js';
import { fillSearchNames } from './search-name.js';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Apply the same SQL migrations, in order, on either engine. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as never, config);
  } else {
    await migratePostgres(handle.db as never, config);
  }
  // Data the SQL cannot compute: the searchable form of names written without it (search-name.ts).
  await fillSearchNames(handle.db);
}
