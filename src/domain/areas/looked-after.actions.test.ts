import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectionYearOf } from '../codes/index.js';
import type { JourneyRecord, LookedAfterJourney } from '../journey/case-facts.js';
import { allowedActions } from '../journey/allowed-actions.js';
import { emptyRecord } from '../obligations/child-record.js';
import { parsePlainDate } from '../time/index.js';

const d = parsePlainDate;
const withLookedAfter = (la: Partial<LookedAfterJourney>): JourneyRecord => ({ ...emptyRecord('child'), lookedAfter: { periodsOfCare: [], missingEpisodes: [], ...la } });
const open = { id: 'poc1', startDate: d('2026-05-04'), endDate: null };
const ended = { id: 'poc0', startDate: d('2025-01-06'), endDate: d('2025-06-01') };

describe('the looked-after actions table (SSDA903: one period of care at a time, rule 501)', () => {
  const cases: [string, JourneyRecord, Record<string, true | RegExp>][] = [
    [
      'never looked after: may become looked after; nothing of a period yet; missing may be recorded for any child',
      withLookedAfter({}),
      { 'become-looked-after': true, 'change-legal-status': /not looked after/, 'change-placement': /not looked after/, 'record-cla-review': /not looked after/, 'record-cla-visit': /not looked after/, 'record-missing': true, 'record-missing-return': /not recorded as missing/ },
    ],
    ['looked after before, the period ended: may become looked after again', withLookedAfter({ periodsOfCare: [ended] }), { 'become-looked-after': true, 'change-placement': /not looked after/ }],
    [
      'looked after now: no second period; changes, reviews, visits, health and PEPs allowed',
      withLookedAfter({ periodsOfCare: [ended, open] }),
      { 'become-looked-after': /looked after since 4 May 2026/, 'change-legal-status': true, 'change-placement': true, 'record-cla-review': true, 'record-cla-visit': true, 'record-health': true, 'record-pep': true },
    ],
    ['missing now: the return may be recorded', withLookedAfter({ missingEpisodes: [{ id: 'm1', endDate: null, rhiOffered: null }] }), { 'record-missing-return': true, 'record-return-interview': true }],
    ['returned: no return to record', withLookedAfter({ missingEpisodes: [{ id: 'm1', endDate: d('2026-05-10'), rhiOffered: true }] }), { 'record-missing-return': /not recorded as missing/ }],
    ['a record loaded without the looked-after timelines reads as not looked after', emptyRecord('child'), { 'become-looked-after': true, 'record-cla-review': /not looked after/ }],
  ];
  for (const [why, record, expected] of cases) {
    test(why, () => {
      const decisions = allowedActions(record) as Record<string, { allowed: boolean; reason: string | null }>;
      for (const [action, want] of Object.entries(expected)) {
        const got = decisions[action]!;
        if (want === true) assert.equal(got.allowed, true, `${action}: ${got.reason}`);
        else {
          assert.equal(got.allowed, false, action);
          assert.match(got.reason ?? '', want, action);
        }
      }
    });
  }
});

describe('collectionYearOf: the DfE year (1 April to 31 March) whose codes apply to a date', () => {
  for (const [date, year] of [['2026-03-31', '2025-26'], ['2026-04-01', '2026-27'], ['2025-12-25', '2025-26'], ['2099-04-01', '2099-00']] as const) {
    test(`${date} is in ${year}`, () => assert.equal(collectionYearOf(date), year));
  }
});
