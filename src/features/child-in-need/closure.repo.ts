/** The SQL of closing a child in need episode: the proposal, its decision, the episode, the allocations it ends. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/database.js';
import { allocations, cinClosureProposals, cinEpisodes, people, users } from '../../db/schema/index.js';
import type { PlainDate } from '../../domain/time/index.js';

type New<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export async function insertProposal(tx: Tx, values: New<typeof cinClosureProposals>): Promise<string> {
  const [row] = await tx.insert(cinClosureProposals).values(values).returning({ id: cinClosureProposals.id });
  return row!.id;
}

export async function decideProposal(tx: Tx, id: string, version: number, set: { decision: 'agreed' | 'declined'; decidedBy: string; decidedAt: Date; declineReason: string | null }): Promise<boolean> {
  const updated = await tx
    .update(cinClosureProposals)
    .set({ ...set, version: sql`${cinClosureProposals.version} + 1` })
    .where(and(eq(cinClosureProposals.id, id), eq(cinClosureProposals.version, version), isNull(cinClosureProposals.decision)))
    .returning({ id: cinClosureProposals.id });
  return updated.length > 0;
}

export async function closeEpisode(tx: Tx, id: string, version: number, set: { closureDate: PlainDate; closureReason: string }): Promise<boolean> {
  const updated = await tx
    .update(cinEpisodes)
    .set({ ...set, version: sql`${cinEpisodes.version} + 1` })
    .where(and(eq(cinEpisodes.id, id), eq(cinEpisodes.version, version), isNull(cinEpisodes.closureDate)))
    .returning({ id: cinEpisodes.id });
  return updated.length > 0;
}

/** Ends the child's open case-worker allocations on the closure date (or their start, if later). */
export async function endOpenAllocations(tx: Tx, personId: string, on: PlainDate): Promise<string[]> {
  const rows = await tx
    .update(allocations)
    .set({ endDate: sql`greatest(${allocations.startDate}, ${on}::date)` })
    .where(and(eq(allocations.personId, personId), isNull(allocations.endDate), eq(allocations.role, 'CW')))
    .returning({ id: allocations.id });
  return rows.map((r) => r.id);
}

/** Closures awaiting agreement for children held (episode or open allocation) by any of these teams, oldest first. */
export async function awaitingForTeams(db: Executor, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  const list = sql.join(teamIds.map((t) => sql`${t}::uuid`), sql`, `);
  return db
    .select({ personId: cinClosureProposals.personId, givenName: people.givenName, familyName: people.familyName, closureDate: cinClosureProposals.closureDate, closureReason: cinClosureProposals.closureReason, proposedAt: cinClosureProposals.proposedAt, proposedById: cinClosureProposals.proposedBy, proposedBy: users.displayName })
    .from(cinClosureProposals)
    .innerJoin(cinEpisodes, eq(cinEpisodes.id, cinClosureProposals.cinEpisodeId))
    .innerJoin(people, eq(people.id, cinClosureProposals.personId))
    .innerJoin(users, eq(users.id, cinClosureProposals.proposedBy))
    .where(
      and(
        isNull(cinClosureProposals.decision),
        sql`(${cinEpisodes.teamId} in (${list}) or exists (select 1 from allocations a where a.person_id = ${cinClosureProposals.personId} and a.end_date is null and a.team_id in (${list})))`,
      ),
    )
    .orderBy(cinClosureProposals.proposedAt);
}
