import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/database.js';
import { allocations, cinEpisodes, contactRagRatings, contacts, people, teams, users } from '../../db/schema/index.js';
import type { Principal } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import { type ChronologyEntry, buildChronology } from './chronology.js';

export type ChildrenService = ReturnType<typeof createChildrenService>;

export function createChildrenService({ db, audit, access }: { db: Database; audit: AuditService; access: AccessService }) {
  /** The child's whole record as the page needs it; the view is audited in the same transaction. */
  async function record(principal: Principal, personId: string) {
    return db.transaction(async (tx) => {
      const [person] = await tx.select().from(people).where(eq(people.id, personId));
      if (!person) throw new NotFound('child');
      const accessReason = await access.assertChildAccess(tx, principal, personId, 'view');
      const recorder = alias(users, 'recorder');
      const decider = alias(users, 'decider');
      const contactRows = await tx
        .select({ contact: contacts, recordedBy: recorder.displayName, decidedBy: decider.displayName })
        .from(contacts)
        .innerJoin(recorder, eq(recorder.id, contacts.recordedBy))
        .leftJoin(decider, eq(decider.id, contacts.decidedBy))
        .where(eq(contacts.personId, personId));
      const ratingRows = await tx
        .select({ rating: contactRagRatings, ratedBy: users.displayName })
        .from(contactRagRatings)
        .innerJoin(contacts, eq(contacts.id, contactRagRatings.contactId))
        .innerJoin(users, eq(users.id, contactRagRatings.ratedBy))
        .where(eq(contacts.personId, personId));
      const creator = alias(users, 'creator');
      const episodeRows = await tx
        .select({ episode: cinEpisodes, createdBy: creator.displayName, decidedBy: decider.displayName, teamName: teams.name })
        .from(cinEpisodes)
        .leftJoin(creator, eq(creator.id, cinEpisodes.createdBy))
        .leftJoin(decider, eq(decider.id, cinEpisodes.referralDecidedBy))
        .leftJoin(teams, eq(teams.id, cinEpisodes.teamId))
        .where(eq(cinEpisodes.personId, personId))
        .orderBy(desc(cinEpisodes.referralDate));
      const allocationRows = await tx
        .select({ allocation: allocations, worker: users.displayName, teamName: teams.name })
        .from(allocations)
        .leftJoin(users, eq(users.id, allocations.workerId))
        .innerJoin(teams, eq(teams.id, allocations.teamId))
        .where(eq(allocations.personId, personId))
        .orderBy(desc(allocations.startDate));
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page: 'child-record', access: accessReason } });
      const chronology: ChronologyEntry[] = buildChronology({ contacts: contactRows, ratings: ratingRows, episodes: episodeRows, allocations: allocationRows });
      return { person, contacts: contactRows, episodes: episodeRows, allocations: allocationRows, chronology };
    });
  }

  /** Children allocated to this user now, for their home page. */
  async function allocatedTo(principal: Principal) {
    return db
      .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, dateOfBirth: people.dateOfBirth, laChildId: people.laChildId, since: allocations.startDate, teamName: teams.name })
      .from(allocations)
      .innerJoin(people, eq(people.id, allocations.personId))
      .innerJoin(teams, eq(teams.id, allocations.teamId))
      .where(and(eq(allocations.workerId, principal.userId), isNull(allocations.endDate)))
      .orderBy(asc(people.familyName), asc(people.givenName));
  }

  return { record, allocatedTo };
}
