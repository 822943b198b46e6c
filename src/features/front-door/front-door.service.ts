import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NewChildHousehold } from './household.schema.js';
import { recordHousehold } from './household.repo.js';
import type { Database, Tx } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { nameKeys, searchNameOf } from '../../db/search-name.js';
import { allocations, cinEpisodes, contactRagRatings, contacts, people, teams, users } from '../../db/schema/index.js';
import { type Principal, canDecideReferral, canWorkFrontDoor } from '../../domain/access/index.js';
import { Conflict, NotFound, NotPermitted, ValidationFailed } from '../../domain/errors.js';
import { type ContactDecision, NFA_REFERRAL_CLOSURE_REASON, type ReferralDecision, decisionIsReferral } from '../../domain/front-door/contact-decision.js';
import type { RagRating } from '../../domain/front-door/rag.js';
import { mashDecisionDue, referralDecisionDue } from '../../domain/obligations/index.js';
import { type Clock, type PlainDate, formatLondonDateTime, formatLongDate, londonDateOf } from '../../domain/time/index.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ObligationsService } from '../obligations/obligations.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { type Submission, onceOnly } from '../submissions/once-only.js';
import { type PersonCriteria, findLikelyMatches, nextLaChildId, openEpisodeOf } from './people.repo.js';
import { urls } from '../../web/urls.js';
import { openEarlyHelpFromMash } from '../early-help/mash-decision.js';

export interface NewPerson {
  givenName: string;
  familyName: string;
  dateOfBirth: PlainDate | null;
  /** For an unborn child. */
  expectedDateOfBirth?: PlainDate | null;
  sex: 'M' | 'F' | 'U';
  nhsNumber: string | null;
  /** Address, parents or carers, school: recorded with the new child, in the same transaction. */
  household?: NewChildHousehold;
}

export interface RecordContactCommand {
  person: { existingId: string } | { new: NewPerson; confirmedNotDuplicate: boolean };
  receivedAt: Date;
  source: string;
  referrerName: string | null;
  referrerOrganisation: string | null;
  referrerContact: string | null;
  concerns: string;
  assignedWorkerId: string | null;
}

export interface DecisionCommand {
  decision: ContactDecision;
  rationale: string;
  primaryNeedCode: string | null;
  /** The team the referral goes to (a referral or strategy discussion that opens an episode). */
  receivingTeamId: string | null;
  /** When the decision was made (not when it was keyed). */
  decidedAt: Date;
  version: number;
}

export interface Deps {
  db: Database;
  clock: Clock;
  audit: AuditService;
  access: AccessService;
  settings: SettingsService;
  obligations: ObligationsService;
}

export type FrontDoorService = ReturnType<typeof createFrontDoorService>;

/** The advisory lock key that serialises creating new people at the front door (any 64-bit number of our own). */
const NEW_PERSON_LOCK = 4_811_220_001;

