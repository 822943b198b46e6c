import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import {
  addresses,
  allocations,
  assessments,
  caseNotes,
  careLeaverContacts,
  careLeavers,
  carePlans,
  cinEpisodes,
  cinPlanReviews,
  cinPlans,
  claReviews,
  contactRagRatings,
  contacts,
  coreGroups,
  cpPlans,
  cpReviews,
  disabilities,
  earlyHelpEpisodes,
  earlyHelpReviews,
  cinClosureProposals,
  fosterCarers,
  healthChecks,
  immigrationStatuses,
  immunisations,
  initialCpConferences,
  legalStatuses,
  missingEpisodes,
  obligations,
  pathwayPlans,
  people,
  peps,
  periodsOfCare,
  permanence,
  placementCosts,
  placements,
  providers,
  relationships,
  s47Enquiries,
  sdqScores,
  strategyDiscussions,
  supervisionChildren,
  supervisions,
  teams,
  users,
  visits,
} from '../../db/schema/index.js';

/**
 * Everything recorded about one child, as the child's page needs it: one query per table, each on
 * its person_id index, then one for the names of the staff the record mentions. Nothing is loaded
 * per row (no N+1): a child in care for years with hundreds of visits costs the same number of
 * round trips as a new referral. Runs in the caller's transaction.
 *
 * The queries run one after another: a transaction holds one connection, which runs one query at
 * a time whatever the caller does (node-postgres queues them, and deprecates queuing). Folding them
 * into one statement of JSON subqueries saves the round trips but costs more to plan than the
 * small queries cost to run (measured: about 24 ms of planning on PostgreSQL, 50 to 90 ms on PGlite).
 */
