import type { FastifyInstance } from 'fastify';
import { referralSources } from '../../domain/codes/index.js';
import { ragLabels } from '../../domain/front-door/rag.js';
import { type Clock, describeDueDate, describeDueInstant, formatLongDate, formatLondonDateTime, londonDateOf } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import { escapeHtml } from '../../web/escape-html.js';
import { urls } from '../../web/urls.js';
import { standingLine } from '../children/child-standing.js';

export function registerWorktrayRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  app.get('/front-door', async (request, reply) => {
    const { principal } = signedIn(request);
    const q = request.query as Record<string, string | undefined>;
    const filter = { teamId: isUuid(q.team) ? q.team : null, workerId: isUuid(q.worker) ? q.worker : null };
    const tray = await services.worktray.frontDoor(principal, filter);
    const { teams, workers } = await services.worktray.frontDoorTeamsAndWorkers();
    const now = clock.now();
    const today = londonDateOf(now);
    const contactRows = tray.contacts.map((c) => {
      const due = describeDueInstant(c.dueAt, now);
      const rag = c.rag;
      return {
        due,
        cells: [
          { html: `<a class="govuk-link" href="${escapeHtml(urls.contacts.show(c.id))}">${escapeHtml(c.givenName)} ${escapeHtml(c.familyName)}</a>${standingLine(tray.standings.get(c.personId))}` },
          { html: rag ? `<span class="hearth-rag hearth-rag--${rag}">${ragLabels[rag]}</span>` : '<span class="hearth-rag hearth-rag--none">Not rated</span>' },
          { html: `<span class="${due.status === 'overdue' ? 'hearth-overdue' : ''}">${escapeHtml(due.words)}</span>`, attributes: { 'data-sort-value': String(c.dueAt.getTime()) } },
          { text: formatLondonDateTime(c.receivedAt), attributes: { 'data-sort-value': String(c.receivedAt.getTime()) } },
          { text: referralSources.label(c.source) },
          { text: c.worker ?? 'Not assigned' },
          { text: c.teamName },
        ],
      };
    });
    const referralRows = tray.referrals.map((r) => {
      const due = describeDueDate(r.dueOn, today);
      return [
        { html: `<a class="govuk-link" href="${escapeHtml(urls.referrals.show(r.id))}">${escapeHtml(r.givenName)} ${escapeHtml(r.familyName)}</a>${standingLine(tray.standings.get(r.personId))}` },
        { html: `<span class="${due.status === 'overdue' ? 'hearth-overdue' : ''}">${escapeHtml(due.words)}</span>`, attributes: { 'data-sort-value': r.dueOn } },
        { text: formatLongDate(r.referralDate), attributes: { 'data-sort-value': r.referralDate } },
        { text: r.teamName ?? '' },
      ];
    });
    const earlyHelpRows = tray.earlyHelp.map((e) => [
      { html: `<a class="govuk-link" href="${escapeHtml(urls.earlyHelp.allocate(e.personId))}">${escapeHtml(e.givenName)} ${escapeHtml(e.familyName)}<span class="govuk-visually-hidden">: allocate the early help</span></a>${standingLine(tray.standings.get(e.personId))}` },
      { text: formatLongDate(e.startDate), attributes: { 'data-sort-value': e.startDate } },
    ]);
    const overdue = contactRows.filter((r) => r.due.status === 'overdue').length + tray.referrals.filter((r) => describeDueDate(r.dueOn, today).status === 'overdue').length;
    return reply.page('worktray/views/front-door.njk', {
      pageTitle: 'Front door',
      contactRows: contactRows.map((r) => r.cells),
      referralRows,
      earlyHelpRows,
      overdue,
      hours: tray.hours,
      filter,
      teamItems: [{ value: '', text: 'All front-door teams' }, ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === filter.teamId }))],
      workerItems: [{ value: '', text: 'Everyone' }, ...workers.map((w) => ({ value: w.id, text: w.displayName, selected: w.id === filter.workerId }))],
    });
  });
}

