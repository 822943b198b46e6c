import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import type { PlainDate } from '../../domain/time/index.js';

/**
 * Children looked after today (an open period of care) and their current placements by type
 * (SSDA903 PLACE), from periods_of_care and placements: one query for the counts, one grouped by type.
 */
export async function lookedAfterNow(db: Database, today: PlainDate) {
  const [totals, byType] = await Promise.all([
    db.execute(sql`
      select count(distinct poc.person_id)::int as looked_after, count(distinct pl.person_id)::int as placed
        from periods_of_care poc
        left join placements pl on pl.period_of_care_id = poc.id and pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date)
       where poc.start_date <= ${today}::date and (poc.end_date is null or poc.end_date > ${today}::date)`),
    db.execute(sql`
      select pl.placement_type, count(distinct pl.person_id)::int as children
        from placements pl
        join periods_of_care poc on poc.id = pl.period_of_care_id and (poc.end_date is null or poc.end_date > ${today}::date)
       where pl.start_date <= ${today}::date and (pl.end_date is null or pl.end_date > ${today}::date)
       group by pl.placement_type
       order by children desc, pl.placement_type`),
  ]);
  const t = rowsOf<{ looked_after: number | string; placed: number | string }>(totals)[0];
  return {
    lookedAfter: Number(t?.looked_after ?? 0),
    placed: Number(t?.placed ?? 0),
    byType: rowsOf<{ placement_type: string; children: number | string }>(byType).map((r) => ({ code: r.placement_type, children: Number(r.children) })),
  };
}
