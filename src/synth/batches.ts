/**
 * Rows buffered per table and yielded as batches in foreign-key order.
 * Keys are the SQL column names; every row of a table has the same keys.
 */

export type Row = Record<string, unknown>;

export interface Batch {
  /** SQL table name, e.g. 'cin_episodes'. */
  table: string;
  /** Keys = SQL column names; values: string | number | boolean | null | string[] | object (jsonb) | Date (timestamptz). */
  rows: Row[];
}

/** Tables written once, before any child, in foreign-key order. */
export const AUTHORITY_TABLES = ['teams', 'users', 'user_roles', 'providers', 'foster_carers', 'supervisions'] as const;

/** Tables written for each chunk of children, in foreign-key order. */
export const CHILD_TABLES = [
  'people',
  'addresses',
  'relationships',
  'disabilities',
  'immigration_statuses',
  'early_help_episodes',
  'cin_episodes',
  'contacts',
  'contact_rag_ratings',
  'allocations',
  'assessments',
  'strategy_discussions',
  's47_enquiries',
  'initial_cp_conferences',
  'cp_plans',
  'cp_reviews',
  'core_groups',
  'cin_plans',
  'cin_plan_reviews',
  'visits',
  'foster_carers',
  'periods_of_care',
  'legal_statuses',
  'placements',
  'placement_costs',
  'cla_reviews',
  'health_checks',
  'immunisations',
  'sdq_scores',
  'peps',
  'missing_episodes',
  'care_plans',
  'permanence',
  'previous_permanence',
  'cla_outcome_events',
  'care_leavers',
  'pathway_plans',
  'care_leaver_contacts',
  'supervision_children',
  'synthetic_faults',
] as const;

export type ChildTable = (typeof CHILD_TABLES)[number];

/** A buffer of rows per table. */
export class Sink {
  readonly tables = new Map<string, Row[]>();
  push(table: string, row: Row): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = [];
      this.tables.set(table, rows);
    }
    rows.push(row);
  }
  rows(table: string): Row[] {
    return this.tables.get(table) ?? [];
  }
  /** The buffered rows as batches in the given order, then empties the buffer. */
  drain(order: readonly string[]): Batch[] {
    const out: Batch[] = [];
    for (const table of order) {
      const rows = this.tables.get(table);
      if (rows && rows.length > 0) out.push({ table, rows });
    }
    this.tables.clear();
    return out;
  }
  count(): number {
    let n = 0;
    for (const rows of this.tables.values()) n += rows.length;
    return n;
  }
}
