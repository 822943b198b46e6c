import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatLongDate, workingDaysBetween } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { escapeHtml } from '../../web/escape-html.js';
import { signedIn } from '../../web/request-context.js';
import { urls } from '../../web/urls.js';

/**
 * The service manager's home: across the teams of their management line, where work is overdue
 * and which teams have workers over the caseload guide; each team opens its team worktray.
 */
export async function renderServiceManagerHome(request: FastifyRequest, reply: FastifyReply, services: Services) {
  const { principal } = signedIn(request);
  const { teams, guide, today } = await services.homes.serviceOverview(principal);
  const teamLink = (t: { id: string; name: string }) => `<a class="govuk-link" href="${escapeHtml(urls.team({ team: t.id }))}">${escapeHtml(t.name)}</a>`;
  const byOverdue = [...teams].sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name));
  const overdueRows = byOverdue.map((t) => [
    { html: teamLink(t) },
    { html: t.overdue ? `<span class="hearth-overdue">${t.overdue}</span>` : '0', format: 'numeric' },
    { text: String(t.childrenOverdue), format: 'numeric' },
    { text: t.oldestOverdue ? `${formatLongDate(t.oldestOverdue)} (${workingDaysBetween(t.oldestOverdue, today)} working days ago)` : 'None overdue' },
  ]);
  const over = teams.filter((t) => t.overGuide > 0).sort((a, b) => b.overGuide - a.overGuide || a.name.localeCompare(b.name));
  const caseloadRows = over.map((t) => [
    { html: teamLink(t) },
    { html: `<strong class="govuk-tag govuk-tag--red">${t.overGuide} of ${t.workers}</strong>` },
    { text: String(t.children), format: 'numeric' },
  ]);
  return reply.page('homes/views/service-manager.njk', {
    pageTitle: 'Your service',
    teamCount: teams.length,
    overdueTotal: teams.reduce((n, t) => n + t.overdue, 0),
    teamsOverdue: teams.filter((t) => t.overdue > 0).length,
    overdueRows,
    caseloadRows,
    guide,
    canSearch: services.search.canSearch(principal),
  });
}
