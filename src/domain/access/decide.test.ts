import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PlainDate } from '../time/index.js';
import { type ChildAccessFacts, type ChildAction, type FrontDoorFacts, type Principal, ROLES, type Role, canDecideReferral, canWorkFrontDoor, decideChildAccess } from './index.js';

const ASSESSMENT = 'team-assessment';
const MASH = 'team-mash';
const OTHER = 'team-other';
const SERVICE = 'service-childrens';

function principal(overrides: Partial<Principal> & { roles: Role[] }): Principal {
  return { userId: 'me', teamId: null, managedTeamIds: [], inFrontDoorTeam: false, ...overrides };
}

const TODAY = '2026-11-23' as PlainDate;

/** The child's front-door work; by default none ever, with the default 30-day look-back. */
function frontDoor(overrides: Partial<FrontDoorFacts> = {}): FrontDoorFacts {
  return { workOpen: false, lastDecidedOn: null, asOf: TODAY, recentDays: 30, ...overrides };
}

function child(overrides: Partial<ChildAccessFacts> = {}): ChildAccessFacts {
  return { isChild: true, allocatedWorkerIds: [], responsibleTeamIds: [], allocated: false, frontDoor: frontDoor(), hasOpenEpisode: false, lookedAfter: false, ...overrides };
}

/** A contact awaiting the MASH decision. */
const OPEN_AT_FRONT_DOOR = frontDoor({ workOpen: true });

/** A child held by the Assessment team, allocated to someone else, with a contact open at the front door and an open episode. */
const HELD = child({ allocatedWorkerIds: ['someone-else'], responsibleTeamIds: [ASSESSMENT], allocated: true, frontDoor: OPEN_AT_FRONT_DOOR, hasOpenEpisode: true });

interface Case {
  rule: string;
  who: Principal;
  facts: ChildAccessFacts;
  view: boolean;
  record: boolean;
  /** Recording the front door's own work (a contact's rating and decision); the same as `record` unless given. */
  frontDoorWork?: boolean;
  reason?: string;
}

