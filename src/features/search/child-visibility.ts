import { type SQL, sql } from 'drizzle-orm';
import type { Principal, Role } from '../../domain/access/index.js';

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
 *   front-door record       the user is a MASH worker or in a front-door team, and the child has a contact;
 *   performance analyst     always (read only);
 *   IRO                     the child has an open episode.
 * search-visibility.int.test.ts checks that this agrees with decideChildAccess for every fixture
 * user on every kind of child. A change to decide.ts must change this too.
 */
export function visibleChildSql(principal: Principal, personId: SQL): SQL {
  if (has(principal, 'performance_analyst')) return sql`true`;
  const rules: SQL[] = [
    sql`exists (select 1 from allocations va where va.person_id = ${personId} and va.end_date is null and va.worker_id = ${principal.userId})`,
  ];
  const teams = new Set<string>();
  if (has(principal, 'social_worker', 'team_manager', 'service_manager') && principal.teamId) teams.add(principal.teamId);
  if (has(principal, 'team_manager', 'service_manager')) for (const t of principal.managedTeamIds) teams.add(t);
  if (teams.size > 0) {
    const list = sql.join([...teams].map((t) => sql`${t}::uuid`), sql`, `);
    rules.push(
      sql`exists (select 1 from allocations vt where vt.person_id = ${personId} and vt.end_date is null and vt.team_id in (${list}))`,
      sql`exists (select 1 from cin_episodes ve where ve.person_id = ${personId} and ve.closure_date is null and ve.team_id in (${list}))`,
    );
  }
  if (has(principal, 'mash_worker') || principal.inFrontDoorTeam) {
    rules.push(sql`exists (select 1 from contacts vc where vc.person_id = ${personId})`);
  }
  if (has(principal, 'iro')) {
    rules.push(sql`exists (select 1 from cin_episodes vo where vo.person_id = ${personId} and vo.closure_date is null)`);
  }
  return sql`(${sql.join(rules, sql` or `)})`;
}

/**
 * Who may use "Find a child": anyone the rules above could ever let see a child. Placements
 * commissioners and administrators have no route to a child's record, so they get no search.
 */
export function canFindChildren(principal: Principal): boolean {
  return has(principal, 'social_worker', 'team_manager', 'service_manager', 'mash_worker', 'performance_analyst', 'iro') || principal.inFrontDoorTeam;
}

const has = (p: Principal, ...roles: Role[]) => roles.some((r) => p.roles.includes(r));
