import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { RULE_ICPC, RULE_REVIEW_CONFERENCE } from '../../domain/obligations/index.js';
import { type PlainDate, addWeeks } from '../../domain/time/index.js';
import { loadChildStandings } from '../children/child-standing.js';

/** How far ahead the IRO's home looks for conferences: 8 weeks. */
export const IRO_WEEKS_AHEAD = 8;

interface Child {
  id: string;
  given_name: string;
  family_name: string;
  la_child_id: string | null;
}

export interface ChairedPlan extends Child {
  plan_start: PlainDate;
  conference_date: PlainDate;
  next_review: PlainDate | null;
}

export interface ConferenceDue extends Child {
  rule: string;
  due_on: PlainDate;
  basis: string;
  worker: string | null;
  chaired_by_me: boolean;
}

export interface ReviewedChild extends Child {
  last_review: PlainDate;
}

/**
 * What the record holds for an IRO or conference chair. Hearth has no IRO assignment for child
 * protection yet, so it reads: the open plans whose initial conference they chaired
 * (initial_cp_conferences.chair_id), every initial and review conference due across the authority
 * in the next 8 weeks or overdue (the stored obligations), and the children looked after now whose
 * latest review they chaired (cla_reviews.iro_id). One query each.
 */
export async function iroOverview(db: Database, iroId: string, today: PlainDate) {
  const until = addWeeks(today, IRO_WEEKS_AHEAD);
  const [chaired, due, reviewed] = await Promise.all([
    db.execute(sql`
      select p.id, p.given_name, p.family_name, p.la_child_id, cp.start_date::text as plan_start, i.conference_date::text as conference_date, r.next_review
        from cp_plans cp
        join initial_cp_conferences i on i.cin_episode_id = cp.cin_episode_id and i.chair_id = ${iroId}
        join people p on p.id = cp.person_id
        left join (select person_id, min(due_on)::text as next_review from obligations
                    where rule = ${RULE_REVIEW_CONFERENCE} and met_on is null and lapsed_on is null group by person_id) r on r.person_id = p.id
       where cp.end_date is null
       order by r.next_review nulls last, p.family_name, p.given_name`),
    db.execute(sql`
      select p.id, p.given_name, p.family_name, p.la_child_id, o.rule, o.due_on::text as due_on, o.basis, w.display_name as worker,
             exists (select 1 from initial_cp_conferences i where i.person_id = o.person_id and i.chair_id = ${iroId}) as chaired_by_me
        from obligations o
        join people p on p.id = o.person_id
        left join lateral (select u.display_name from allocations a join users u on u.id = a.worker_id
                            where a.person_id = o.person_id and a.end_date is null and a.role = 'CW' order by a.start_date desc limit 1) w on true
       where o.rule in (${RULE_ICPC}, ${RULE_REVIEW_CONFERENCE}) and o.met_on is null and o.lapsed_on is null
         and o.due_on <= ${until}::date
       order by o.due_on, p.family_name, p.given_name`),
    db.execute(sql`
      select id, given_name, family_name, la_child_id, last_review from (
        select distinct on (r.person_id) p.id, p.given_name, p.family_name, p.la_child_id, r.review_date::text as last_review, r.iro_id
          from cla_reviews r
          join periods_of_care poc on poc.id = r.period_of_care_id and (poc.end_date is null or poc.end_date > ${today}::date)
          join people p on p.id = r.person_id
         where not r.cancelled and r.review_date <= ${today}::date
         order by r.person_id, r.review_date desc) latest
       where iro_id = ${iroId}
       order by last_review, family_name, given_name`),
  ]);
  const lists = { chaired: rowsOf<ChairedPlan>(chaired), due: rowsOf<ConferenceDue>(due), reviewed: rowsOf<ReviewedChild>(reviewed) };
  const standings = await loadChildStandings(db, [...lists.chaired, ...lists.due, ...lists.reviewed].map((c) => c.id), today);
  return { until, ...lists, standings };
}
