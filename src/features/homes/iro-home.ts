import type { FastifyReply, FastifyRequest } from 'fastify';
import { type PlainDate, describeDueDate, formatDayAndDate, formatLongDate } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { escapeHtml } from '../../web/escape-html.js';
import { signedIn } from '../../web/request-context.js';
import { ruleInfo } from '../worktray/work-catalogue.js';
import { childCell } from './child-cell.js';
import { IRO_WEEKS_AHEAD } from './iro.service.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Overdue by 3 working days" over "Monday 9 November 2026", red when overdue. */
function dueCell(dueOn: PlainDate, today: PlainDate) {
  const due = describeDueDate(dueOn, today);
  return {
    html: `<span class="${due.status === 'overdue' ? 'hearth-overdue' : 'govuk-!-font-weight-bold'}">${escapeHtml(capitalise(due.words))}</span><br><span class="govuk-body-s">${formatDayAndDate(dueOn)}</span>`,
    attributes: { 'data-sort-value': dueOn },
  };
}

/**
 * The IRO's home: their children (the child protection plans whose initial conference they chaired,
 * and the children looked after whose latest review they chaired) and the conferences coming up.
 */
export async function renderIroHome(request: FastifyRequest, reply: FastifyReply, services: Services) {
  const { principal } = signedIn(request);
  const o = await services.homes.iro(principal);
  const chairedRows = o.chaired.map((c) => [
    childCell(c, o.standings.get(c.id)),
    { text: formatLongDate(c.conference_date) },
    { text: formatLongDate(c.plan_start) },
    c.next_review ? dueCell(c.next_review, o.today) : { text: 'None due' },
  ]);
  const dueRows = o.due.map((c) => [
    childCell(c, o.standings.get(c.id)),
    { html: `${escapeHtml(ruleInfo(c.rule).label)}${c.chaired_by_me ? '<br><strong class="govuk-tag govuk-tag--blue">You chaired the initial conference</strong>' : ''}` },
    dueCell(c.due_on, o.today),
    { text: c.worker ?? 'No worker allocated' },
  ]);
  const reviewedRows = o.reviewed.map((c) => [childCell(c, o.standings.get(c.id)), { text: formatLongDate(c.last_review) }]);
  return reply.page('homes/views/iro.njk', {
    pageTitle: 'Conferences and reviews',
    weeks: IRO_WEEKS_AHEAD,
    until: formatLongDate(o.until),
    chairedRows,
    dueRows,
    overdue: o.due.filter((c) => c.due_on < o.today).length,
    reviewedRows,
    canSearch: services.search.canSearch(principal),
  });
}
