import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import type { PlainDate } from '../../domain/time/index.js';

export interface RuleCount {
  rule: string;
  open: number;
  overdue: number;
  childrenOverdue: number;
}

/** Open items across the authority by rule, and how many are past their due date: one grouped query. */
export async function openByRule(db: Database, today: PlainDate): Promise<RuleCount[]> {
  const result = await db.execute(sql`
    select rule, count(*)::int as open, (count(*) filter (where due_on < ${today}::date))::int as overdue,
           (count(distinct person_id) filter (where due_on < ${today}::date))::int as children_overdue
      from obligations
     where met_on is null and lapsed_on is null and due_on is not null
     group by rule`);
  return rowsOf<{ rule: string; open: number | string; overdue: number | string; children_overdue: number | string }>(result).map((r) => ({
    rule: r.rule,
    open: Number(r.open),
    overdue: Number(r.overdue),
    childrenOverdue: Number(r.children_overdue),
  }));
}
