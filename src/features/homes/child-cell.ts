import { type ChildStanding, standingLine } from '../children/child-standing.js';
import { escapeHtml } from '../../web/escape-html.js';
import { urls } from '../../web/urls.js';

/** A table cell naming a child, linked to their record, with the local authority's child ID beneath, then their status and team. */
export function childCell(c: { id: string; given_name: string; family_name: string; la_child_id: string | null }, standing?: ChildStanding) {
  const name = `${escapeHtml(c.given_name)} ${escapeHtml(c.family_name)}`;
  return { html: `<a class="govuk-link" href="${escapeHtml(urls.child(c.id))}">${name}</a>${c.la_child_id ? `<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(c.la_child_id)}</span>` : ''}${standingLine(standing)}` };
}
