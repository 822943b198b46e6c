import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or a transaction. */
export type Executor = Database | Tx;

export type Engine = 'pglite' | 'postgres';

/** The channel migration 0008's triggers notify when users, roles, teams or sessions change. */
export const AUTH_CHANGED_CHANNEL = 'hearth_auth';

/** Raw SQL and COPY on one connection inside one transaction (`DatabaseHandle.bulkTransaction`). */
export interface BulkSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  copyFrom(table: string, columns: readonly string[], data: string): Promise<void>;
}

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Raw rows for maintenance and tests; features use `db`. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Bulk load rows in PostgreSQL's COPY text format (what `copy-text.ts` writes). */
  copyFrom(table: string, columns: readonly string[], data: string): Promise<void>;
  /**
   * Runs `work` in one transaction on one connection, committed if it resolves and rolled back if
   * it throws: a bulk load lands whole or not at all. Nothing else may use the database until it
   * settles (on PGlite a query outside the transaction would wait for it forever).
   */
  bulkTransaction<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` whenever a transaction that changed who may do what commits (the triggers of
   * migration 0008 notify AUTH_CHANGED_CHANNEL). Resolves once listening; returns how to stop. A change
   * committed through this handle is heard before its commit returns; one committed by another
   * process is heard as soon as an idle connection reads it.
   */
  onAuthChange(listener: () => void): Promise<() => void>;
  close(): Promise<void>;
}

/** Rows of a raw `execute(sql...)`: both drivers return `{ rows }`, but the shared type can't say so. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
