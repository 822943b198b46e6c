import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Principal, Role } from '../domain/access/index.js';
import { type Home, homeFor } from './home.js';
import { navigationFor } from './navigation.js';

const principal = (roles: Role[], inFrontDoorTeam = false): Principal => ({ userId: 'u', roles, teamId: null, managedTeamIds: [], inFrontDoorTeam });

describe('each role’s home', () => {
  const cases: [string, Principal, Home][] = [
    ['an administrator with no casework role: users and teams', principal(['administrator']), 'administration'],
    ['an administrator who is also a team manager keeps their worktray', principal(['administrator', 'team_manager']), 'worktray'],
    // Issue 9 overrules the old answer (their worktray): an analyst's home is now their own page.
    ['an administrator who is also an analyst: the analyst’s home', principal(['administrator', 'performance_analyst']), 'analyst'],
    ['a MASH worker in a front-door team: the front door', principal(['mash_worker'], true), 'front-door'],
    ['a social worker: the worktray', principal(['social_worker']), 'worktray'],
    ['a team manager: the worktray (and /team)', principal(['team_manager']), 'worktray'],
    ['a service manager holding no cases: their service', principal(['service_manager']), 'service-manager'],
    ['a service manager who is also a team manager keeps the worktray', principal(['service_manager', 'team_manager']), 'worktray'],
    ['an IRO: conferences and reviews', principal(['iro']), 'iro'],
    ['a performance analyst: performance', principal(['performance_analyst']), 'analyst'],
    ['a placements commissioner: children looked after and placements', principal(['placements_commissioner']), 'commissioner'],
  ];
  for (const [name, p, home] of cases) test(name, () => assert.equal(homeFor(p), home));

  test('anyone who holds cases has My worktray, whatever their role', () => {
    for (const roles of [['service_manager'], ['iro'], ['performance_analyst'], ['placements_commissioner'], ['administrator']] as Role[][]) {
      assert.equal(homeFor(principal(roles), { holdsCases: true }), 'worktray', roles.join());
    }
    assert.equal(homeFor(principal(['mash_worker'], true), { holdsCases: true }), 'front-door');
  });

  test('navigation: an administrator’s home is “Users and teams”, highlighted on the users and teams pages but not on settings', () => {
    const nav = (path: string) => navigationFor(principal(['administrator']), path).map((i) => `${i.text}${i.active ? '*' : ''}`);
    assert.deepEqual(nav('/'), ['Users and teams*', 'Settings']);
    assert.deepEqual(nav('/admin/users/x'), ['Users and teams*', 'Settings']);
    assert.deepEqual(nav('/admin/teams'), ['Users and teams*', 'Settings']);
    assert.deepEqual(nav('/admin/settings'), ['Users and teams', 'Settings*']);
    const both = (path: string) => navigationFor(principal(['administrator', 'team_manager']), path).filter((i) => ['/', '/admin', '/admin/settings'].includes(i.href)).map((i) => `${i.text}${i.active ? '*' : ''}`);
    assert.deepEqual(both('/'), ['My worktray*', 'Users and teams', 'Settings']);
    assert.deepEqual(both('/admin/users'), ['My worktray', 'Users and teams*', 'Settings']);
    assert.deepEqual(both('/admin/settings'), ['My worktray', 'Users and teams', 'Settings*']);
  });
});