export async function loadChildRecord(tx: Executor, personId: string) {
  const contactRows = await tx.select().from(contacts).where(eq(contacts.personId, personId));
  const ratingRows = (await tx.select({ rating: contactRagRatings }).from(contactRagRatings).innerJoin(contacts, eq(contacts.id, contactRagRatings.contactId)).where(eq(contacts.personId, personId))).map((x) => x.rating);
  const episodeRows = await tx.select({ episode: cinEpisodes, teamName: teams.name }).from(cinEpisodes).leftJoin(teams, eq(teams.id, cinEpisodes.teamId)).where(eq(cinEpisodes.personId, personId));
  const allocationRows = await tx.select({ allocation: allocations, teamName: teams.name }).from(allocations).innerJoin(teams, eq(teams.id, allocations.teamId)).where(eq(allocations.personId, personId));
  const relationshipRows = await tx
    .select({ relationship: relationships, givenName: people.givenName, familyName: people.familyName, dateOfBirth: people.dateOfBirth, isChild: people.isChild, laChildId: people.laChildId })
    .from(relationships)
    .innerJoin(people, eq(people.id, relationships.relatedPersonId))
    .where(eq(relationships.personId, personId));
  const placementRows = await tx
    .select({ placement: placements, providerName: providers.name, providerArea: providers.localAuthorityArea, providerType: providers.providerType, carerName: fosterCarers.name, carerType: fosterCarers.carerType })
    .from(placements)
    .leftJoin(providers, eq(providers.id, placements.providerId))
    .leftJoin(fosterCarers, eq(fosterCarers.id, placements.fosterCarerId))
    .where(eq(placements.personId, personId));
  const record = {
    contacts: contactRows,
    ratings: ratingRows,
    episodes: episodeRows,
    allocations: allocationRows,
    relationships: relationshipRows,
    addresses: await tx.select().from(addresses).where(eq(addresses.personId, personId)),
    disabilities: await tx.select().from(disabilities).where(eq(disabilities.personId, personId)),
    immigrationStatuses: await tx.select().from(immigrationStatuses).where(eq(immigrationStatuses.personId, personId)),
    caseNotes: await tx.select().from(caseNotes).where(eq(caseNotes.personId, personId)),
    earlyHelp: await tx.select().from(earlyHelpEpisodes).where(eq(earlyHelpEpisodes.personId, personId)),
    earlyHelpReviews: await tx.select().from(earlyHelpReviews).where(eq(earlyHelpReviews.personId, personId)),
    closureProposals: await tx.select().from(cinClosureProposals).where(eq(cinClosureProposals.personId, personId)),
    assessments: await tx.select().from(assessments).where(eq(assessments.personId, personId)),
    cinPlans: await tx.select().from(cinPlans).where(eq(cinPlans.personId, personId)),
    cinPlanReviews: await tx.select().from(cinPlanReviews).where(eq(cinPlanReviews.personId, personId)),
    visits: await tx.select().from(visits).where(eq(visits.personId, personId)),
    strategyDiscussions: await tx.select().from(strategyDiscussions).where(eq(strategyDiscussions.personId, personId)),
    s47Enquiries: await tx.select().from(s47Enquiries).where(eq(s47Enquiries.personId, personId)),
    icpcs: await tx.select().from(initialCpConferences).where(eq(initialCpConferences.personId, personId)),
    cpPlans: await tx.select().from(cpPlans).where(eq(cpPlans.personId, personId)),
    cpReviews: await tx.select().from(cpReviews).where(eq(cpReviews.personId, personId)),
    coreGroups: await tx.select().from(coreGroups).where(eq(coreGroups.personId, personId)),
    periodsOfCare: await tx.select().from(periodsOfCare).where(eq(periodsOfCare.personId, personId)),
    legalStatuses: await tx.select().from(legalStatuses).where(eq(legalStatuses.personId, personId)),
    placements: placementRows,
    placementCosts: await tx
      .select({ placementId: placementCosts.placementId, fromDate: placementCosts.fromDate, weeklyCost: placementCosts.weeklyCost })
      .from(placementCosts)
      .innerJoin(placements, eq(placements.id, placementCosts.placementId))
      .where(eq(placements.personId, personId)),
    claReviews: await tx.select().from(claReviews).where(eq(claReviews.personId, personId)),
    healthChecks: await tx.select().from(healthChecks).where(eq(healthChecks.personId, personId)),
    immunisations: await tx.select().from(immunisations).where(eq(immunisations.personId, personId)),
    sdqScores: await tx.select().from(sdqScores).where(eq(sdqScores.personId, personId)),
    peps: await tx.select().from(peps).where(eq(peps.personId, personId)),
    missingEpisodes: await tx.select().from(missingEpisodes).where(eq(missingEpisodes.personId, personId)),
    carePlans: await tx.select().from(carePlans).where(eq(carePlans.personId, personId)),
    permanence: await tx.select().from(permanence).where(eq(permanence.personId, personId)),
    careLeavers: await tx.select().from(careLeavers).where(eq(careLeavers.personId, personId)),
    pathwayPlans: await tx.select().from(pathwayPlans).where(eq(pathwayPlans.personId, personId)),
    keepInTouch: await tx.select().from(careLeaverContacts).where(eq(careLeaverContacts.personId, personId)),
    supervisionDecisions: await tx
      .select({ id: supervisionChildren.id, decision: supervisionChildren.decision, rationale: supervisionChildren.rationale, date: supervisions.supervisionDate, supervisorId: supervisions.supervisorId, workerId: supervisions.workerId })
      .from(supervisionChildren)
      .innerJoin(supervisions, eq(supervisions.id, supervisionChildren.supervisionId))
      .where(eq(supervisionChildren.personId, personId)),
    openObligations: await tx.select().from(obligations).where(and(eq(obligations.personId, personId), isNull(obligations.metOn), isNull(obligations.lapsedOn))),
  };

  // The staff named anywhere in the record, in one query.
  const staffIds = new Set<string>();
  const add = (...ids: (string | null | undefined)[]) => {
    for (const id of ids) if (id) staffIds.add(id);
  };
  for (const c of record.contacts) add(c.recordedBy, c.decidedBy);
  for (const x of record.ratings) add(x.ratedBy);
  for (const e of record.episodes) add(e.episode.createdBy, e.episode.referralDecidedBy);
  for (const a of record.allocations) add(a.allocation.workerId, a.allocation.createdBy);
  for (const a of record.assessments) add(a.createdBy, a.authorisedBy, a.workerId);
  for (const p of record.cinPlans) add(p.createdBy, p.workerId);
  for (const v of record.visits) add(v.createdBy, v.workerId);
  for (const c of record.icpcs) add(c.createdBy, c.chairId);
  for (const x of record.claReviews) add(x.createdBy, x.iroId);
  for (const c of record.careLeavers) add(c.createdBy, c.personalAdviserId);
  for (const e of record.earlyHelp) add(e.createdBy, e.workerId);
  for (const r of record.earlyHelpReviews) add(r.createdBy, r.reviewedBy);
  for (const p of record.closureProposals) add(p.proposedBy, p.decidedBy);
  for (const s of record.supervisionDecisions) add(s.supervisorId, s.workerId);
  for (const rows of [
    record.relationships.map((x) => x.relationship),
    record.addresses,
    record.immigrationStatuses,
    record.caseNotes,
    record.cinPlanReviews,
    record.strategyDiscussions,
    record.s47Enquiries,
    record.cpPlans,
    record.cpReviews,
    record.coreGroups,
    record.periodsOfCare,
    record.legalStatuses,
    record.placements.map((x) => x.placement),
    record.healthChecks,
    record.immunisations,
    record.sdqScores,
    record.peps,
    record.missingEpisodes,
    record.carePlans,
    record.permanence,
    record.pathwayPlans,
    record.keepInTouch,
  ] as { createdBy: string | null }[][]) {
    for (const x of rows) add(x.createdBy);
  }
  const staff = staffIds.size ? await tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...staffIds])) : [];
  return { staff: new Map(staff.map((u) => [u.id, u.displayName])), ...record };
}

export type ChildRecordRows = Awaited<ReturnType<typeof loadChildRecord>>;

/** The child, or none. */
export async function loadPerson(tx: Executor, personId: string) {
  const [person] = await tx.select().from(people).where(eq(people.id, personId));
  return person ?? null;
}
