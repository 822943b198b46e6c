import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/database.js';
import {
  assessments,
  cinEpisodes,
  cinPlanReviews,
  cinPlans,
  claReviews,
  coreGroups,
  legalStatuses,
  missingEpisodes,
  periodsOfCare,
  placements,
  cpPlans,
  cpReviews,
  initialCpConferences,
  people,
  s47Enquiries,
  strategyDiscussions,
  visits,
} from '../../db/schema/index.js';
import { NotFound } from '../../domain/errors.js';
import { type CaseFile, lookedAfterOf } from './case-file.js';

/**
 * Holds the child's row for the rest of the transaction: two writes about one child (two workers,
 * two tabs) run one after the other, so each sees what the other did before the journey's gates
 * are checked. A child that does not exist is NotFound.
 */
export async function lockChild(tx: Tx, personId: string): Promise<void> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for('no key update');
  if (!row) throw new NotFound('child');
}

/** NotFound unless the child exists. */
export async function personExists(tx: Executor, personId: string): Promise<void> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
  if (!row) throw new NotFound('child');
}

export async function loadCase(tx: Executor, personId: string): Promise<CaseFile> {
  const [person] = await tx
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, dateOfBirth: people.dateOfBirth, laChildId: people.laChildId })
    .from(people)
    .where(eq(people.id, personId));
  if (!person) throw new NotFound('child');
  // One after another: inside a transaction they share one connection (node-postgres deprecates
  // overlapping queries on a client, and PGlite runs them in turn anyway).
  const eps = await tx.select().from(cinEpisodes).where(eq(cinEpisodes.personId, personId)).orderBy(asc(cinEpisodes.referralDate), asc(cinEpisodes.createdAt));
  const ass = await tx.select().from(assessments).where(eq(assessments.personId, personId)).orderBy(asc(assessments.startDate), asc(assessments.createdAt));
  const sds = await tx.select().from(strategyDiscussions).where(eq(strategyDiscussions.personId, personId)).orderBy(asc(strategyDiscussions.discussionDate), asc(strategyDiscussions.createdAt));
  const s47s = await tx.select().from(s47Enquiries).where(eq(s47Enquiries.personId, personId)).orderBy(asc(s47Enquiries.startDate), asc(s47Enquiries.createdAt));
  const icpcs = await tx.select().from(initialCpConferences).where(eq(initialCpConferences.personId, personId)).orderBy(asc(initialCpConferences.conferenceDate), asc(initialCpConferences.createdAt));
  const plans = await tx.select().from(cpPlans).where(eq(cpPlans.personId, personId)).orderBy(asc(cpPlans.startDate), asc(cpPlans.createdAt));
  const reviews = await tx.select().from(cpReviews).where(eq(cpReviews.personId, personId)).orderBy(asc(cpReviews.reviewDate), asc(cpReviews.createdAt));
  const groups = await tx.select().from(coreGroups).where(eq(coreGroups.personId, personId)).orderBy(asc(coreGroups.meetingDate), asc(coreGroups.createdAt));
  const cins = await tx.select().from(cinPlans).where(eq(cinPlans.personId, personId)).orderBy(asc(cinPlans.startDate), asc(cinPlans.createdAt));
  const cinReviews = await tx.select().from(cinPlanReviews).where(eq(cinPlanReviews.personId, personId)).orderBy(asc(cinPlanReviews.reviewDate), asc(cinPlanReviews.createdAt));
  const vs = await tx.select().from(visits).where(eq(visits.personId, personId)).orderBy(asc(visits.visitDate), asc(visits.createdAt));
  const lookedAfter = lookedAfterOf({
    periodsOfCare: await tx.select().from(periodsOfCare).where(eq(periodsOfCare.personId, personId)),
    legalStatuses: await tx.select().from(legalStatuses).where(eq(legalStatuses.personId, personId)),
    placements: await tx.select().from(placements).where(eq(placements.personId, personId)),
    claReviews: await tx.select().from(claReviews).where(eq(claReviews.personId, personId)),
    missingEpisodes: await tx.select().from(missingEpisodes).where(eq(missingEpisodes.personId, personId)),
  });
  return {
    person,
    episodes: eps,
    open: eps.find((e) => e.closureDate === null) ?? null,
    assessments: ass,
    strategyDiscussions: sds,
    s47s,
    icpcs,
    cpPlans: plans,
    cpReviews: reviews,
    coreGroups: groups,
    cinPlans: cins,
    cinPlanReviews: cinReviews,
    visits: vs,
    ...lookedAfter,
  };
}

