/**
 * Loading many rows into empty tables the way pg_restore does: rows first, then the keys and
 * indexes, then the foreign keys. Maintaining a b-tree or GIN index row by row (random UUID keys
 * touch a different leaf page every time), and checking a foreign key with one lookup per row,
 * costs several times what building each index once from the loaded rows (a sort) and checking
 * each foreign key with one anti-join costs: on PGlite, loading scale 1 took half the CPU time
 * with them set aside (docs/benchmarks.md).
 *
 * `setAsideIndexes` drops, for those of the named tables that are empty: their primary keys and
 * unique constraints, their other indexes, and every foreign key from or to them. It returns
 * `restore`, which recreates every one from its own definition as the catalogue printed it
 * (pg_get_constraintdef, pg_get_indexdef), under the same name: the schema after `restore` is the
 * schema the migrations made, and the rows have been checked against every key, unique index and
 * foreign key. Run both, and the load between them, in one transaction
 * (`DatabaseHandle.bulkTransaction`): if anything fails (a duplicate key, a dangling reference),
 * the rollback brings back the empty tables with their indexes and constraints.
 *
 * Tables that already hold rows are left alone (a foreign key from one of them to an emptied
 * table is dropped and re-added, which checks its rows again). Exclusion constraints stay.
 */
import type { BulkSession } from './database.js';

export interface SetAside {
  /** Primary keys and unique constraints of the emptied tables. */
  keys: number;
  indexes: number;
  foreignKeys: number;
  /** Recreates the keys, then the indexes, then the foreign keys (each checked against the rows). */
  restore(onStep?: (what: string) => void): Promise<void>;
}

interface Constraint {
  tbl: string;
  name: string;
  def: string;
}

export async function setAsideIndexes(session: BulkSession, tables: readonly string[]): Promise<SetAside> {
  const empty: string[] = [];
  const existing = await session.query<{ name: string }>(
    `select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname = any($1::text[]) order by c.relname`,
    [tables],
  );
  for (const { name } of existing) {
    const [row] = await session.query<{ has: boolean }>(`select exists (select 1 from ${ident(name)}) as has`);
    if (!row?.has) empty.push(name);
  }
  if (empty.length === 0) return { keys: 0, indexes: 0, foreignKeys: 0, restore: async () => {} };

  const targets = `(select oid from pg_class where relnamespace = 'public'::regnamespace and relname = any($1::text[]))`;
  // Every foreign key from or to an emptied table (one pointing at a key we drop must go first).
  const foreignKeys = await session.query<Constraint>(
    `select k.conrelid::regclass::text as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def
       from pg_constraint k
      where k.contype = 'f' and (k.conrelid in ${targets} or k.confrelid in ${targets})
      order by 1, 2`,
    [empty],
  );
  const keys = await session.query<Constraint>(
    `select k.conrelid::regclass::text as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def
       from pg_constraint k
      where k.contype in ('p', 'u') and k.conrelid in ${targets}
      order by 1, k.contype, 2`,
    [empty],
  );
  // The other indexes: those no constraint of the table owns (an exclusion constraint keeps its own).
  const indexes = await session.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i
      where i.indrelid in ${targets}
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype <> 'f')
      order by i.indrelid::regclass::text, 1`,
    [empty],
  );
  for (const fk of foreignKeys) await session.query(`alter table ${fk.tbl} drop constraint ${ident(fk.name)}`);
  for (const key of keys) await session.query(`alter table ${key.tbl} drop constraint ${ident(key.name)}`);
  for (const index of indexes) await session.query(`drop index ${index.name}`);

  return {
    keys: keys.length,
    indexes: indexes.length,
    foreignKeys: foreignKeys.length,
    async restore(onStep) {
      for (const key of keys) {
        onStep?.(`key ${key.name}`);
        await session.query(`alter table ${key.tbl} add constraint ${ident(key.name)} ${key.def}`);
      }
      for (const index of indexes) {
        onStep?.(`index ${index.name}`);
        await session.query(index.def);
      }
      for (const fk of foreignKeys) {
        onStep?.(`foreign key ${fk.name}`);
        await session.query(`alter table ${fk.tbl} add constraint ${ident(fk.name)} ${fk.def}`);
      }
    },
  };
}

/** A catalogue name as a quoted identifier. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
