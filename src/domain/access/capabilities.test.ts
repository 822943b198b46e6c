import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAPABILITIES, type Capability, ROLES, type Role, can } from './index.js';

/** Who has each capability, as the pages and services relied on before the table (issue 8). */
const EXPECTED: Record<Capability, { roles: Role[]; frontDoorTeam: boolean }> = {
  'child.hold-cases': { roles: ['social_worker', 'team_manager', 'service_manager'], frontDoorTeam: false },
  'team.manage': { roles: ['team_manager', 'service_manager'], frontDoorTeam: false },
  'front-door.work': { roles: ['mash_worker'], frontDoorTeam: true },
  'referral.decide': { roles: ['mash_worker', 'team_manager', 'service_manager'], frontDoorTeam: true },
  'casework.authorise': { roles: ['team_manager', 'service_manager'], frontDoorTeam: false },
  'child.view-any': { roles: ['performance_analyst'], frontDoorTeam: false },
  'child.view-open-episodes': { roles: ['iro'], frontDoorTeam: false },
  'cla.record-review': { roles: ['iro'], frontDoorTeam: false },
  'child.find': { roles: ['social_worker', 'mash_worker', 'team_manager', 'service_manager', 'iro', 'performance_analyst'], frontDoorTeam: true },
  'placements.see-cost': { roles: ['team_manager', 'service_manager', 'placements_commissioner'], frontDoorTeam: false },
  'compliance.view': { roles: ['service_manager', 'performance_analyst'], frontDoorTeam: false },
  'compliance.view-all-teams': { roles: ['performance_analyst'], frontDoorTeam: false },
  'indicators.view': { roles: ['service_manager', 'performance_analyst'], frontDoorTeam: false },
  'improvement.manage': { roles: ['service_manager', 'performance_analyst'], frontDoorTeam: false },
  'settings.administer': { roles: ['administrator'], frontDoorTeam: false },
};

describe('can(principal, capability): the one table of who may do what', () => {
  for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
    test(capability, () => {
      const expected = EXPECTED[capability];
      const holders = ROLES.filter((role) => can({ roles: [role], inFrontDoorTeam: false }, capability));
      assert.deepEqual([...holders].sort(), [...expected.roles].sort(), 'by role');
      assert.equal(can({ roles: [], inFrontDoorTeam: true }, capability), expected.frontDoorTeam, 'by membership of a front-door team alone');
      assert.equal(can({ roles: [], inFrontDoorTeam: false }, capability), false, 'no roles: nothing (default deny)');
    });
  }

  test('two roles have what either has', () => {
    assert.equal(can({ roles: ['iro', 'administrator'], inFrontDoorTeam: false }, 'settings.administer'), true);
    assert.equal(can({ roles: ['iro', 'administrator'], inFrontDoorTeam: false }, 'child.view-open-episodes'), true);
    assert.equal(can({ roles: ['iro', 'administrator'], inFrontDoorTeam: false }, 'team.manage'), false);
  });

  test('every role has some capability, and every capability is in the table of expectations', () => {
    assert.deepEqual(ROLES.filter((role) => !(Object.keys(CAPABILITIES) as Capability[]).some((c) => can({ roles: [role], inFrontDoorTeam: false }, c))), []);
    assert.deepEqual(Object.keys(EXPECTED).sort(), Object.keys(CAPABILITIES).sort());
  });
});
