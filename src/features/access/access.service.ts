import { sql } from 'drizzle-orm';
import { type Database, type Executor, rowsOf } from '../../db/database.js';
import { type ChildAction, type Principal, decideChildAccess, isRole } from '../../domain/access/index.js';
import { AccessDenied } from '../../domain/errors.js';

export type AccessService = ReturnType<typeof createAccessService>;

/**
 * Loads what the access decision needs, fresh on every request (a change of role or team applies
 * at once), and calls the one decision function. Out of scope answers NotFound: a 404 does not
 * reveal that the child exists.
 */
export function createAccessService(db: Database) {
  /** The user, their roles, team and management line, in one round trip. */
  async function loadPrincipal(userId: string): Promise<Principal | null> {
    const result = await db.execute(sql`
      with recursive me as (
        select u.id, u.team_id, u.active, coalesce(t.is_front_door, false) as is_front_door,
               coalesce((select array_agg(r.role) from user_roles r where r.user_id = u.id), '{}') as roles
        from users u left join teams t on t.id = u.team_id
        where u.id = ${userId}
      ),
      line(id) as (
        select team_id from me where team_id is not null
          and exists (select 1 from user_roles r where r.user_id = ${userId} and r.role in ('team_manager', 'service_manager'))
        union
        select t.id from teams t join line on t.parent_id = line.id
      )
      select me.*, coalesce((select array_agg(id) from line), '{}') as managed from me`);
    const [user] = rowsOf<{ id: string; team_id: string | null; active: boolean; is_front_door: boolean; roles: string[]; managed: string[] }>(result);
    if (!user || !user.active) return null;
    return { userId: user.id, roles: user.roles.filter(isRole), teamId: user.team_id, managedTeamIds: user.managed, inFrontDoorTeam: user.is_front_door };
  }

  /** What the decision needs to know about the child, in one round trip. */
  async function childFacts(tx: Executor, personId: string) {
    const result = await tx.execute(sql`
      select
        coalesce((select array_agg(worker_id) from allocations where person_id = ${personId} and end_date is null and worker_id is not null), '{}') as workers,
        coalesce((select array_agg(team_id) from allocations where person_id = ${personId} and end_date is null), '{}') as allocated_teams,
        coalesce((select array_agg(team_id) from cin_episodes where person_id = ${personId} and closure_date is null and team_id is not null), '{}') as episode_teams,
        exists (select 1 from cin_episodes where person_id = ${personId} and closure_date is null) as has_open_episode,
        exists (select 1 from contacts where person_id = ${personId}) as has_contact`);
    const [f] = rowsOf<{ workers: string[]; allocated_teams: string[]; episode_teams: string[]; has_open_episode: boolean; has_contact: boolean }>(result);
    return {
      allocatedWorkerIds: f!.workers,
      responsibleTeamIds: [...f!.allocated_teams, ...f!.episode_teams],
      hasFrontDoorRecord: f!.has_contact,
      hasOpenEpisode: f!.has_open_episode,
    };
  }

  /** Throws NotFound unless the principal may do `action` to the child. */
  async function assertChildAccess(tx: Executor, principal: Principal, personId: string, action: ChildAction): Promise<string> {
    const facts = await childFacts(tx, personId);
    const decision = decideChildAccess(principal, action, facts);
    if (!decision.allow) throw new AccessDenied(principal.userId, personId);
    return decision.reason;
  }

  /**
   * As assertChildAccess, and from the same facts (one round trip) which of `also` the principal
   * may do too: the child's page asks once whether the reader may view and whether they may record.
   */
  async function assertChildAccessWith(tx: Executor, principal: Principal, personId: string, action: ChildAction, also: readonly ChildAction[]): Promise<{ reason: string; may: ReadonlySet<ChildAction> }> {
    const facts = await childFacts(tx, personId);
    const decision = decideChildAccess(principal, action, facts);
    if (!decision.allow) throw new AccessDenied(principal.userId, personId);
    return { reason: decision.reason, may: new Set(also.filter((a) => decideChildAccess(principal, a, facts).allow)) };
  }

  return { loadPrincipal, assertChildAccess, assertChildAccessWith, childFacts };
}
