import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlainDate as d } from '../time/index.js';
import { type PlanAction, isOverdue, recommendationRag } from './plan.js';

const today = d('2026-12-08');
const action = (status: PlanAction['status'], rag: PlanAction['rag'], due = '2027-03-31'): PlanAction => ({ status, rag, dueOn: d(due) });

test('an action is overdue when its due date has passed and it is not done; the due day itself is not overdue', () => {
  assert.equal(isOverdue(action('in_progress', 'green', '2026-12-07'), today), true);
  assert.equal(isOverdue(action('in_progress', 'green', '2026-12-08'), today), false);
  assert.equal(isOverdue(action('done', 'green', '2026-01-01'), today), false);
});

test('a recommendation’s RAG, as the committee reads it', () => {
  const table: [string, PlanAction[], string][] = [
    ['no actions yet: red', [], 'red'],
    ['all done: green, whatever the ratings were', [action('done', 'red'), action('done', 'amber')], 'green'],
    ['an open red action: red', [action('in_progress', 'red'), action('done', 'green')], 'red'],
    ['an open green action past its due date: red', [action('in_progress', 'green', '2026-11-30')], 'red'],
    ['amber and green open, in time: amber', [action('in_progress', 'amber'), action('not_started', 'green')], 'amber'],
    ['green open, in time: green', [action('in_progress', 'green'), action('done', 'amber')], 'green'],
  ];
  for (const [why, actions, expected] of table) assert.equal(recommendationRag(actions, today), expected, why);
});
