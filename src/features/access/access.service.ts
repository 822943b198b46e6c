import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Database, type Executor, rowsOf } from '../../db/database.js';
import { allocations, cinEpisodes, contacts, teams, userRoles, users } from '../../db/schema/index.js';
import { type ChildAction, type Principal, decideChildAccess, isRole } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';

export type AccessService = ReturnType<typeof createAccessService>;

/**
 * Loads what the access decision needs, fresh on every request (a change of role or team applies
 * at once), and calls the one decision function. Out of scope answers NotFound: a 404 does not
 * reveal that the child exists.
 */
export function createAccessService(db: Database) {
  async function loadPrincipal(userId: string): Promise<Principal | null> {
    const [user] = await db
      .select({ id: users.id, teamId: users.teamId, active: users.active, isFrontDoor: teams.isFrontDoor })
      .from(users)
      .leftJoin(teams, eq(teams.id, users.teamId))
      .where(eq(users.id, userId));
    if (!user || !user.active) return null;
    const roleRows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
    const roles = roleRows.map((r) => r.role).filter(isRole);
    let managedTeamIds: string[] = [];
    if (user.teamId && roles.some((r) => r === 'team_manager' || r === 'service_manager')) {
      const result = await db.execute(sql`
        with recursive line(id) as (
          select ${user.teamId}::uuid
          union all
          select t.id from teams t join line on t.parent_id = line.id
        )
        select id from line`);
      managedTeamIds = rowsOf<{ id: string }>(result).map((r) => r.id);
    }
    return { userId: user.id, roles, teamId: user.teamId, managedTeamIds, inFrontDoorTeam: user.isFrontDoor ?? false };
  }

  async function childFacts(tx: Executor, personId: string) {
    const allocated = await tx
      .select({ workerId: allocations.workerId, teamId: allocations.teamId })
      .from(allocations)
      .where(and(eq(allocations.personId, personId), isNull(allocations.endDate)));
    const open = await tx
      .select({ teamId: cinEpisodes.teamId })
      .from(cinEpisodes)
      .where(and(eq(cinEpisodes.personId, personId), isNull(cinEpisodes.closureDate)));
    const [contact] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.personId, personId)).limit(1);
    return {
      allocatedWorkerIds: allocated.flatMap((a) => (a.workerId ? [a.workerId] : [])),
      responsibleTeamIds: [...allocated.map((a) => a.teamId), ...open.flatMap((e) => (e.teamId ? [e.teamId] : []))],
      hasFrontDoorRecord: Boolean(contact),
      hasOpenEpisode: open.length > 0,
    };
  }

  /** Throws NotFound unless the principal may do `action` to the child. */
  async function assertChildAccess(tx: Executor, principal: Principal, personId: string, action: ChildAction): Promise<string> {
    const facts = await childFacts(tx, personId);
    const decision = decideChildAccess(principal, action, facts);
    if (!decision.allow) throw new NotFound('child');
    return decision.reason;
  }

  return { loadPrincipal, assertChildAccess, childFacts };
}