export function createFrontDoorService({ db, clock, audit, access, settings, obligations }: Deps) {
  function requireFrontDoor(principal: Principal) {
    if (!canWorkFrontDoor(principal)) throw new NotFound('page');
  }

  /** Which front-door team a contact recorded by this user belongs to. */
  async function frontDoorTeamFor(tx: Tx, principal: Principal): Promise<string> {
    if (principal.teamId) {
      const [own] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.id, principal.teamId), eq(teams.isFrontDoor, true)));
      if (own) return own.id;
    }
    const [first] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.isFrontDoor, true)).orderBy(asc(teams.name)).limit(1);
    if (!first) throw new ValidationFailed([{ field: 'team', message: 'There is no front-door (MASH) team set up. Ask an administrator to create one.' }]);
    return first.id;
  }

  async function searchPeople(principal: Principal, criteria: PersonCriteria) {
    requireFrontDoor(principal);
    return db.transaction(async (tx) => {
      const matches = await findLikelyMatches(tx, criteria);
      await audit.record(tx, { userId: principal.userId, action: 'person-search', subjectType: 'person', detail: { results: matches.length } });
      return matches;
    });
  }

  async function frontDoorWorkers() {
    return db
      .select({ id: users.id, displayName: users.displayName, teamId: users.teamId })
      .from(users)
      .innerJoin(teams, eq(teams.id, users.teamId))
      .where(and(eq(teams.isFrontDoor, true), eq(users.active, true)))
      .orderBy(asc(users.displayName));
  }

  async function personSummary(principal: Principal, personId: string) {
    requireFrontDoor(principal);
    return db.transaction(async (tx) => {
      const [person] = await tx.select().from(people).where(and(eq(people.id, personId), eq(people.isChild, true)));
      if (!person) throw new NotFound('child'); // an adult in the family has no contact of their own
      const episode = await openEpisodeOf(tx, personId);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page: 'record-contact' } });
      return { person, openEpisode: episode };
    });
  }

  /** Records a contact (and, where needed, the person) once, however often the form is sent. */
  async function recordContact(principal: Principal, command: RecordContactCommand, submission: Submission) {
    try {
      return await recordContactOnce(principal, command, submission);
    } catch (error) {
      // The unique index is the backstop (someone else's write not under the lock): the same answer as the check.
      if (!('new' in command.person) || !command.person.new.nhsNumber || !isUniqueViolation(error, 'people_nhs_number')) throw error;
      const [known] = await db.select({ laChildId: people.laChildId }).from(people).where(eq(people.nhsNumber, command.person.new.nhsNumber));
      throw new ValidationFailed([
        known?.laChildId
          ? { field: 'nhsNumber', message: `A child with this NHS number is already known (child ID ${known.laChildId}). Record the contact for them from the list of possible matches.` }
          : { field: 'nhsNumber', message: 'This NHS number is already recorded for someone else (an adult in a child’s family). Check the number.' },
      ]);
    }
  }

  async function recordContactOnce(principal: Principal, command: RecordContactCommand, submission: Submission) {
    requireFrontDoor(principal);
    return onceOnly(db, submission, async (tx) => {
      if (command.assignedWorkerId) {
        // The form lists active front-door workers; anyone else (a forged or stale choice) is refused.
        const [worker] = await tx
          .select({ id: users.id })
          .from(users)
          .innerJoin(teams, eq(teams.id, users.teamId))
          .where(and(eq(users.id, command.assignedWorkerId), eq(users.active, true), eq(teams.isFrontDoor, true)));
        if (!worker) throw new ValidationFailed([{ field: 'assignedWorkerId', message: 'Select the MASH worker to triage it' }]);
      }
      let personId: string;
      if ('existingId' in command.person) {
        // A contact is about a child: an adult in the family (is_child false) is refused.
        const [existing] = await tx.select({ id: people.id }).from(people).where(and(eq(people.id, command.person.existingId), eq(people.isChild, true)));
        if (!existing) throw new NotFound('child');
        personId = existing.id;
      } else {
        const p = command.person.new;
        // One new person at a time: two forms for the same child sent at once (two tabs) would each
        // find no match and both create the child. The second now waits, then finds the first.
        await tx.execute(sql`select pg_advisory_xact_lock(${NEW_PERSON_LOCK})`);
        const matches = await findLikelyMatches(tx, p);
        const sameNhs = p.nhsNumber ? matches.find((m) => m.nhsNumber === p.nhsNumber) : undefined;
        if (sameNhs) {
          // An NHS number belongs to one person: this is the known child, whatever the name says.
          throw new ValidationFailed([{ field: 'nhsNumber', message: `A child with this NHS number is already known (child ID ${sameNhs.laChildId}). Record the contact for them from the list of possible matches.` }]);
        }
        if (matches.length > 0 && !command.person.confirmedNotDuplicate) {
          throw new ValidationFailed([{ field: 'confirmNotDuplicate', message: 'Check the possible matches, then confirm that none of them is this child' }]);
        }
        const laChildId = await nextLaChildId(tx);
        const searchName = searchNameOf(p.givenName, p.familyName);
        const [created] = await tx
          .insert(people)
          .values({ laChildId, givenName: p.givenName, familyName: p.familyName, searchName, searchKeys: nameKeys(searchName), dateOfBirth: p.dateOfBirth, expectedDateOfBirth: p.expectedDateOfBirth ?? null, sex: p.sex, nhsNumber: p.nhsNumber, createdBy: principal.userId })
          .returning({ id: people.id });
        personId = created!.id;
        await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'person', subjectId: personId, personId, detail: { laChildId, possibleMatchesConfirmedNotSame: matches.map((m) => m.id) } });
        // Nothing of the household given (an address, a carer, a school): nothing to write or audit.
        if (p.household && (p.household.address || p.household.carers.length || p.household.school)) {
          const written = await recordHousehold(tx, personId, p.household, { on: londonDateOf(command.receivedAt), by: principal.userId, at: clock.now() });
          await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'household', subjectId: personId, personId, detail: written });
        }
      }
      const openEpisode = await openEpisodeOf(tx, personId);
      const teamId = await frontDoorTeamFor(tx, principal);
      const [contact] = await tx
        .insert(contacts)
        .values({
          personId,
          receivedAt: command.receivedAt,
          source: command.source,
          referrerName: command.referrerName,
          referrerOrganisation: command.referrerOrganisation,
          referrerContact: command.referrerContact,
          concerns: command.concerns,
          teamId,
          assignedWorkerId: command.assignedWorkerId ?? principal.userId,
          recordedBy: principal.userId,
          recordedAt: clock.now(),
          cinEpisodeId: openEpisode?.id ?? null,
        })
        .returning({ id: contacts.id });
      await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'contact', subjectId: contact!.id, personId, detail: { linkedToOpenEpisode: openEpisode?.id ?? null } });
      return urls.contacts.show(contact!.id);
    });
  }

  async function loadContact(tx: Tx, principal: Principal, contactId: string) {
    requireFrontDoor(principal);
    const [row] = await tx
      .select({ contact: contacts, person: people, teamName: teams.name })
      .from(contacts)
      .innerJoin(people, eq(people.id, contacts.personId))
      .innerJoin(teams, eq(teams.id, contacts.teamId))
      .where(eq(contacts.id, contactId));
    if (!row) throw new NotFound('contact');
    await access.assertChildAccess(tx, principal, row.person.id, 'view');
    return row;
  }

  async function getContact(principal: Principal, contactId: string) {
    const hours = await settings.ragClockHours();
    return db.transaction(async (tx) => {
      const row = await loadContact(tx, principal, contactId);
      const ratings = await tx
        .select({ id: contactRagRatings.id, rating: contactRagRatings.rating, reason: contactRagRatings.reason, ratedAt: contactRagRatings.ratedAt, ratedBy: users.displayName })
        .from(contactRagRatings)
        .innerJoin(users, eq(users.id, contactRagRatings.ratedBy))
        .where(eq(contactRagRatings.contactId, contactId))
        .orderBy(asc(contactRagRatings.ratedAt));
      const [recordedBy] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.contact.recordedBy));
      const [decidedBy] = row.contact.decidedBy ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.contact.decidedBy)) : [];
      const [assigned] = row.contact.assignedWorkerId ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.contact.assignedWorkerId)) : [];
      const [episode] = row.contact.cinEpisodeId ? await tx.select().from(cinEpisodes).where(eq(cinEpisodes.id, row.contact.cinEpisodeId)) : [];
      const openEpisode = await openEpisodeOf(tx, row.person.id);
      const due = mashDecisionDue({ id: contactId, personId: row.person.id, receivedAt: row.contact.receivedAt, decidedAt: row.contact.decidedAt, ratings: ratings.map((r) => ({ rating: r.rating as RagRating, ratedAt: r.ratedAt })) }, hours);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'contact', subjectId: contactId, personId: row.person.id });
      return {
        ...row,
        ratings,
        recordedByName: recordedBy?.name ?? '',
        decidedByName: decidedBy?.name ?? null,
        assignedWorkerName: assigned?.name ?? null,
        episode: episode ?? null,
        openEpisode,
        due,
      };
    });
  }

  /** Bumps the contact's version, refusing a stale edit. */
  async function bumpContact(tx: Tx, contactId: string, expectedVersion: number, changes: Partial<typeof contacts.$inferInsert> = {}) {
    const updated = await tx
      .update(contacts)
      .set({ ...changes, version: sql`${contacts.version} + 1` })
      .where(and(eq(contacts.id, contactId), eq(contacts.version, expectedVersion)))
      .returning({ id: contacts.id });
    if (updated.length === 0) {
      throw new Conflict('This contact was changed after you opened it (by a colleague, or by you in another tab or window), so your change was not saved.', urls.contacts.show(contactId));
    }
  }

  async function rateContact(principal: Principal, contactId: string, input: { rating: RagRating; reason: string | null; version: number }, submission: Submission) {
    return onceOnly(db, submission, async (tx) => {
      const row = await loadContact(tx, principal, contactId);
      // Already decided is said first: whoever may view the contact may know that (and once it is
      // decided, the front door's work on the child may be over, so recording would be refused).
      if (row.contact.decidedAt) throw new Conflict('A decision has already been made on this contact, so it can no longer be RAG rated.', urls.contacts.show(contactId));
      await access.assertChildAccess(tx, principal, row.person.id, 'front-door');
      await bumpContact(tx, contactId, input.version);
      await tx.insert(contactRagRatings).values({ contactId, rating: input.rating, reason: input.reason, ratedAt: clock.now(), ratedBy: principal.userId });
      await audit.record(tx, { userId: principal.userId, action: 'update', subjectType: 'contact', subjectId: contactId, personId: row.person.id, detail: { rag: input.rating } });
      return urls.contacts.show(contactId);
    });
  }

  /** The teams a referral may go to: case-holding teams, not the front door. */
  async function receivingTeams(ex: Tx | Database = db) {
    return ex.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.kind, 'team'), eq(teams.isFrontDoor, false))).orderBy(asc(teams.name));
  }

  /**
   * The MASH decision, dated when it was made (`decidedAt`; the time it is keyed is kept too). A
   * referral (or a strategy discussion) opens a child in need episode whose referral date is the
   * day of the decision, held by the receiving team (the episode's team and a team allocation, no
   * worker yet: that team's manager allocates), unless the child already has one open: then the
   * contact joins that episode, because episodes never overlap (CIN census rules 8815, 8820).
   */
  async function decideContact(principal: Principal, contactId: string, input: DecisionCommand, submission: Submission) {
    return onceOnly(db, submission, async (tx) => {
      const row = await loadContact(tx, principal, contactId);
      if (row.contact.decidedAt) throw new Conflict('A decision has already been made on this contact.', urls.contacts.show(contactId));
      await access.assertChildAccess(tx, principal, row.person.id, 'front-door');
      const now = clock.now();
      if (input.decidedAt.getTime() > now.getTime() + 60_000) throw new ValidationFailed([{ field: 'decidedTime', message: 'Time of the decision must be now or in the past' }]);
      if (input.decidedAt.getTime() < row.contact.receivedAt.getTime()) {
        throw new ValidationFailed([{ field: 'decidedOn-day', message: `The decision cannot be before the contact was received (${formatLondonDateTime(row.contact.receivedAt)})` }]);
      }
      // One decision about a child at a time: two referrals at once would both find no open episode
      // and both try to open one. The second now waits, then joins the first one's episode (or, for
      // the same contact, fails the version check below) instead of breaking the one-open-episode rule.
      await tx.select({ id: people.id }).from(people).where(eq(people.id, row.person.id)).for('no key update');
      let episodeId = row.contact.cinEpisodeId;
      let opened = false;
      if (decisionIsReferral(input.decision)) {
        const open = await openEpisodeOf(tx, row.person.id);
        if (open) {
          episodeId = open.id;
        } else {
          episodeId = await openReferral(tx, principal, row, input, now);
          opened = true;
        }
      }
      await bumpContact(tx, contactId, input.version, { decision: input.decision, decisionRationale: input.rationale, decidedBy: principal.userId, decidedAt: input.decidedAt, decisionRecordedAt: now, cinEpisodeId: episodeId });
      await audit.record(tx, { userId: principal.userId, action: 'update', subjectType: 'contact', subjectId: contactId, personId: row.person.id, detail: { decision: input.decision, episode: episodeId, opened, decidedAt: input.decidedAt.toISOString() } });
      // Early help (issue 9): the decision opens an early help episode from the day it was made; the contact's page links to its allocation.
      const earlyHelp = input.decision === 'early_help' ? await openEarlyHelpFromMash(tx, audit, { personId: row.person.id, contactId, decidedOn: londonDateOf(input.decidedAt), rationale: input.rationale, userId: principal.userId, at: now }) : null;
      if (opened || earlyHelp) await obligations.recompute(tx, row.person.id);
      return opened && input.decision === 'referral' ? urls.referrals.show(episodeId!) : urls.contacts.show(contactId);
    });
  }

  /** Opens the episode a MASH decision to refer starts, and gives it to the receiving team. */
  async function openReferral(tx: Tx, principal: Principal, row: { contact: typeof contacts.$inferSelect; person: typeof people.$inferSelect }, input: DecisionCommand, now: Date): Promise<string> {
    const errors = [];
    const team = input.receivingTeamId ? (await receivingTeams(tx)).find((t) => t.id === input.receivingTeamId) : undefined;
    if (!team) errors.push({ field: 'receivingTeamId', message: 'Select the team the referral goes to' });
    if (!input.primaryNeedCode) errors.push({ field: 'primaryNeedCode', message: 'Select the primary need' });
    if (errors.length || !team) throw new ValidationFailed(errors);
    // The referral date is the day of the decision to refer, not the day it was keyed (CIN census ReferralDate).
    const decidedOn = londonDateOf(input.decidedAt);
    const strategy = input.decision === 'strategy_discussion';
    const [episode] = await tx
      .insert(cinEpisodes)
      .values({
        personId: row.person.id,
        referralDate: decidedOn,
        referralSource: row.contact.source,
        primaryNeedCode: input.primaryNeedCode!,
        teamId: team.id,
        createdBy: principal.userId,
        // A MASH decision to hold a strategy discussion is itself the response to the referral.
        referralDecision: strategy ? 'strategy_discussion' : null,
        referralDecisionRationale: strategy ? input.rationale : null,
        referralDecidedBy: strategy ? principal.userId : null,
        referralDecidedOn: strategy ? decidedOn : null,
        referralDecisionRecordedAt: strategy ? now : null,
      })
      .returning({ id: cinEpisodes.id });
    const episodeId = episode!.id;
    await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'cin_episode', subjectId: episodeId, personId: row.person.id, detail: { fromContact: row.contact.id, team: team.id } });
    // The receiving team holds the case from the decision until its manager allocates a worker. A
    // child whose case a team already holds (an open allocation) stays with that team.
    const held = await tx.select({ id: allocations.id }).from(allocations).where(and(eq(allocations.personId, row.person.id), eq(allocations.role, 'CW'), isNull(allocations.endDate)));
    if (held.length === 0) {
      const [allocation] = await tx
        .insert(allocations)
        .values({ personId: row.person.id, workerId: null, teamId: team.id, startDate: decidedOn, reason: `Referred by the front door to ${team.name}`, role: 'CW', createdBy: principal.userId, recordedAt: now })
        .returning({ id: allocations.id });
      await audit.record(tx, { userId: principal.userId, action: 'allocate', subjectType: 'allocation', subjectId: allocation!.id, personId: row.person.id, detail: { teamId: team.id, workerId: null, fromContact: row.contact.id } });
    }
    return episodeId;
  }

  async function loadEpisode(tx: Tx, principal: Principal, episodeId: string) {
    const [row] = await tx
      .select({ episode: cinEpisodes, person: people })
      .from(cinEpisodes)
      .innerJoin(people, eq(people.id, cinEpisodes.personId))
      .where(eq(cinEpisodes.id, episodeId));
    if (!row) throw new NotFound('referral');
    await access.assertChildAccess(tx, principal, row.person.id, 'view');
    return row;
  }

  async function getReferral(principal: Principal, episodeId: string) {
    return db.transaction(async (tx) => {
      const row = await loadEpisode(tx, principal, episodeId);
      const [decidedBy] = row.episode.referralDecidedBy ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.episode.referralDecidedBy)) : [];
      const referralContacts = await tx.select().from(contacts).where(eq(contacts.cinEpisodeId, episodeId)).orderBy(asc(contacts.receivedAt));
      // Who made each contact's MASH decision: one query for them all.
      const deciderIds = [...new Set(referralContacts.map((c) => c.decidedBy).filter((id): id is string => id !== null))];
      const deciders = deciderIds.length ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, deciderIds)) : [];
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'cin_episode', subjectId: episodeId, personId: row.person.id });
      const due = referralDecisionDue({ id: episodeId, personId: row.person.id, referralDate: row.episode.referralDate, referralDecidedOn: row.episode.referralDecidedOn });
      const named = referralContacts.map((c) => ({ ...c, decidedByName: deciders.find((d) => d.id === c.decidedBy)?.name ?? null }));
      return { ...row, decidedByName: decidedBy?.name ?? null, contacts: named, due, canDecide: canDecideReferral(principal) };
    });
  }

  /** The response to a referral; "no further action" closes the episode that day. */
  async function decideReferral(principal: Principal, episodeId: string, input: { decision: ReferralDecision; rationale: string; decidedOn: PlainDate; version: number }, submission: Submission) {
    if (!canDecideReferral(principal)) throw new NotPermitted('Only the front door or a manager can make the referral decision.');
    return onceOnly(db, submission, async (tx) => {
      const row = await loadEpisode(tx, principal, episodeId);
      if (row.episode.referralDecidedOn) throw new Conflict('The referral decision has already been made.', urls.referrals.show(episodeId));
      if (row.episode.closureDate) throw new Conflict('This child in need episode is closed.', urls.referrals.show(episodeId));
      await access.assertChildAccess(tx, principal, row.person.id, 'front-door');
      const now = clock.now();
      // Dated when it was decided: never after today, never before the referral.
      if (input.decidedOn > londonDateOf(now)) throw new ValidationFailed([{ field: 'decidedOn-day', message: 'Date of the decision must be today or in the past' }]);
      if (input.decidedOn < row.episode.referralDate) {
        throw new ValidationFailed([{ field: 'decidedOn-day', message: `Date of the decision must be on or after the referral (${formatLongDate(row.episode.referralDate)})` }]);
      }
      const decidedOn = input.decidedOn;
      const nfa = input.decision === 'nfa';
      const updated = await tx
        .update(cinEpisodes)
        .set({
          referralDecision: input.decision,
          referralDecisionRationale: input.rationale,
          referralDecidedBy: principal.userId,
          referralDecidedOn: decidedOn,
          referralDecisionRecordedAt: now,
          closureDate: nfa ? decidedOn : null,
          closureReason: nfa ? NFA_REFERRAL_CLOSURE_REASON : null,
          version: sql`${cinEpisodes.version} + 1`,
        })
        .where(and(eq(cinEpisodes.id, episodeId), eq(cinEpisodes.version, input.version)))
        .returning({ id: cinEpisodes.id });
      if (updated.length === 0) throw new Conflict('This referral was changed after you opened it (by a colleague, or by you in another tab or window), so your decision was not saved.', urls.referrals.show(episodeId));
      await audit.record(tx, { userId: principal.userId, action: 'update', subjectType: 'cin_episode', subjectId: episodeId, personId: row.person.id, detail: { referralDecision: input.decision, decidedOn } });
      await obligations.recompute(tx, row.person.id);
      return urls.child(row.person.id);
    });
  }

  return { searchPeople, personSummary, frontDoorWorkers, receivingTeams: () => receivingTeams(), recordContact, getContact, rateContact, decideContact, getReferral, decideReferral };
}
