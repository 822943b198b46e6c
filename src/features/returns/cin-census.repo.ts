import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import type { CensusChild, CensusEpisode } from '../../domain/returns/cin-census/census-child.js';
import type { CensusYear } from '../../domain/returns/cin-census/cohort.js';
import type { PlainDate } from '../../domain/time/index.js';

type Row = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * The whole record of every child with a child in need episode open at some time in the year (one
 * query per table): the census keeps what touched the year, and counts earlier plans.
 */
export async function loadCensusChildren(ex: Executor, year: CensusYear): Promise<CensusChild[]> {
  const inYear = sql`(select person_id from cin_episodes where referral_date <= ${year.referenceDate}::date and (closure_date is null or closure_date >= ${year.start}::date))`;
  const rows = async (q: ReturnType<typeof sql>) => rowsOf<Row>(await ex.execute(q));
  const d = (v: unknown) => v as PlainDate;
  const maybe = (v: unknown) => (v === null || v === undefined ? null : (v as PlainDate));

  const children = new Map<string, Mutable<CensusChild>>();
  for (const r of await rows(sql`
    select id, la_child_id, upn, upn_unknown_reason, date_of_birth::text, expected_date_of_birth::text, sex, death_date::text, ethnicity
      from people where id in ${inYear} and is_child order by la_child_id`)) {
    children.set(r.id as string, {
      laChildId: r.la_child_id as string,
      upn: (r.upn as string | null) ?? null,
      upnUnknown: (r.upn_unknown_reason as string | null) ?? null,
      dateOfBirth: maybe(r.date_of_birth),
      expectedDateOfBirth: maybe(r.expected_date_of_birth),
      sex: r.sex as string,
      deathDate: maybe(r.death_date),
      ethnicity: (r.ethnicity as string | null) ?? null,
      disabilities: [],
      episodes: [],
    });
  }
  for (const r of await rows(sql`select person_id, code from disabilities where person_id in ${inYear} order by code`)) children.get(r.person_id as string)?.disabilities.push(r.code as string);

  const episodes = new Map<string, Mutable<CensusEpisode>>();
  for (const r of await rows(sql`
    select id, person_id, referral_date::text, referral_source, primary_need_code, referral_decision, closure_date::text, closure_reason
      from cin_episodes where person_id in ${inYear} order by referral_date`)) {
    const e: Mutable<CensusEpisode> = {
      id: r.id as string,
      referralDate: d(r.referral_date),
      referralSource: r.referral_source as string,
      primaryNeedCode: (r.primary_need_code as string | null) ?? null,
      referralDecision: (r.referral_decision as string | null) ?? null,
      closureDate: maybe(r.closure_date),
      closureReason: (r.closure_reason as string | null) ?? null,
      assessments: [],
      cinPlans: [],
      s47s: [],
      icpcs: [],
      cpPlans: [],
    };
    episodes.set(e.id, e);
    children.get(r.person_id as string)?.episodes.push(e);
  }
  const of = (r: Row) => episodes.get(r.cin_episode_id as string);
  for (const r of await rows(sql`select cin_episode_id, start_date::text, authorised_date::text, factors from assessments where person_id in ${inYear} order by start_date`)) {
    of(r)?.assessments.push({ startDate: d(r.start_date), authorisedDate: maybe(r.authorised_date), factors: (r.factors as string[] | null) ?? [] });
  }
  for (const r of await rows(sql`select cin_episode_id, start_date::text, end_date::text from cin_plans where person_id in ${inYear} order by start_date`)) {
    of(r)?.cinPlans.push({ startDate: d(r.start_date), endDate: maybe(r.end_date) });
  }
  for (const r of await rows(sql`select id, cin_episode_id, start_date::text, icpc_required from s47_enquiries where person_id in ${inYear} order by start_date`)) {
    of(r)?.s47s.push({ id: r.id as string, startDate: d(r.start_date), icpcRequired: (r.icpc_required as boolean | null) ?? null });
  }
  for (const r of await rows(sql`select cin_episode_id, s47_enquiry_id, conference_date::text, target_date::text from initial_cp_conferences where person_id in ${inYear} order by conference_date`)) {
    of(r)?.icpcs.push({ s47Id: (r.s47_enquiry_id as string | null) ?? null, date: d(r.conference_date), targetDate: maybe(r.target_date) });
  }
  const plans = new Map<string, { reviews: PlainDate[] }>();
  for (const r of await rows(sql`select id, cin_episode_id, start_date::text, end_date::text, initial_category, latest_category from cp_plans where person_id in ${inYear} order by start_date`)) {
    const p = { id: r.id as string, startDate: d(r.start_date), endDate: maybe(r.end_date), initialCategory: r.initial_category as string, latestCategory: r.latest_category as string, reviews: [] as PlainDate[] };
    plans.set(p.id, p);
    of(r)?.cpPlans.push(p);
  }
  for (const r of await rows(sql`select cp_plan_id, review_date::text from cp_reviews where person_id in ${inYear} and review_date is not null`)) plans.get(r.cp_plan_id as string)?.reviews.push(d(r.review_date));
  return [...children.values()];
}
