import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePlainDate } from '../../domain/time/index.js';
import { describeAge, resultRows } from './search.presenter.js';

const d = parsePlainDate;

describe('describeAge: the age column of the search results', () => {
  const today = d('2026-11-23');
  const cases: [string | null, string][] = [
    ['2014-07-31', '12 years'],
    ['2025-11-23', '1 year'],
    ['2025-11-24', '11 months'],
    ['2026-10-23', '1 month'],
    ['2026-10-24', 'Under 1 month'],
    ['2026-11-23', 'Under 1 month'],
    ['2008-02-29', '18 years'],
    ['2027-01-10', 'Unborn'],
    [null, 'Not known'],
  ];
  for (const [born, expected] of cases) {
    test(`born ${born ?? 'not known'}: ${expected} on ${today}`, () => assert.equal(describeAge(born ? d(born) : null, today), expected));
  }
});

describe('resultRows', () => {
  const base = { id: '5d2c0f9e-0000-4000-8000-000000000001', laChildId: 'C0000001', givenName: 'Ada', familyName: '<Lovelace>', dateOfBirth: null, expectedDateOfBirth: null, teamName: null, hasOpenEpisode: false, score: 1 };

  test('a name is escaped inside its link', () => {
    const [row] = resultRows([base], d('2026-11-23'));
    assert.equal(row![0]!.html, '<a class="govuk-link" href="/children/5d2c0f9e-0000-4000-8000-000000000001">Ada &lt;Lovelace&gt;</a>');
  });

  test('an unborn child shows the expected date; the team column says whether a case is open', () => {
    const rows = resultRows(
      [
        { ...base, expectedDateOfBirth: d('2027-02-01') },
        { ...base, dateOfBirth: d('2015-05-03'), hasOpenEpisode: true },
        { ...base, dateOfBirth: d('2015-05-03'), teamName: 'Assessment', hasOpenEpisode: true },
      ],
      d('2026-11-23'),
    );
    assert.deepEqual(rows.map((r) => [r[1]!.text, r[2]!.text, r[4]!.text]), [
      ['Expected 1 February 2027', 'Unborn', 'No open case'],
      ['3 May 2015', '11 years', 'Open, not allocated'],
      ['3 May 2015', '11 years', 'Assessment'],
    ]);
  });
});
