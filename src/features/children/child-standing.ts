/**
 * Where each child of a list stands today, for every list of children (worktrays, search,
 * compliance, supervision, the homes): their status (the domain's `childStatusOn`, in its short
 * label) and the team responsible (the open case-worker allocation's team, else the open episode's).
 *
 * One statement for the whole list, however long: each table is read once per child through its
 * person index (the spells in force on the day, not the whole history), never one round trip per
 * child.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../db/database.js';
import { type CareLeaverEligibility, type JourneyStatus, childStatusOn, journeyStatusShortLabels } from '../../domain/journey/status.js';
import type { PlainDate } from '../../domain/time/index.js';
import { escapeHtml } from '../../web/escape-html.js';

export interface ChildStanding {
  status: JourneyStatus;
  /** The short label: "Child in need", "Child protection plan", "Looked after"... */
  statusLabel: string;
  /** The team responsible, or null when no team holds the child. */
  teamName: string | null;
}

interface Row {
  id: string;
  death_date: PlainDate | null;
  episode_start: PlainDate | null;
  cin_plan_start: PlainDate | null;
  cp_plan_start: PlainDate | null;
  cp_category: string | null;
  care_start: PlainDate | null;
  care_leaver: CareLeaverEligibility | null;
  care_leaver_start: PlainDate | null;
  awaiting: number | string;
  any_history: boolean;
  team_name: string | null;
}

/** The standing of each child named, keyed by person id (children not found are absent). */
export async function loadChildStandings(db: Executor, personIds: readonly string[], today: PlainDate): Promise<Map<string, ChildStanding>> {
  const ids = [...new Set(personIds)];
  const found = new Map<string, ChildStanding>();
  if (ids.length === 0) return found;
  // A spell is in force on `today` from its start up to, not including, its end (status.ts).
  const inForce = (alias: string) => {
    const t = sql.raw(alias);
    return sql`${t}.start_date <= ${today}::date and (${t}.end_date is null or ${t}.end_date > ${today}::date)`;
  };
  const result = await db.execute(sql`
    select p.id, p.death_date::text as death_date,
           (select max(e.referral_date)::text from cin_episodes e
             where e.person_id = p.id and e.referral_date <= ${today}::date and (e.closure_date is null or e.closure_date > ${today}::date)) as episode_start,
           (select max(c.start_date)::text from cin_plans c where c.person_id = p.id and ${inForce('c')}) as cin_plan_start,
           cp.start_date::text as cp_plan_start, cp.latest_category as cp_category,
           (select max(poc.start_date)::text from periods_of_care poc where poc.person_id = p.id and ${inForce('poc')}) as care_start,
           cl.eligibility as care_leaver, cl.start_date::text as care_leaver_start,
           (select count(*)::int from contacts k where k.person_id = p.id and k.decision is null) as awaiting,
           (exists (select 1 from cin_episodes e where e.person_id = p.id) or exists (select 1 from contacts k where k.person_id = p.id)) as any_history,
           coalesce(
             (select t.name from allocations a join teams t on t.id = a.team_id
               where a.person_id = p.id and a.role = 'CW' and a.end_date is null order by a.start_date desc limit 1),
             (select t.name from cin_episodes e join teams t on t.id = e.team_id
               where e.person_id = p.id and e.closure_date is null order by e.referral_date desc limit 1)
           ) as team_name
      from people p
      left join lateral (select x.start_date, x.latest_category from cp_plans x where x.person_id = p.id and ${inForce('x')} order by x.start_date desc limit 1) cp on true
      left join lateral (select x.eligibility, x.start_date from care_leavers x where x.person_id = p.id and ${inForce('x')} order by x.start_date desc limit 1) cl on true
     where p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  for (const r of rowsOf<Row>(result)) {
    const open = (start: PlainDate | null) => (start ? [{ startDate: start, endDate: null }] : []);
    const status = childStatusOn(
      {
        episodes: r.episode_start ? [{ referralDate: r.episode_start, closureDate: null }] : [],
        contactsAwaitingDecision: Number(r.awaiting),
        hasContacts: r.any_history,
        cinPlans: open(r.cin_plan_start),
        cpPlans: r.cp_plan_start ? [{ startDate: r.cp_plan_start, endDate: null, latestCategory: r.cp_category ?? 'NEG' }] : [],
        periodsOfCare: open(r.care_start),
        careLeaver: r.care_leaver && r.care_leaver_start ? [{ startDate: r.care_leaver_start, endDate: null, eligibility: r.care_leaver }] : [],
        deathDate: r.death_date,
      },
      today,
    ).status;
    found.set(r.id, { status, statusLabel: journeyStatusShortLabels[status], teamName: r.team_name });
  }
  return found;
}

/**
 * The standing as a line beneath the child's name in a table cell: "Child protection plan ·
 * Assessment Team". Escaped; empty when the child's standing was not loaded.
 */
export function standingLine(s: ChildStanding | undefined): string {
  if (!s) return '';
  return `<br><span class="govuk-body-s govuk-!-margin-0 hearth-standing" data-standing>${escapeHtml(s.statusLabel)} · ${escapeHtml(s.teamName ?? 'No team responsible')}</span>`;
}