const CASES: Case[] = [
  // Allocation
  { rule: 'the allocated worker may view and record', who: principal({ roles: ['social_worker'], teamId: OTHER }), facts: child({ allocatedWorkerIds: ['me'], responsibleTeamIds: [ASSESSMENT] }), view: true, record: true, reason: 'allocated worker' },
  { rule: 'allocation counts whatever the role (an IRO allocated as worker)', who: principal({ roles: ['iro'] }), facts: child({ allocatedWorkerIds: ['me'] }), view: true, record: true, reason: 'allocated worker' },
  // Responsible team
  { rule: 'a social worker in the responsible team may view and record', who: principal({ roles: ['social_worker'], teamId: ASSESSMENT }), facts: HELD, view: true, record: true, reason: 'member of the responsible team' },
  { rule: 'a team manager of the responsible team may view and record', who: principal({ roles: ['team_manager'], teamId: ASSESSMENT, managedTeamIds: [ASSESSMENT] }), facts: HELD, view: true, record: true, reason: 'member of the responsible team' },
  { rule: 'a social worker in another team may not', who: principal({ roles: ['social_worker'], teamId: OTHER }), facts: HELD, view: false, record: false },
  { rule: 'a social worker with no team may not', who: principal({ roles: ['social_worker'], teamId: null }), facts: child({ responsibleTeamIds: [ASSESSMENT] }), view: false, record: false },
  { rule: 'team membership alone, without a practitioner role, gives nothing (a commissioner in the team)', who: principal({ roles: ['placements_commissioner'], teamId: ASSESSMENT }), facts: child({ responsibleTeamIds: [ASSESSMENT] }), view: false, record: false },
  { rule: 'an administrator in the responsible team may not', who: principal({ roles: ['administrator'], teamId: ASSESSMENT }), facts: child({ responsibleTeamIds: [ASSESSMENT] }), view: false, record: false },
  // Management line
  { rule: 'a service manager above the responsible team may view and record', who: principal({ roles: ['service_manager'], teamId: SERVICE, managedTeamIds: [SERVICE, MASH, ASSESSMENT] }), facts: HELD, view: true, record: true, reason: 'management line' },
  { rule: 'a team manager of another team may not', who: principal({ roles: ['team_manager'], teamId: OTHER, managedTeamIds: [OTHER] }), facts: HELD, view: false, record: false },
  { rule: 'a management line is ignored without a manager role', who: principal({ roles: ['social_worker'], teamId: SERVICE, managedTeamIds: [SERVICE, ASSESSMENT] }), facts: child({ responsibleTeamIds: [ASSESSMENT] }), view: false, record: false },
  { rule: 'a manager gains nothing from a child no team holds', who: principal({ roles: ['service_manager'], teamId: SERVICE, managedTeamIds: [SERVICE, MASH, ASSESSMENT] }), facts: child({ frontDoor: OPEN_AT_FRONT_DOOR }), view: false, record: false },
  // Front door (issue 9: limited to children with front-door work open or decided recently; read only after that)
  { rule: 'a MASH worker may view and record a child with front-door work open', who: principal({ roles: ['mash_worker'], teamId: MASH }), facts: child({ frontDoor: OPEN_AT_FRONT_DOOR }), view: true, record: true, reason: 'front-door record' },
  { rule: 'any member of a front-door team may view and record a child with front-door work open', who: principal({ roles: ['social_worker'], teamId: MASH, inFrontDoorTeam: true }), facts: child({ frontDoor: OPEN_AT_FRONT_DOOR }), view: true, record: true, reason: 'front-door record' },
  { rule: 'with a contact open on an allocated child, the MASH records its own work on the contact but not on the child’s record, which is the responsible team’s', who: principal({ roles: ['mash_worker'], teamId: MASH, inFrontDoorTeam: true }), facts: HELD, view: true, record: false, frontDoorWork: true, reason: 'front-door record' },
  { rule: 'the MASH may view, read only, a child whose front-door work was decided within the recent-days setting (30 days ago, the last day)', who: principal({ roles: ['mash_worker'], teamId: MASH, inFrontDoorTeam: true }), facts: child({ frontDoor: frontDoor({ lastDecidedOn: '2026-10-24' as PlainDate }) }), view: true, record: false, reason: 'front-door work decided recently (read only)' },
  { rule: 'the MASH may not open a child whose front-door work was decided before the window (31 days ago)', who: principal({ roles: ['mash_worker'], teamId: MASH, inFrontDoorTeam: true }), facts: child({ frontDoor: frontDoor({ lastDecidedOn: '2026-10-23' as PlainDate }) }), view: false, record: false },
  { rule: 'the window is the setting: decided 8 days ago with a 7-day window is out of sight', who: principal({ roles: ['mash_worker'], teamId: MASH }), facts: child({ frontDoor: frontDoor({ lastDecidedOn: '2026-11-15' as PlainDate, recentDays: 7 }) }), view: false, record: false },
  { rule: 'a contact years ago gives the front door nothing (the demo’s 8,829 children)', who: principal({ roles: ['mash_worker'], teamId: MASH, inFrontDoorTeam: true }), facts: child({ frontDoor: frontDoor({ lastDecidedOn: '2022-03-01' as PlainDate }), hasOpenEpisode: true }), view: false, record: false },
  { rule: 'the MASH may not open a child who never came through the front door', who: principal({ roles: ['mash_worker'], teamId: MASH, inFrontDoorTeam: true }), facts: child({ responsibleTeamIds: [ASSESSMENT], hasOpenEpisode: true }), view: false, record: false },
  { rule: 'front-door work gives nothing to those outside the front door', who: principal({ roles: ['social_worker'], teamId: OTHER }), facts: child({ frontDoor: OPEN_AT_FRONT_DOOR }), view: false, record: false },
  // Read-only roles
  { rule: 'a performance analyst may view any child but never record', who: principal({ roles: ['performance_analyst'] }), facts: child(), view: true, record: false, reason: 'performance analyst (read only, audited)' },
  { rule: 'an IRO may view a child with an open episode but not record', who: principal({ roles: ['iro'] }), facts: child({ hasOpenEpisode: true }), view: true, record: false, reason: 'IRO or conference chair (read only)' },
  { rule: 'an IRO may not view a child without an open episode', who: principal({ roles: ['iro'] }), facts: child({ frontDoor: OPEN_AT_FRONT_DOOR, responsibleTeamIds: [ASSESSMENT] }), view: false, record: false },
  // Default deny
  { rule: 'a placements commissioner may not (default deny)', who: principal({ roles: ['placements_commissioner'] }), facts: HELD, view: false, record: false },
  { rule: 'an administrator may not (default deny)', who: principal({ roles: ['administrator'] }), facts: HELD, view: false, record: false },
  { rule: 'a user with no roles may not (default deny)', who: principal({ roles: [] }), facts: HELD, view: false, record: false },
  { rule: 'a child with no allocation, no responsible team, no front-door record and no open episode is hidden from practitioners and the IRO (default deny)', who: principal({ roles: ['social_worker', 'team_manager', 'iro'], teamId: ASSESSMENT, managedTeamIds: [ASSESSMENT] }), facts: child(), view: false, record: false },
];

