import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database.js';
import { rowsOf } from '../db/database.js';
import { allocations } from '../db/schema/index.js';
import type { Principal } from '../domain/access/index.js';
import { addWorkingDays, londonDateOf, parsePlainDate } from '../domain/time/index.js';
import type { Config } from '../config/config.js';
import { createServices } from '../web/services.js';
import { hashPassword } from '../features/auth/password.js';
import { recomputeAllObligations } from '../features/obligations/obligations.service.js';
import { generateAuthority } from '../synth/index.js';
import { loadBatches } from '../synth/load-authority.js';
import { settableClock } from '../web/clock.js';

import { recordDemoImprovementPlan } from './demo-improvement-plan.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';

export { DEMO_PASSWORD, DEMO_USERS, isEmpty } from './demo-users.js';

interface DemoChild {
  given: string;
  family: string;
  dob: string | null;
  sex: 'M' | 'F' | 'U';
  /** Hours before now that the contact was received. */
  receivedHoursAgo: number;
  source: string;
  concerns: string;
  rag?: { rating: 'red' | 'amber' | 'green'; hoursAgo: number }[];
  decision?: { decision: 'nfa' | 'advice' | 'early_help' | 'referral' | 'strategy_discussion'; hoursAgo: number; need?: string; rationale: string };
  referralResponse?: { decision: 'assessment' | 'strategy_discussion' | 'nfa'; rationale: string };
  allocate?: boolean;
}

/** A handful of plainly fictional children whose contacts sit at every stage of the front door. */
const CHILDREN: DemoChild[] = [
  { given: 'Amelia', family: 'Hartwell', dob: '2016-03-14', sex: 'F', receivedHoursAgo: 2, source: '2A', concerns: 'School reports bruising to Amelia’s arm; she said her stepfather grabbed her.', rag: [{ rating: 'red', hoursAgo: 1.5 }] },
  { given: 'Leo', family: 'Brennan', dob: '2019-11-02', sex: 'M', receivedHoursAgo: 6, source: '6', concerns: 'Police attended a domestic incident at the home overnight; Leo was present.', rag: [{ rating: 'amber', hoursAgo: 5.5 }, { rating: 'red', hoursAgo: 5 }] },
  { given: 'Maisie', family: 'Doyle', dob: '2012-07-21', sex: 'F', receivedHoursAgo: 30, source: '3B', concerns: 'Health visitor concerned about home conditions and the baby sibling’s weight.', rag: [{ rating: 'amber', hoursAgo: 29 }] },
  { given: 'Oskar', family: 'Nowak', dob: '2014-01-09', sex: 'M', receivedHoursAgo: 20, source: '1A', concerns: 'Grandmother worried Oskar is often left alone in the evenings.', rag: [{ rating: 'green', hoursAgo: 19 }] },
  { given: 'Zara', family: 'Iqbal', dob: '2010-05-30', sex: 'F', receivedHoursAgo: 1, source: '5D', concerns: 'Early help worker: parent asking for support with Zara’s school refusal.' },
  { given: 'Jayden', family: 'Clarke-Moss', dob: '2017-09-17', sex: 'M', receivedHoursAgo: 50, source: '2A', concerns: 'Jayden disclosed that his mother hits him with a belt.', rag: [{ rating: 'red', hoursAgo: 49 }], decision: { decision: 'referral', hoursAgo: 46, need: 'N1', rationale: 'Disclosure of physical chastisement with an implement; threshold for statutory assessment met.' } },
  { given: 'Ruby', family: 'Fenwick', dob: '2015-02-11', sex: 'F', receivedHoursAgo: 98, source: '3A', concerns: 'GP concerned about Ruby’s weight loss and missed appointments.', rag: [{ rating: 'amber', hoursAgo: 97 }], decision: { decision: 'referral', hoursAgo: 80, need: 'N1', rationale: 'Possible neglect of health needs; assessment needed.' }, referralResponse: { decision: 'assessment', rationale: 'Child and family assessment to understand Ruby’s health needs.' }, allocate: true },
  { given: 'Ethan', family: 'Marsh', dob: '2011-12-03', sex: 'M', receivedHoursAgo: 75, source: '8', concerns: 'Youth club worker says Ethan seems low and is not eating.', rag: [{ rating: 'green', hoursAgo: 74 }], decision: { decision: 'early_help', hoursAgo: 60, rationale: 'Needs are below the threshold for statutory services; family agrees to early help.' } },
];

