import { type PlainDate, datePartsOf, formatLongDate } from '../../domain/time/index.js';
import type { ChildFound } from './search.repo.js';
import { escapeHtml } from '../../web/escape-html.js';
import { urls } from '../../web/urls.js';
import { type ChildStanding, standingLine } from '../children/child-standing.js';

/** "8 years", "1 year", "5 months", "Under 1 month", or "Unborn". */
export function describeAge(dateOfBirth: PlainDate | null, today: PlainDate): string {
  if (!dateOfBirth) return 'Not known';
  if (dateOfBirth > today) return 'Unborn';
  const b = datePartsOf(dateOfBirth);
  const t = datePartsOf(today);
  const months = (t.year - b.year) * 12 + (t.month - b.month) - (t.day < b.day ? 1 : 0);
  if (months >= 12) {
    const years = Math.floor(months / 12);
    return `${years} ${years === 1 ? 'year' : 'years'}`;
  }
  if (months >= 1) return `${months} ${months === 1 ? 'month' : 'months'}`;
  return 'Under 1 month';
}

function team(child: ChildFound): string {
  if (child.teamName) return child.teamName;
  return child.hasOpenEpisode ? 'Open, not allocated' : 'No open case';
}

/** The results table's rows: name (a link to the child's page), date of birth, age, child ID, team. */
export function resultRows(children: ChildFound[], today: PlainDate, standings: ReadonlyMap<string, ChildStanding> = new Map()) {
  return children.map((c) => {
    const born = c.dateOfBirth;
    const expected = c.expectedDateOfBirth;
    const dob = born ? formatLongDate(born) : expected ? `Expected ${formatLongDate(expected)}` : 'Not known';
    return [
      { html: `<a class="govuk-link" href="${escapeHtml(urls.child(c.id))}">${escapeHtml(c.givenName)} ${escapeHtml(c.familyName)}</a>${standingLine(standings.get(c.id))}` },
      { text: dob },
      { text: born ? describeAge(born, today) : expected ? 'Unborn' : 'Not known' },
      { text: c.laChildId },
      { text: team(c) },
    ];
  });
}