describe('decideChildAccess', () => {
  for (const c of CASES) {
    test(c.rule, () => {
      assert.equal(decideChildAccess(c.who, 'front-door', c.facts).allow, c.frontDoorWork ?? c.record, 'front-door');
      for (const action of ['view', 'record'] as ChildAction[]) {
        const decision = decideChildAccess(c.who, action, c.facts);
        assert.equal(decision.allow, c[action as 'view' | 'record'], `${action}: ${decision.reason}`);
        if (decision.allow && c.reason) assert.equal(decision.reason, c.reason, action);
        if (!decision.allow) assert.equal(decision.reason, 'no relationship to this child', action);
      }
    });
  }

  test('default deny: no role, without a relationship to the child, may record; only the read-only roles may view', () => {
    const elsewhere = child({ allocatedWorkerIds: ['someone-else'], responsibleTeamIds: [ASSESSMENT], hasOpenEpisode: true });
    const viewers: Role[] = [];
    for (const role of ROLES) {
      const who = principal({ roles: [role], teamId: OTHER, managedTeamIds: [OTHER] });
      assert.equal(decideChildAccess(who, 'record', elsewhere).allow, false, role);
      if (decideChildAccess(who, 'view', elsewhere).allow) viewers.push(role);
    }
    assert.deepEqual(viewers.sort(), ['iro', 'performance_analyst']);
  });

  test("'record' is refused everywhere only 'view' is allowed", () => {
    let viewOnly = 0;
    for (const c of CASES) {
      const view = decideChildAccess(c.who, 'view', c.facts).allow;
      const record = decideChildAccess(c.who, 'record', c.facts).allow;
      assert.ok(!record || view, `${c.rule}: whoever may record may view`);
      if (view && !record) viewOnly++;
    }
    assert.equal(viewOnly, 4, 'the analyst and the IRO cases, and the front door on an allocated child and after its decision');
  });

  test('the rules run in order: the first that allows gives the reason', () => {
    const everything = principal({ roles: ['social_worker', 'team_manager', 'mash_worker', 'performance_analyst'], teamId: ASSESSMENT, managedTeamIds: [ASSESSMENT], inFrontDoorTeam: true });
    const facts = child({ allocatedWorkerIds: ['me'], responsibleTeamIds: [ASSESSMENT], frontDoor: OPEN_AT_FRONT_DOOR, hasOpenEpisode: true });
    assert.equal(decideChildAccess(everything, 'view', facts).reason, 'allocated worker');
    assert.equal(decideChildAccess(everything, 'view', { ...facts, allocatedWorkerIds: [] }).reason, 'member of the responsible team');
    assert.equal(decideChildAccess({ ...everything, teamId: SERVICE, managedTeamIds: [SERVICE, ASSESSMENT] }, 'view', { ...facts, allocatedWorkerIds: [] }).reason, 'management line');
    assert.equal(decideChildAccess(everything, 'view', { ...facts, allocatedWorkerIds: [], responsibleTeamIds: [] }).reason, 'front-door record');
    assert.equal(decideChildAccess(everything, 'view', child()).reason, 'performance analyst (read only, audited)');
  });
});

