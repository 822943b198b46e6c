import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ancestorsOf, inHierarchyOrder, wouldLoop } from './team-tree.js';

const teams = [
  { id: 'b', name: 'MASH', parentId: 's' },
  { id: 's', name: 'Children’s Services', parentId: null },
  { id: 'a', name: 'Assessment', parentId: 's' },
  { id: 'n', name: 'Assessment North', parentId: 'a' },
  { id: 'o', name: 'Other Team', parentId: null },
];

describe('team hierarchy', () => {
  test('lists each parent before its children, siblings by name, with depth', () => {
    assert.deepEqual(
      inHierarchyOrder(teams).map((r) => [r.team.name, r.depth]),
      [
        ['Children’s Services', 0],
        ['Assessment', 1],
        ['Assessment North', 2],
        ['MASH', 1],
        ['Other Team', 0],
      ],
    );
  });

  test('a team whose parent is missing, or teams in a loop, are still listed', () => {
    const odd = [
      { id: 'x', name: 'Orphan', parentId: 'gone' },
      { id: 'p', name: 'Loop P', parentId: 'q' },
      { id: 'q', name: 'Loop Q', parentId: 'p' },
    ];
    assert.deepEqual(inHierarchyOrder(odd).map((r) => [r.team.name, r.depth]), [['Orphan', 0], ['Loop P', 0], ['Loop Q', 0]]);
  });

  const loops: [string, string, string | null, boolean][] = [
    ['a team cannot be its own parent', 'a', 'a', true],
    ['nor sit under its own child', 's', 'a', true],
    ['nor under its grandchild', 's', 'n', true],
    ['moving under a sibling is fine', 'b', 'a', false],
    ['moving to the top is fine', 'n', null, false],
    ['moving under another branch is fine', 'a', 'o', false],
  ];
  for (const [name, team, parent, expected] of loops) {
    test(name, () => assert.equal(wouldLoop(teams, team, parent), expected));
  }

  test('ancestors, nearest first', () => {
    assert.deepEqual(ancestorsOf(teams, 'n').map((t) => t.name), ['Assessment', 'Children’s Services']);
    assert.deepEqual(ancestorsOf(teams, 'o'), []);
  });
});
