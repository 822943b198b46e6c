import type { DatabaseConfig } from '../config/config.js';
import type { DatabaseHandle } from './database.js';
import { openPglite } from './open-pglite.js';
import { openPostgres } from './open-postgres.js';

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.engine === 'postgres' ? openPostgres(config.url) : openPglite({ dataDir: config.dataDir });
}
