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
 *   early help              an open early help episode names the user as lead practitioner, or
 *                           its team is the user's (case-holding) or in their management line;
 *   closed recently         the latest child in need closure is within the window, and the user
 *                           is a worker whose allocation ended that day or proposed the agreed
 *                           closure, or their team (case-holding or managed) is the episode's or
 *                           an allocation's that ended that day.
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
      sql`exists (select 1 from early_help_episodes vh where vh.person_id = ${personId} and vh.end_date is null and vh.team_id in (${list}))`,
    );
  }
  rules.push(sql`exists (select 1 from early_help_episodes vw where vw.person_id = ${personId} and vw.end_date is null and vw.worker_id = ${principal.userId})`);
  rules.push(closedRecentlySql(principal, personId, teams, frontDoor));
  if (can(principal, 'front-door.work')) {
    const since = frontDoorRecentSince(frontDoor.asOf, frontDoor.recentDays);
    rules.push(
      sql`exists (select 1 from contacts vc where vc.person_id = ${personId} and (vc.decision is null or (vc.decided_at at time zone 'Europe/London')::date >= ${since}::date))`,
      sql`exists (select 1 from cin_episodes vr where vr.person_id = ${personId} and ((vr.referral_decided_on is null and vr.closure_date is null) or vr.referral_decided_on >= ${since}::date))`,
      sql`(exists (select 1 from cin_episodes vf join teams vft on vft.id = vf.team_id where vf.person_id = ${personId} and vf.closure_date is null and vft.is_front_door)
           and not exists (select 1 from allocations vfa where vfa.person_id = ${personId} and vfa.end_date is null))`,
      sql`exists (select 1 from early_help_episodes vfh where vfh.person_id = ${personId} and vfh.end_date is null and vfh.team_id is null)`,
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

/** The 'closed recently' rule of decide.ts (closedRecentlyBy) as SQL: see the header. */
function closedRecentlySql(principal: Principal, personId: SQL, teams: ReadonlySet<string>, frontDoor: FrontDoorWindow): SQL {
  const since = frontDoorRecentSince(frontDoor.asOf, frontDoor.recentDays);
  const last = sql`(select max(vz.closure_date) from cin_episodes vz where vz.person_id = ${personId})`;
  const who: SQL[] = [
    sql`exists (select 1 from allocations vca where vca.person_id = ${personId} and vca.worker_id = ${principal.userId} and vca.end_date = ${last})`,
    sql`exists (select 1 from cin_closure_proposals vcp join cin_episodes vce on vce.id = vcp.cin_episode_id where vcp.person_id = ${personId} and vcp.proposed_by = ${principal.userId} and vcp.decision = 'agreed' and vce.closure_date = ${last})`,
  ];
  if (teams.size > 0) {
    const list = sql.join([...teams].map((t) => sql`${t}::uuid`), sql`, `);
    who.push(
      sql`exists (select 1 from cin_episodes vct where vct.person_id = ${personId} and vct.closure_date = ${last} and vct.team_id in (${list}))`,
      sql`exists (select 1 from allocations vcb where vcb.person_id = ${personId} and vcb.end_date = ${last} and vcb.team_id in (${list}))`,
    );
  }
  return sql`(${last} >= ${since}::date and (${sql.join(who, sql` or `)}))`;
}
