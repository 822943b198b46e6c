/**
 * Early help's SQL: episodes (opened, allocated, ended), reviews, and the teams and people an
 * episode may be allocated to. Each runs in the caller's transaction; an edit of a versioned row
 * says whether it found the version it was given (false: a colleague got there first).
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/database.js';
import { earlyHelpEpisodes, earlyHelpReviews, teams, userRoles, users } from '../../db/schema/index.js';
import type { PlainDate } from '../../domain/time/index.js';

export type EarlyHelpEpisodeRow = typeof earlyHelpEpisodes.$inferSelect;
export type EarlyHelpReviewRow = typeof earlyHelpReviews.$inferSelect;
type New<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export async function openEpisodeOf(tx: Executor, personId: string): Promise<EarlyHelpEpisodeRow | null> {
  const [row] = await tx.select().from(earlyHelpEpisodes).where(and(eq(earlyHelpEpisodes.personId, personId), isNull(earlyHelpEpisodes.endDate)));
  return row ?? null;
}

export async function reviewsOf(tx: Executor, episodeId: string): Promise<EarlyHelpReviewRow[]> {
  return tx.select().from(earlyHelpReviews).where(eq(earlyHelpReviews.episodeId, episodeId)).orderBy(asc(earlyHelpReviews.reviewDate));
}

export async function insertEpisode(tx: Tx, values: New<typeof earlyHelpEpisodes>): Promise<string> {
  const [row] = await tx.insert(earlyHelpEpisodes).values(values).returning({ id: earlyHelpEpisodes.id });
  return row!.id;
}

export async function insertReview(tx: Tx, values: New<typeof earlyHelpReviews>): Promise<string> {
  const [row] = await tx.insert(earlyHelpReviews).values(values).returning({ id: earlyHelpReviews.id });
  return row!.id;
}

/** Changes an episode at the version given; false when a colleague changed it first. */
export async function updateEpisode(tx: Tx, id: string, version: number, set: Partial<New<typeof earlyHelpEpisodes>>): Promise<boolean> {
  const updated = await tx
    .update(earlyHelpEpisodes)
    .set({ ...set, version: sql`${earlyHelpEpisodes.version} + 1` })
    .where(and(eq(earlyHelpEpisodes.id, id), eq(earlyHelpEpisodes.version, version)))
    .returning({ id: earlyHelpEpisodes.id });
  return updated.length > 0;
}

/** Teams an episode may be held by: every team that is not the front door's. */
export async function allocatableTeams(tx: Executor): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.kind, 'team'), eq(teams.isFrontDoor, false))).orderBy(asc(teams.name));
}

/** Practitioners who may lead early help: active, case-holding roles, with their team. */
export async function practitioners(tx: Executor): Promise<{ id: string; name: string; teamId: string | null }[]> {
  return tx
    .selectDistinct({ id: users.id, name: users.displayName, teamId: users.teamId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.active, true), sql`${userRoles.role} in ('social_worker', 'team_manager', 'service_manager')`))
    .orderBy(asc(users.displayName));
}

/** The date of the last change on the episode that a closure or step up may not precede. */
export function lastDateIn(episode: EarlyHelpEpisodeRow, reviews: readonly EarlyHelpReviewRow[]): PlainDate {
  return reviews.reduce<PlainDate>((d, r) => (r.reviewDate > d ? r.reviewDate : d), episode.startDate);
}
