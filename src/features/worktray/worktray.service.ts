import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { cinEpisodes, contactRagRatings, contacts, earlyHelpEpisodes, people, teams, users } from '../../db/schema/index.js';
import { type Principal, canWorkFrontDoor } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import type { RagRating } from '../../domain/front-door/rag.js';
import { mashDecisionDue, referralDecisionDue } from '../../domain/obligations/index.js';
import { type Clock, londonDateOf } from '../../domain/time/index.js';
import { loadChildStandings } from '../children/child-standing.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { UsersService } from '../users/users.service.js';

export interface WorktrayFilter {
  teamId: string | null;
  workerId: string | null;
}

export type WorktrayService = ReturnType<typeof createWorktrayService>;

/** The front door's queue: contacts awaiting a MASH decision and referrals awaiting a response. */
export function createWorktrayService({ db, clock, settings }: { db: Database; clock: Clock; settings: SettingsService; users: UsersService }) {
  async function frontDoor(principal: Principal, filter: WorktrayFilter) {
    if (!canWorkFrontDoor(principal)) throw new NotFound('page');
    const hours = await settings.ragClockHours();
    const contactWhere = [isNull(contacts.decision)]; // = decided_at is null (check contacts_decided), and lets the planner use the partial index contacts_awaiting
    if (filter.teamId) contactWhere.push(eq(contacts.teamId, filter.teamId));
    if (filter.workerId) contactWhere.push(eq(contacts.assignedWorkerId, filter.workerId));
    const waiting = await db
      .select({
        id: contacts.id,
        personId: people.id,
        givenName: people.givenName,
        familyName: people.familyName,
        dateOfBirth: people.dateOfBirth,
        receivedAt: contacts.receivedAt,
        source: contacts.source,
        teamName: teams.name,
        worker: users.displayName,
      })
      .from(contacts)
      .innerJoin(people, eq(people.id, contacts.personId))
      .innerJoin(teams, eq(teams.id, contacts.teamId))
      .leftJoin(users, eq(users.id, contacts.assignedWorkerId))
      .where(and(...contactWhere));
    const ratings = waiting.length
      ? await db
          .select({ contactId: contactRagRatings.contactId, rating: contactRagRatings.rating, ratedAt: contactRagRatings.ratedAt })
          .from(contactRagRatings)
          .where(inArray(contactRagRatings.contactId, waiting.map((w) => w.id)))
          .orderBy(asc(contactRagRatings.ratedAt))
      : [];
    const byContact = new Map<string, typeof ratings>();
    for (const r of ratings) byContact.set(r.contactId, [...(byContact.get(r.contactId) ?? []), r]);
    const contactItems = waiting
      .map((w) => {
        const history = (byContact.get(w.id) ?? []).map((r) => ({ rating: r.rating as RagRating, ratedAt: r.ratedAt }));
        const due = mashDecisionDue({ id: w.id, personId: w.personId, receivedAt: w.receivedAt, decidedAt: null, ratings: history }, hours);
        return { ...w, rag: history.at(-1)?.rating ?? null, dueAt: due.dueAt!, basis: due.basis };
      })
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());

    // A referral belongs to the front-door team whose contact opened it (the episode itself is held
    // by the receiving team from the MASH decision, issue 9); older episodes without one, by their team.
    const frontDoorTeam = sql<string | null>`coalesce((select c.team_id from ${contacts} c where c.cin_episode_id = ${cinEpisodes.id} and c.decision in ('referral', 'strategy_discussion') order by c.decided_at limit 1), ${cinEpisodes.teamId})`;
    const episodeWhere = [isNull(cinEpisodes.referralDecidedOn), isNull(cinEpisodes.closureDate)];
    if (filter.teamId) episodeWhere.push(sql`${frontDoorTeam} = ${filter.teamId}::uuid`);
    if (filter.workerId) episodeWhere.push(eq(cinEpisodes.createdBy, filter.workerId));
    const referrals = await db
      .select({ id: cinEpisodes.id, personId: people.id, givenName: people.givenName, familyName: people.familyName, referralDate: cinEpisodes.referralDate, teamName: teams.name })
      .from(cinEpisodes)
      .innerJoin(people, eq(people.id, cinEpisodes.personId))
      .leftJoin(teams, sql`${teams.id} = ${frontDoorTeam}`)
      .where(and(...episodeWhere));
    const referralItems = referrals
      .map((r) => {
        const due = referralDecisionDue({ id: r.id, personId: r.personId, referralDate: r.referralDate, referralDecidedOn: null });
        return { ...r, dueOn: due.dueOn!, basis: due.basis };
      })
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    // Early help the front door has opened (a MASH decision, a step down) and not yet given to a team
    // and lead practitioner (issue 9): the front door's own unallocated work, oldest first.
    const earlyHelp = await db
      .select({ id: earlyHelpEpisodes.id, personId: people.id, givenName: people.givenName, familyName: people.familyName, startDate: earlyHelpEpisodes.startDate })
      .from(earlyHelpEpisodes)
      .innerJoin(people, eq(people.id, earlyHelpEpisodes.personId))
      .where(and(isNull(earlyHelpEpisodes.endDate), isNull(earlyHelpEpisodes.teamId)))
      .orderBy(asc(earlyHelpEpisodes.startDate));
    const standings = await loadChildStandings(db, [...contactItems.map((c) => c.personId), ...referralItems.map((r) => r.personId), ...earlyHelp.map((e) => e.personId)], londonDateOf(clock.now()));
    return { contacts: contactItems, referrals: referralItems, earlyHelp, hours, standings };
  }

  async function frontDoorTeamsAndWorkers() {
    const frontTeams = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.isFrontDoor, true)).orderBy(asc(teams.name));
    const workers = frontTeams.length
      ? await db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(and(inArray(users.teamId, frontTeams.map((t) => t.id)), eq(users.active, true)))
          .orderBy(asc(users.displayName))
      : [];
    return { teams: frontTeams, workers };
  }

  return { frontDoor, frontDoorTeamsAndWorkers };
}
