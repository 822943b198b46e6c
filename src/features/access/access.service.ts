import { sql } from 'drizzle-orm';
import { type Database, type Executor, rowsOf } from '../../db/database.js';
import {
  type ChildAccessFacts,
  type ChildAction,
  DEFAULT_FRONT_DOOR_RECENT_DAYS,
  FRONT_DOOR_RECENT_DAYS_SETTING,
  type Principal,
  decideChildAccess,
  isRole,
} from '../../domain/access/index.js';
import { AccessDenied } from '../../domain/errors.js';
import { type Clock, type PlainDate, londonDateOf } from '../../domain/time/index.js';

export interface AccessDeps {
  clock: Clock;
}

export type AccessService = ReturnType<typeof createAccessService>;

/**
 * Loads what the access decision needs, fresh on every request (a change of role or team applies
 * at once), and calls the one decision function. Out of scope answers NotFound: a 404 does not
 * reveal that the child exists.
 */
export function createAccessService(db: Database, { clock }: AccessDeps) {
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

  /**
   * What the decision needs to know about the child, in one round trip, and the front door's
   * look-back setting. Front-door work is open while a contact awaits its MASH decision, a referral
   * its decision, or the open episode sits with a front-door team and nobody holds the case yet (the
   * strategy discussion the MASH decided on, before allocation); its last decision is the later of
   * a contact's and a referral's, as a London date.
   */
  async function childFacts(tx: Executor, personId: string): Promise<ChildAccessFacts> {
    const result = await tx.execute(sql`
      select
        coalesce((select is_child from people where id = ${personId}), false) as is_child,
        coalesce((select array_agg(worker_id) from allocations where person_id = ${personId} and end_date is null and worker_id is not null), '{}') as workers,
        coalesce((select array_agg(team_id) from allocations where person_id = ${personId} and end_date is null), '{}') as allocated_teams,
        coalesce((select array_agg(team_id) from cin_episodes where person_id = ${personId} and closure_date is null and team_id is not null), '{}') as episode_teams,
        exists (select 1 from cin_episodes where person_id = ${personId} and closure_date is null) as has_open_episode,
        exists (select 1 from periods_of_care where person_id = ${personId} and end_date is null) as looked_after,
        exists (select 1 from contacts where person_id = ${personId} and decision is null)
          or exists (select 1 from cin_episodes where person_id = ${personId} and referral_decided_on is null and closure_date is null)
          or (exists (select 1 from cin_episodes e join teams t on t.id = e.team_id where e.person_id = ${personId} and e.closure_date is null and t.is_front_door)
              and not exists (select 1 from allocations where person_id = ${personId} and end_date is null)) as front_door_open,
        greatest(
          (select max((decided_at at time zone 'Europe/London')::date) from contacts where person_id = ${personId}),
          (select max(referral_decided_on) from cin_episodes where person_id = ${personId})
        )::text as front_door_decided_on,
        (select value from settings where key = ${FRONT_DOOR_RECENT_DAYS_SETTING}) as front_door_recent_days`);
    const [f] = rowsOf<{ is_child: boolean; workers: string[]; allocated_teams: string[]; episode_teams: string[]; has_open_episode: boolean; looked_after: boolean; front_door_open: boolean; front_door_decided_on: string | null; front_door_recent_days: unknown }>(result);
    return {
      isChild: f!.is_child,
      allocatedWorkerIds: f!.workers,
      responsibleTeamIds: [...f!.allocated_teams, ...f!.episode_teams],
      allocated: f!.allocated_teams.length > 0,
      frontDoor: {
        workOpen: f!.front_door_open,
        lastDecidedOn: f!.front_door_decided_on as PlainDate | null,
        asOf: londonDateOf(clock.now()),
        recentDays: typeof f!.front_door_recent_days === 'number' ? f!.front_door_recent_days : DEFAULT_FRONT_DOOR_RECENT_DAYS,
      },
      hasOpenEpisode: f!.has_open_episode,
      lookedAfter: f!.looked_after,
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