describe('adults', () => {
  test('an adult (a parent in the family) has no child’s record: nobody may view or record one, whatever their relationship', () => {
    const adult = child({ isChild: false, allocatedWorkerIds: ['me'], responsibleTeamIds: [ASSESSMENT], allocated: true, frontDoor: OPEN_AT_FRONT_DOOR, hasOpenEpisode: true });
    const everything = principal({ roles: [...ROLES], teamId: ASSESSMENT, managedTeamIds: [ASSESSMENT], inFrontDoorTeam: true });
    for (const action of ['view', 'record', 'front-door'] as ChildAction[]) {
      assert.deepEqual(decideChildAccess(everything, action, adult), { allow: false, reason: 'not a child' }, action);
    }
  });
});

describe('canWorkFrontDoor and canDecideReferral', () => {
  const cases: { who: string; p: Principal; frontDoor: boolean; decideReferral: boolean }[] = [
    { who: 'MASH worker', p: principal({ roles: ['mash_worker'] }), frontDoor: true, decideReferral: true },
    { who: 'social worker in a front-door team', p: principal({ roles: ['social_worker'], inFrontDoorTeam: true }), frontDoor: true, decideReferral: true },
    { who: 'team manager', p: principal({ roles: ['team_manager'] }), frontDoor: false, decideReferral: true },
    { who: 'service manager', p: principal({ roles: ['service_manager'] }), frontDoor: false, decideReferral: true },
    { who: 'social worker', p: principal({ roles: ['social_worker'] }), frontDoor: false, decideReferral: false },
    { who: 'IRO', p: principal({ roles: ['iro'] }), frontDoor: false, decideReferral: false },
    { who: 'performance analyst', p: principal({ roles: ['performance_analyst'] }), frontDoor: false, decideReferral: false },
    { who: 'placements commissioner', p: principal({ roles: ['placements_commissioner'] }), frontDoor: false, decideReferral: false },
    { who: 'administrator', p: principal({ roles: ['administrator'] }), frontDoor: false, decideReferral: false },
    { who: 'user with no roles', p: principal({ roles: [] }), frontDoor: false, decideReferral: false },
  ];
  for (const c of cases) {
    test(`${c.who}: ${c.frontDoor ? 'works' : 'does not work'} the front door, ${c.decideReferral ? 'may' : 'may not'} decide a referral`, () => {
      assert.equal(canWorkFrontDoor(c.p), c.frontDoor);
      assert.equal(canDecideReferral(c.p), c.decideReferral);
    });
  }

  test('every role is covered', () => {
    const covered = new Set(cases.flatMap((c) => c.p.roles));
    assert.deepEqual([...ROLES].filter((r) => !covered.has(r)), []);
  });
});

describe('the IRO and looked-after children (issue 10)', () => {
  const iro = principal({ roles: ['iro'] });
  test('an IRO views a looked-after child and records their review, but records nothing else', () => {
    const looked = child({ lookedAfter: true });
    assert.equal(decideChildAccess(iro, 'view', looked).allow, true);
    assert.equal(decideChildAccess(iro, 'cla-review', looked).allow, true);
    assert.equal(decideChildAccess(iro, 'record', looked).allow, false);
  });
  test('an IRO records no review for a child who is not looked after, even one with an open episode', () => {
    assert.equal(decideChildAccess(iro, 'cla-review', child({ hasOpenEpisode: true })).allow, false);
    assert.equal(decideChildAccess(iro, 'view', child()).allow, false);
  });
  test('whoever may record on the child may record a review too; another team may not', () => {
    const held = child({ responsibleTeamIds: [ASSESSMENT], allocated: true, lookedAfter: true });
    assert.equal(decideChildAccess(principal({ roles: ['social_worker'], teamId: ASSESSMENT }), 'cla-review', held).allow, true);
    assert.equal(decideChildAccess(principal({ roles: ['social_worker'], teamId: OTHER }), 'cla-review', held).allow, false);
  });
});
