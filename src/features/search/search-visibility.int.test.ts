/**
 * Lists and searches use the same access policy as a child's page (security.md §2.2). The search's
 * SQL predicate (child-visibility.ts) is checked against the one decision function,
 * decideChildAccess, for every principal × every kind of child: the fixture users, plus users who
 * test the edges (a front-door team manager without the MASH role, a worker with no team, a user
 * with two roles, a worker in a team below another).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { seedContact } from '../../../test/support/front-door.js';
import { FIXTURE_USERS, TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';
import { rowsOf } from '../../db/database.js';
import { type FrontDoorWindow, type Principal, decideChildAccess } from '../../domain/access/index.js';
import { londonDateOf } from '../../domain/time/index.js';
import { canFindChildren, visibleChildSql } from './child-visibility.js';

const EXTRA_USERS = [
  { username: 'colleague', displayName: 'Cal Colleague', roles: ['social_worker'], teamName: 'Assessment' },
  { username: 'othermgr', displayName: 'Oona Othermanager', roles: ['team_manager'], teamName: 'Other Team' },
  { username: 'fdmgr', displayName: 'Fay Frontdoor', roles: ['team_manager'], teamName: 'MASH' },
  { username: 'noteam', displayName: 'Nat Noteam', roles: ['social_worker'], teamName: null },
  { username: 'multi', displayName: 'Max Multi', roles: ['iro', 'social_worker'], teamName: 'Other Team' },
  { username: 'north', displayName: 'Nia North', roles: ['social_worker'], teamName: 'Assessment North' },
  { username: 'northmgr', displayName: 'Ned Northmanager', roles: ['team_manager'], teamName: 'Assessment North' },
];

describe('the search’s access predicate agrees with decideChildAccess', () => {
  let t: TestApp;
  const children: Record<string, string> = {};
  const principals = new Map<string, Principal>();

  before(async () => {
    t = await createTestApp();
    await t.services.users.addTeam({ name: 'Assessment North', kind: 'team', parentName: 'Assessment' });
    for (const t2 of await t.services.users.listTeams()) t.ids[`team:${t2.name}`] = t2.id;
    for (const u of EXTRA_USERS) t.ids[u.username] = await t.services.users.addUser({ ...u, roles: [...u.roles], password: TEST_PASSWORD });
    for (const username of [...FIXTURE_USERS.map((u) => u.username), ...EXTRA_USERS.map((u) => u.username)]) {
      principals.set(username, (await t.services.access.loadPrincipal(t.ids[username]!))!);
    }

    let n = 0;
    /** A child with no contact: written straight to the table. */
    const bare = async (key: string) => {
      n++;
      const [row] = await t.db.query<{ id: string }>(
        "insert into people (la_child_id, given_name, family_name, date_of_birth) values ($1, $2, 'Matrixson', '2015-01-01') returning id",
        [`M${String(n).padStart(7, '0')}`, key],
      );
      children[key] = row!.id;
    };
    const withContact = async (key: string) => {
      children[key] = (await seedContact(t, { person: { givenName: key, familyName: 'Matrixson', dateOfBirth: '2015-01-01', sex: 'U' } })).personId;
    };
    const allocate = (key: string, worker: string | null, team: string, endDate: string | null = null) =>
      t.db.query('insert into allocations (person_id, worker_id, team_id, start_date, end_date) values ($1, $2, $3, $4, $5)', [children[key], worker ? t.ids[worker] : null, t.ids[`team:${team}`], '2026-01-05', endDate]);
    const episode = (key: string, team: string | null, closed = false) =>
      t.db.query(
        "insert into cin_episodes (person_id, referral_date, referral_source, primary_need_code, team_id, closure_date, closure_reason) values ($1, '2026-01-05', '1A', 'N1', $2, $3, $4)",
        [children[key], team ? t.ids[`team:${team}`] : null, closed ? '2026-03-01' : null, closed ? 'RC8' : null],
      );

    await withContact('allocatedWithContact');
    await allocate('allocatedWithContact', 'worker', 'Assessment');
    await bare('teamAllocation');
    await allocate('teamAllocation', null, 'Assessment');
    await bare('endedAllocation');
    await allocate('endedAllocation', 'worker', 'Assessment', '2026-06-30');
    await withContact('openEpisodeMash');
    await episode('openEpisodeMash', 'MASH');
    await bare('openEpisodeOtherTeam');
    await episode('openEpisodeOtherTeam', 'Other Team');
    await bare('closedEpisode');
    await episode('closedEpisode', 'Assessment', true);
    await bare('openEpisodeNoTeam');
    await episode('openEpisodeNoTeam', null);
    await bare('nothing');
    await bare('otherWorkerClosedEpisode');
    await allocate('otherWorkerClosedEpisode', 'otherworker', 'Other Team');
    await episode('otherWorkerClosedEpisode', 'Assessment', true);
    await bare('subTeam');
    await allocate('subTeam', null, 'Assessment North');
    await withContact('contactOnly');
    await bare('workerFromOtherTeam');
    await allocate('workerFromOtherTeam', 'worker', 'Other Team');
    // The front door's sight of a child ends a while after its work is decided (issue 9).
    const decidedContact = async (key: string, decidedAt: string) => {
      await bare(key);
      await t.db.query(
        "insert into contacts (person_id, received_at, source, concerns, team_id, recorded_by, decision, decided_by, decided_at) values ($1, $2, '1A', 'Concern', $3, $4, 'nfa', $4, $2)",
        [children[key], decidedAt, t.ids['team:MASH'], t.ids.mash],
      );
    };
    await decidedContact('contactDecidedRecently', '2026-11-13T10:00:00Z');
    await decidedContact('contactDecidedOnTheWindowsLastDay', '2026-10-24T00:30:00Z');
    await decidedContact('contactDecidedBeforeTheWindow', '2026-10-23T22:30:00Z'); // 23:30 on 23 October in London
    await decidedContact('contactDecidedYearsAgo', '2022-03-01T10:00:00Z');
    await bare('referralDecidedRecently');
    await t.db.query(
      "insert into cin_episodes (person_id, referral_date, referral_source, primary_need_code, referral_decision, referral_decided_on, closure_date, closure_reason) values ($1, '2026-11-02', '1A', 'N1', 'nfa', '2026-11-02', '2026-11-02', 'RC8')",
      [children.referralDecidedRecently],
    );
    await bare('referralDecidedLongAgo');
    await t.db.query(
      "insert into cin_episodes (person_id, referral_date, referral_source, primary_need_code, referral_decision, referral_decided_on, team_id) values ($1, '2025-01-02', '1A', 'N1', 'assessment', '2025-01-03', $2)",
      [children.referralDecidedLongAgo, t.ids['team:Other Team']],
    );
    // Referred, decided long ago, the episode still with the MASH: front-door work until allocated.
    for (const key of ['referredAwaitingAllocation', 'referredAndAllocated']) {
      await bare(key);
      await t.db.query(
        "insert into cin_episodes (person_id, referral_date, referral_source, primary_need_code, referral_decision, referral_decided_on, team_id) values ($1, '2026-01-05', '1A', 'N1', 'strategy_discussion', '2026-01-05', $2)",
        [children[key], t.ids['team:MASH']],
      );
    }
    await allocate('referredAndAllocated', null, 'Assessment');
    await bare('allocationEndedEpisodeOpen');
    await allocate('allocationEndedEpisodeOpen', 'north', 'Assessment North', '2026-02-01');
    await episode('allocationEndedEpisodeOpen', 'Other Team');
    // Looked after (an open period of care) with no open episode, and one whose care has ended.
    const periodOfCare = (key: string, ended: boolean) =>
      t.db.query("insert into periods_of_care (person_id, start_date, end_date, reason_ended, category_of_need) values ($1, '2026-02-02', $2, $3, 'N1')", [children[key], ended ? '2026-06-01' : null, ended ? 'E13' : null]);
    await bare('lookedAfterNoEpisode');
    await periodOfCare('lookedAfterNoEpisode', false);
    await allocate('lookedAfterNoEpisode', null, 'Other Team');
    await bare('careEnded');
    await periodOfCare('careEnded', true);
  });
  after(async () => t.close());

  /** Today and the front door's look-back, as the search service reads them. */
  const frontDoorWindow = async (): Promise<FrontDoorWindow> => ({ asOf: londonDateOf(t.clock.now()), recentDays: await t.services.settings.frontDoorRecentDays() });

  /** The children the SQL predicate lets this principal see. */
  async function visibleBySql(principal: Principal): Promise<Set<string>> {
    const window = await frontDoorWindow();
    const ids = Object.values(children);
    const result = await t.db.db.execute(
      sql`select p.id from people p where p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and ${visibleChildSql(principal, sql`p.id`, window)}`,
    );
    return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
  }

  test('every principal × every child: the SQL predicate allows exactly what the decision function allows', async (ctx) => {
    const disagreements: string[] = [];
    const reasons = new Map<string, number>();
    let pairs = 0;
    let allowed = 0;
    for (const [username, principal] of principals) {
      const bySql = await visibleBySql(principal);
      for (const [key, id] of Object.entries(children)) {
        const decision = decideChildAccess(principal, 'view', await t.services.access.childFacts(t.db.db, id));
        pairs++;
        if (decision.allow) {
          allowed++;
          reasons.set(decision.reason, (reasons.get(decision.reason) ?? 0) + 1);
        }
        if (decision.allow !== bySql.has(id)) disagreements.push(`${username} × ${key}: decision ${decision.allow ? 'allows' : 'denies'} (${decision.reason}), SQL ${bySql.has(id) ? 'allows' : 'denies'}`);
      }
    }
    ctx.diagnostic(`search visibility: ${principals.size} principals × ${Object.keys(children).length} children = ${pairs} pairs, ${allowed} allowed, ${disagreements.length} disagreements; reasons: ${[...reasons].map(([r, c]) => `${r} ${c}`).join('; ')}`);
    assert.deepEqual(disagreements, []);
    // The matrix is only a proof if every rule allowed something and something was denied.
    assert.deepEqual([...reasons.keys()].sort(), [
      'IRO or conference chair (read only)',
      'allocated worker',
      'front-door record',
      'front-door work decided recently (read only)',
      'management line',
      'member of the responsible team',
      'performance analyst (read only, audited)',
    ]);
    assert.ok(allowed < pairs);
    const mashSees = await visibleBySql(principals.get('mash')!);
    const seen = ['contactDecidedRecently', 'contactDecidedOnTheWindowsLastDay', 'contactDecidedBeforeTheWindow', 'contactDecidedYearsAgo', 'referralDecidedRecently', 'referralDecidedLongAgo', 'referredAwaitingAllocation', 'referredAndAllocated', 'contactOnly'].filter((k) => mashSees.has(children[k]!));
    assert.deepEqual(seen, ['contactDecidedRecently', 'contactDecidedOnTheWindowsLastDay', 'referralDecidedRecently', 'referredAwaitingAllocation', 'contactOnly'], 'the front door sees open work and work decided within 30 days (London dates)');
  });

  test('the search itself returns exactly the children each principal may see', async () => {
    for (const [username, principal] of principals) {
      const expected = new Set<string>();
      for (const id of Object.values(children)) {
        if (decideChildAccess(principal, 'view', await t.services.access.childFacts(t.db.db, id)).allow) expected.add(id);
      }
      if (!canFindChildren(principal)) {
        assert.equal(expected.size, 0, `${username} cannot search, and may see no child`);
        await assert.rejects(t.services.search.find(principal, { name: 'matrixson', dateOfBirth: null, identifier: null }), /not found/);
        continue;
      }
      const { children: found } = await t.services.search.find(principal, { name: 'matrixson', dateOfBirth: null, identifier: null });
      assert.deepEqual(new Set(found.map((c) => c.id)), expected, username);
    }
  });
});
