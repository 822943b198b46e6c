import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { type Month, monthsFrom } from '../../domain/demand/months.js';
import type { MonthlySeries } from '../../domain/demand/forecast.js';

/** The flows the committee watches, each a dated event in the record, counted by the month it happened. */
export const DEMAND_MEASURES = {
  contacts: { label: 'Contacts', date: sql`(received_at at time zone 'Europe/London')::date`, from: sql`contacts` },
  referrals: { label: 'Referrals', date: sql`referral_date`, from: sql`cin_episodes` },
  assessments: { label: 'Assessments completed', date: sql`authorised_date`, from: sql`assessments` },
  enquiries: { label: 'Section 47 enquiries started', date: sql`start_date`, from: sql`s47_enquiries` },
  conferences: { label: 'Initial child protection conferences', date: sql`conference_date`, from: sql`initial_cp_conferences where not transfer_in` },
  plans: { label: 'Child protection plans started', date: sql`start_date`, from: sql`cp_plans` },
  intoCare: { label: 'Children coming into care', date: sql`start_date`, from: sql`periods_of_care` },
} as const;

export type DemandMeasure = keyof typeof DEMAND_MEASURES;

/** One grouped count per measure: a handful of index or sequential scans, whatever the authority's size. */
export async function monthlyCounts(ex: Executor, first: Month, last: Month): Promise<Record<DemandMeasure, MonthlySeries>> {
  const months = monthsFrom(first, last);
  const out = {} as Record<DemandMeasure, MonthlySeries>;
  const from = `${first}-01`;
  const [ly, lm] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
  const to = new Date(Date.UTC(ly, lm, 1)).toISOString().slice(0, 10); // the first day after `last`
  for (const [key, m] of Object.entries(DEMAND_MEASURES) as [DemandMeasure, (typeof DEMAND_MEASURES)[DemandMeasure]][]) {
    const rows = rowsOf<{ month: string; n: number | string }>(
      await ex.execute(sql`select to_char(d, 'YYYY-MM') as month, count(*)::int as n from (select ${m.date} as d from ${m.from}) x where d >= ${from}::date and d < ${to}::date group by 1`),
    );
    const byMonth = new Map(rows.map((r) => [r.month, Number(r.n)]));
    out[key] = { months, counts: months.map((mo) => byMonth.get(mo) ?? 0) };
  }
  return out;
}