export interface DemoOptions {
  /** Size of the synthetic authority under the demo (1 = a London borough); 0 = the demo's handful of children only. */
  scale: number;
  seed: number;
  years: number;
  onProgress?: (message: string, done: number, total: number) => void;
}

/**
 * Loads the demo authority: a synthetic authority of the given scale (bulk loaded), the demo users
 * as named accounts within it, and a handful of live contacts at every stage of the front door,
 * recorded through the same services the pages use so that every record has its audit trail.
 * Used by `npm start` on an empty database and by `hearth demo`.
 */
export async function loadDemoAuthority(handle: DatabaseHandle, config: Config, now: Date, options: DemoOptions = { scale: 0, seed: 1, years: 5 }): Promise<void> {
  const clock = settableClock(now);
  const services = createServices({ config, db: handle, clock });
  const ids = options.scale > 0 ? await seedSyntheticWithDemoUsers(handle, services, now, options) : await createDemoTeamsAndUsers(services);
  await recordLiveFrontDoor(handle, services, clock, now, ids);
  await recordDemoImprovementPlan(handle, ids['service.manager']!);
  options.onProgress?.('Working out every child’s timescales', 0, 1);
  await recomputeAllObligations(handle, await services.settings.localNorms(), now, { fresh: true, onProgress: (done, total) => options.onProgress?.('Working out every child’s timescales', done, total) });
}

type Services = ReturnType<typeof createServices>;

async function createDemoTeamsAndUsers(services: Services): Promise<Record<string, string>> {
  const { users } = services;
  await users.addTeam({ name: 'Children’s Social Care', kind: 'service' });
  await users.addTeam({ name: 'MASH', kind: 'team', parentName: 'Children’s Social Care', isFrontDoor: true });
  await users.addTeam({ name: 'Assessment Team North', kind: 'team', parentName: 'Children’s Social Care' });
  await users.addTeam({ name: 'Safeguarding and Quality Assurance', kind: 'team', parentName: 'Children’s Social Care' });
  await users.addTeam({ name: 'Performance and Insight', kind: 'service' });
  await users.addTeam({ name: 'Commissioning', kind: 'service' });
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    ids[u.username] = await users.addUser({ username: u.username, displayName: u.displayName, password: DEMO_PASSWORD, roles: [...u.roles], teamName: u.team });
  }
  return ids;
}

/**
 * The synthetic authority, bulk loaded; then the demo users take over synthetic staff accounts in
 * the right places (a MASH worker in a MASH team, a social worker with a full caseload and their
 * manager...), so each demo user sees a living caseload.
 */
