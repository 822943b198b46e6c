import { type SQL, sql } from 'drizzle-orm';
import { type FrontDoorWindow, type Principal, can, frontDoorRecentSince } from '../../domain/access/index.js';

/**
 * The access decision of src/domain/access/decide.ts (decideChildAccess, action 'view') as a SQL
 * predicate on a person id, for lists and searches (security.md §2.2: the same policy as a WHERE).
 * Built from the principal, so rules that cannot apply to them are left out of the query.
 *
 * Rule by rule, each allows the child when:
 *   allocated worker        an open allocation (no end date) names the user as worker;
 *   responsible team        the user is a social worker or manager and their team holds an open
 *                           allocation or the open episode;
 *   management line         the user is a team or service manager and a team in their line does;
 *   front-door record       the user is a MASH worker or in a front-door team, and the child has
 *                           front-door work open (a contact awaiting its decision, a referral
 *                           awaiting its decision, an open episode held by a front-door team with
 *                           no allocation) or decided on or after the window's first day;
 *   performance analyst     always (read only);
 *   IRO                     the child has an open episode, or is looked after (an open period of care).
 * search-visibility.int.test.ts checks that this agrees with decideChildAccess for every fixture
 * user on every kind of child. A change to decide.ts must change this too.
 */
export function visibleChildSql(principal: Principal, personId: SQL, frontDoor: FrontDoorWindow): SQL {
  if (can(principal, 'child.view-any')) return sql`true`;
  const rules: SQL[] = [
    sql`exists (select 1 from allocations va where va.person_id = ${personId} and va.end_date is null and va.worker_id = ${principal.userId})`,
  ];
  const teams = new Set<string>();
  if (can(principal, 'child.hold-cases') && principal.teamId) teams.add(principal.teamId);
  if (can(principal, 'team.manage')) for (const t of principal.managedTeamIds) teams.add(t);
  if (teams.size > 0) {
    const list = sql.join([...teams].map((t) => sql`${t}::uuid`), sql`, `);
    rules.push(
      sql`exists (select 1 from allocations vt where vt.person_id = ${personId} and vt.end_date is null and vt.team_id in (${list}))`,
      sql`exists (select 1 from cin_episodes ve where ve.person_id = ${personId} and ve.closure_date is null and ve.team_id in (${list}))`,
    );
  }
  if (can(principal, 'front-door.work')) {
    const since = frontDoorRecentSince(frontDoor.asOf, frontDoor.recentDays);
    rules.push(
      sql`exists (select 1 from contacts vc where vc.person_id = ${personId} and (vc.decision is null or (vc.decided_at at time zone 'Europe/London')::date >= ${since}::date))`,
      sql`exists (select 1 from cin_episodes vr where vr.person_id = ${personId} and ((vr.referral_decided_on is null and vr.closure_date is null) or vr.referral_decided_on >= ${since}::date))`,
      sql`(exists (select 1 from cin_episodes vf join teams vft on vft.id = vf.team_id where vf.person_id = ${personId} and vf.closure_date is null and vft.is_front_door)
           and not exists (select 1 from allocations vfa where vfa.person_id = ${personId} and vfa.end_date is null))`,
    );
  }
  if (can(principal, 'child.view-open-episodes')) {
    rules.push(sql`exists (select 1 from cin_episodes vo where vo.person_id = ${personId} and vo.closure_date is null)`);
  }
  if (can(principal, 'cla.record-review')) {
    rules.push(sql`exists (select 1 from periods_of_care vl where vl.person_id = ${personId} and vl.end_date is null)`);
  }
  return sql`(${sql.join(rules, sql` or `)})`;
}

/**
 * Who may use "Find a child": anyone the rules above could ever let see a child. Placements
 * commissioners and administrators have no route to a child's record, so they get no search.
 */
export function canFindChildren(principal: Principal): boolean {
  return can(principal, 'child.find');
}
