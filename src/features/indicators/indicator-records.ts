import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import type { IndicatorChild, IndicatorWindow } from '../../domain/indicators/index.js';
import { type PlainDate, addMonths } from '../../domain/time/index.js';

/** A child's slice for the indicators, filled in as the rows come back. */
const blank = (personId: string): IndicatorChild => ({ personId, contacts: [], episodes: [], assessments: [], s47Enquiries: [], icpcs: [], cpPlans: [] });

/**
 * What the indicators read for a window, for the whole authority: one pass over each table, only
 * the columns the measures use and only the rows that can change a figure for the window (a
 * year's rows, not the authority's whole history):
 * - contacts received, assessments authorised, enquiries started and conferences held in it, with
 *   the enquiry behind each conference even when it started before;
 * - referrals in it or the 12 months before (re-referrals), and episodes still open at its end;
 * - every plan of a child with a plan during it (a plan for the second time looks back for ever).
 * Dates come back as text ('YYYY-MM-DD'); a contact's time is turned into its London date here.
 */
export async function loadIndicatorChildren(ex: Executor, window: IndicatorWindow): Promise<IndicatorChild[]> {
  const { from, to } = window;
  const lookBack = addMonths(from, -12);
  const byId = new Map<string, IndicatorChild>();
  const of = (id: string) => byId.get(id) ?? byId.set(id, blank(id)).get(id)!;
  type Row = Record<string, string | boolean | null>;
  const rows = async (q: ReturnType<typeof sql>) => rowsOf<Row>(await ex.execute(q));
  const d = (v: unknown) => v as PlainDate;
  const maybe = (v: unknown) => (v === null ? null : (v as PlainDate));

  for (const r of await rows(sql`select person_id, (received_at at time zone 'Europe/London')::date::text as received_on, decision from contacts
     where (received_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date`)) {
    (of(r.person_id as string).contacts as IndicatorChild['contacts'][number][]).push({ receivedOn: d(r.received_on), decision: r.decision as string | null });
  }
  for (const r of await rows(sql`select id, person_id, referral_date::text, referral_decision, referral_decided_on::text, closure_date::text from cin_episodes
     where referral_date <= ${to}::date and (referral_date >= ${lookBack}::date or closure_date is null or closure_date > ${to}::date)`)) {
    (of(r.person_id as string).episodes as IndicatorChild['episodes'][number][]).push({ id: r.id as string, referralDate: d(r.referral_date), referralDecision: r.referral_decision as string | null, referralDecidedOn: maybe(r.referral_decided_on), closureDate: maybe(r.closure_date) });
  }
  for (const r of await rows(sql`select id, person_id, cin_episode_id, start_date::text, authorised_date::text, outcome from assessments
     where authorised_date between ${from}::date and ${to}::date`)) {
    (of(r.person_id as string).assessments as IndicatorChild['assessments'][number][]).push({ id: r.id as string, episodeId: r.cin_episode_id as string, startDate: d(r.start_date), authorisedDate: maybe(r.authorised_date), outcome: r.outcome as string | null });
  }
  for (const r of await rows(sql`select id, person_id, cin_episode_id, strategy_discussion_id, start_date::text, end_date::text, icpc_required from s47_enquiries
     where start_date between ${from}::date and ${to}::date
        or id in (select s47_enquiry_id from initial_cp_conferences where conference_date between ${from}::date and ${to}::date)`)) {
    (of(r.person_id as string).s47Enquiries as IndicatorChild['s47Enquiries'][number][]).push({ id: r.id as string, episodeId: r.cin_episode_id as string, strategyDiscussionId: r.strategy_discussion_id as string, startDate: d(r.start_date), endDate: maybe(r.end_date), icpcRequired: r.icpc_required as boolean | null });
  }
  for (const r of await rows(sql`select id, person_id, cin_episode_id, s47_enquiry_id, transfer_in, conference_date::text, plan_required from initial_cp_conferences
     where conference_date between ${from}::date and ${to}::date`)) {
    (of(r.person_id as string).icpcs as IndicatorChild['icpcs'][number][]).push({ id: r.id as string, episodeId: r.cin_episode_id as string, s47EnquiryId: r.s47_enquiry_id as string | null, transferIn: r.transfer_in as boolean, date: d(r.conference_date), planRequired: r.plan_required as boolean });
  }
  for (const r of await rows(sql`select id, person_id, icpc_id, start_date::text, end_date::text from cp_plans
     where person_id in (select person_id from cp_plans where start_date <= ${to}::date and (end_date is null or end_date >= ${from}::date))`)) {
    (of(r.person_id as string).cpPlans as IndicatorChild['cpPlans'][number][]).push({ id: r.id as string, icpcId: r.icpc_id as string | null, startDate: d(r.start_date), endDate: maybe(r.end_date) });
  }
  return [...byId.values()];
}

/** The children whose case a team held at the end of `at` (a case-worker allocation open then). */
export async function childrenHeldBy(ex: Executor, teamId: string, at: PlainDate): Promise<Set<string>> {
  const result = await ex.execute(sql`
    select distinct person_id from allocations
     where team_id = ${teamId}::uuid and role = 'CW' and start_date <= ${at}::date and (end_date is null or end_date > ${at}::date)`);
  return new Set(rowsOf<{ person_id: string }>(result).map((r) => r.person_id));
}