async function seedSyntheticWithDemoUsers(handle: DatabaseHandle, services: Services, now: Date, options: DemoOptions): Promise<Record<string, string>> {
  const today = londonDateOf(now);
  const estimate = Math.round(1_000_000 * options.scale * (options.years / 5));
  await loadBatches(handle, generateAuthority({ scale: options.scale, seed: options.seed, years: options.years, today }), {
    onProgress: (p) => options.onProgress?.('Loading the synthetic authority', p.rowsLoaded, Math.max(estimate, p.rowsLoaded)),
    // After the rows: the indexes and foreign keys set aside for the load are rebuilt and checked, then ANALYZE.
    onStep: (step) => {
      if (step.startsWith('rebuilding')) options.onProgress?.('Rebuilding indexes, checking references', 0, 1);
      else if (step === 'analysing') options.onProgress?.('Gathering statistics', 0, 1);
    },
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  const pick = async (query: ReturnType<typeof sql>): Promise<string> => {
    const [row] = rowsOf<{ id: string }>(await handle.db.execute(query));
    if (!row) throw new Error('the synthetic authority has no one to take this demo role');
    return row.id;
  };
  const ids: Record<string, string> = {};
  ids['mash.worker'] = await pick(sql`select u.id from users u join teams t on t.id = u.team_id join user_roles r on r.user_id = u.id where t.is_front_door and r.role = 'mash_worker' and u.active order by u.username limit 1`);
  ids['mash.manager'] = await pick(sql`select u.id from users u join teams t on t.id = u.team_id join user_roles r on r.user_id = u.id where t.is_front_door and r.role = 'team_manager' and u.active order by u.username limit 1`);
  ids['social.worker'] = await pick(sql`
    select u.id from users u join allocations a on a.worker_id = u.id and a.end_date is null and a.role = 'CW'
    where u.active and u.case_holding group by u.id order by count(*) desc, u.id limit 1`);
  ids['team.manager'] = await pick(sql`select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'team_manager' and u.active and u.team_id = (select team_id from users where id = ${ids['social.worker']}) limit 1`);
  ids['service.manager'] = await pick(sql`select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'service_manager' and u.active and u.team_id = (select t.parent_id from teams t join users w on w.team_id = t.id where w.id = ${ids['social.worker']}) limit 1`);
  ids['iro'] = await pick(sql`select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'iro' and u.active order by u.username limit 1`);
  ids['analyst'] = await pick(sql`select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'performance_analyst' and u.active order by u.username limit 1`);
  ids['commissioner'] = await pick(sql`select u.id from users u join user_roles r on r.user_id = u.id where r.role = 'placements_commissioner' and u.active order by u.username limit 1`);
  for (const u of DEMO_USERS) {
    if (u.username === 'admin') continue;
    await handle.db.execute(sql`update users set username = ${u.username}, display_name = ${u.displayName}, password_hash = ${hash} where id = ${ids[u.username]!}`);
  }
  ids['admin'] = await services.users.addUser({ username: 'admin', displayName: 'Sam Patel', password: DEMO_PASSWORD, roles: ['administrator'], teamName: null });
  return ids;
}

/** A handful of plainly fictional children whose contacts sit at every stage of the front door, live today. */
async function recordLiveFrontDoor(handle: DatabaseHandle, services: Services, clock: ReturnType<typeof settableClock>, now: Date, ids: Record<string, string>): Promise<void> {
  const mash = (await services.access.loadPrincipal(ids['mash.worker']!)) as Principal;
  const manager = (await services.access.loadPrincipal(ids['mash.manager']!)) as Principal;
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const token = () => randomUUID();
  const [worker] = rowsOf<{ team_id: string }>(await handle.db.execute(sql`select team_id from users where id = ${ids['social.worker']!}`));

  for (const child of CHILDREN) {
    clock.set(hoursAgo(child.receivedHoursAgo - 0.2));
    const done = await services.frontDoor.recordContact(
      mash,
      {
        person: { new: { givenName: child.given, familyName: child.family, dateOfBirth: child.dob === null ? null : parsePlainDate(child.dob), sex: child.sex, nhsNumber: null }, confirmedNotDuplicate: true },
        receivedAt: hoursAgo(child.receivedHoursAgo),
        source: child.source,
        referrerName: null,
        referrerOrganisation: null,
        referrerContact: null,
        concerns: child.concerns,
        assignedWorkerId: mash.userId,
      },
      { token: token(), userId: mash.userId },
    );
    const contactId = done.path.split('/').pop()!;
    let version = 1;
    for (const r of child.rag ?? []) {
      clock.set(hoursAgo(r.hoursAgo));
      await services.frontDoor.rateContact(mash, contactId, { rating: r.rating, reason: null, version }, { token: token(), userId: mash.userId });
      version++;
    }
    if (child.decision) {
      clock.set(hoursAgo(child.decision.hoursAgo));
      // A referral goes to the demo social worker's team, which holds the case until it is allocated.
      const decided = await services.frontDoor.decideContact(
        manager,
        contactId,
        { decision: child.decision.decision, rationale: child.decision.rationale, primaryNeedCode: child.decision.need ?? null, receivingTeamId: worker?.team_id ?? null, decidedAt: clock.now(), version },
        { token: token(), userId: manager.userId },
      );
      if (child.referralResponse && decided.path.startsWith('/referrals/')) {
        const episodeId = decided.path.split('/').pop()!;
        const referral = await services.frontDoor.getReferral(manager, episodeId);
        clock.set(new Date(Math.min(now.getTime(), hoursAgo(child.decision.hoursAgo - 20).getTime())));
        await services.frontDoor.decideReferral(manager, episodeId, { ...child.referralResponse, decidedOn: londonDateOf(clock.now()), version: referral.episode.version }, { token: token(), userId: manager.userId });
        if (child.allocate && worker) {
          // The worker's allocation replaces the team's, as allocating through the page does.
          await handle.db.update(allocations).set({ endDate: londonDateOf(clock.now()) }).where(and(eq(allocations.personId, referral.person.id), isNull(allocations.workerId), isNull(allocations.endDate)));
          await handle.db.insert(allocations).values({ personId: referral.person.id, workerId: ids['social.worker']!, teamId: worker.team_id, startDate: addWorkingDays(londonDateOf(clock.now()), 0), reason: 'Allocated for child and family assessment' });
        }
      }
    }
  }
  clock.set(now);
}
