import type { FastifyInstance } from 'fastify';
import { type Clock, type PlainDate, compareDates, datePartsOf, describeDueDate, formatLongDate, londonDateOf, workingDaysBetween } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { FormReader, errorView } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import { ruleById } from '../../domain/areas/index.js';
import { NotFound } from '../../domain/errors.js';
import { pageOf, paging } from '../../web/pagination.js';
import { standingLine } from '../children/child-standing.js';
import { urls } from '../../web/urls.js';
import { type OutcomeCounts, type Period, type PeriodChoice, decided, formatShare, isPeriodChoice, outcomeLabels, periodLabels, periodOf, shareOnTime } from './compliance.js';
import { NO_TEAM } from './compliance.service.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

type Query = Record<string, string | undefined>;

/** The period from the query: a named one, or a custom range from two GOV.UK date inputs (errors shown, this month used meanwhile). */
function readPeriod(q: Query, today: PlainDate): { period: Period; errors: { field: string; message: string }[]; values: Record<string, string> } {
  const choice: PeriodChoice = isPeriodChoice(q.period) ? q.period : 'this-month';
  const values = Object.fromEntries(Object.entries(q).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  if (choice !== 'custom') return { period: periodOf(choice, today), errors: [], values };
  const form = new FormReader(q);
  const from = form.date('from', { label: 'Start date' });
  const to = form.date('to', { label: 'End date' });
  if (from && to && compareDates(to, from) < 0) form.fail('to-day', 'End date must be the same as or after the start date');
  if (form.ok && from && to) return { period: periodOf('custom', today, { from, to }), errors: [], values };
  return { period: periodOf('this-month', today), errors: form.errors, values };
}

/** The period as the form sends it, to carry into links. */
function periodQuery(p: Period): Record<string, string | number> {
  if (p.choice !== 'custom') return { period: p.choice };
  const f = datePartsOf(p.from);
  const t = datePartsOf(p.to);
  return { period: 'custom', 'from-day': f.day, 'from-month': f.month, 'from-year': f.year, 'to-day': t.day, 'to-month': t.month, 'to-year': t.year };
}

/** "1,888": thousands separated, as GOV.UK writes numbers. */
export const formatCount = (n: number) => n.toLocaleString('en-GB');

/** A count in a table: formatted, with the number itself to sort by (the tables sort with JavaScript). */
const countCell = (n: number) => ({ text: formatCount(n), format: 'numeric', attributes: { 'data-sort-value': String(n) } });

function countCells(c: OutcomeCounts) {
  const share = shareOnTime(c);
  return [
    countCell(decided(c)),
    countCell(c.onTime),
    countCell(c.late),
    countCell(c.missed),
    { html: share === null ? '<span class="govuk-hint">None due</span>' : `<strong>${formatShare(share)}</strong>`, format: 'numeric', attributes: { 'data-sort-value': share === null ? '-1' : String(share) } },
    countCell(c.notYetDue),
  ];
}

const overdueCell = (n: number) => ({ html: n ? `<span class="hearth-overdue">${formatCount(n)}</span>` : '0', format: 'numeric', attributes: { 'data-sort-value': String(n) } });

/** aria-sort makes a column sortable (MOJ sortable table); without JavaScript it is plain. */
const HEAD_COUNTS = [
  { text: 'Outcome known', format: 'numeric', attributes: { 'aria-sort': 'none' } },
  { text: 'On time', format: 'numeric', attributes: { 'aria-sort': 'none' } },
  { text: 'Late', format: 'numeric', attributes: { 'aria-sort': 'none' } },
  { text: 'Missed', format: 'numeric', attributes: { 'aria-sort': 'none' } },
  { text: 'Done on time', format: 'numeric', attributes: { 'aria-sort': 'none' } },
  { text: 'Not yet due', format: 'numeric', attributes: { 'aria-sort': 'none' } },
  { text: 'Overdue now', format: 'numeric', attributes: { 'aria-sort': 'none' } },
];

/** Compliance by rule and team (service managers, performance analysts), drilling down to the children. */
export function registerComplianceRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  const { compliance } = services;

  function periodForm(values: Record<string, string>, period: Period, errors: { field: string; message: string }[]) {
    const f = datePartsOf(period.from);
    const t = datePartsOf(period.to);
    const custom = period.choice === 'custom' || values.period === 'custom';
    return {
      periodItems: (Object.keys(periodLabels) as PeriodChoice[]).filter((value) => value !== 'custom').map((value) => ({ value, text: periodLabels[value], checked: !custom && value === period.choice })),
      customOpen: custom,
      from: { day: values['from-day'] ?? (custom ? String(f.day) : ''), month: values['from-month'] ?? (custom ? String(f.month) : ''), year: values['from-year'] ?? (custom ? String(f.year) : '') },
      to: { day: values['to-day'] ?? (custom ? String(t.day) : ''), month: values['to-month'] ?? (custom ? String(t.month) : ''), year: values['to-year'] ?? (custom ? String(t.year) : '') },
      ...errorView(errors),
    };
  }

  app.get('/compliance', async (request, reply) => {
    const { principal } = signedIn(request);
    const q = request.query as Query;
    const today = londonDateOf(clock.now());
    const { period, errors, values } = readPeriod(q, today);
    const teamId = q.team === NO_TEAM || isUuid(q.team) ? q.team : null;
    const s = await compliance.summary(principal, period, teamId);
    const pq = periodQuery(period);
    const rows = s.rules.map((r) => [
      { html: `<a class="govuk-link" href="${esc(urls.compliance.rule(r.rule, { ...pq, team: teamId }))}">${esc(r.label)}</a>`, attributes: { 'data-sort-value': r.label } },
      ...countCells(r.counts),
      overdueCell(r.overdueNow),
    ]);
    const total = s.rules.reduce((a, r) => ({ onTime: a.onTime + r.counts.onTime, late: a.late + r.counts.late, missed: a.missed + r.counts.missed, notYetDue: a.notYetDue + r.counts.notYetDue }), { onTime: 0, late: 0, missed: 0, notYetDue: 0 });
    const overdueNow = s.rules.reduce((a, r) => a + r.overdueNow, 0);
    const chosenTeam = teamId === NO_TEAM ? 'Children with no current allocation' : s.teams.find((t) => t.id === teamId)?.name ?? null;
    return reply.page('compliance/views/summary.njk', {
      pageTitle: 'Compliance',
      period,
      rows,
      head: [{ text: 'Duty', attributes: { 'aria-sort': 'none' } }, ...HEAD_COUNTS],
      headline: { known: decided(total) > 0, share: formatShare(shareOnTime(total)), decided: formatCount(decided(total)), overdue: formatCount(overdueNow), anyOverdue: overdueNow > 0 },
      teamItems: [{ value: '', text: s.allTeams ? 'Every team' : 'All your teams' }, ...s.teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId })), ...(s.allTeams ? [{ value: NO_TEAM, text: 'No current allocation', selected: teamId === NO_TEAM }] : [])],
      chosenTeam,
      teamId: teamId ?? '',
      action: urls.compliance.summary(),
      values,
      todayText: formatLongDate(today),
      ...periodForm(values, period, errors),
    }, errors.length ? 400 : 200);
  });

  app.get('/compliance/:rule', async (request, reply) => {
    const { principal } = signedIn(request);
    const rule = (request.params as { rule: string }).rule;
    const q = request.query as Query;
    const today = londonDateOf(clock.now());
    const { period, errors, values } = readPeriod(q, today);
    const teamId = q.team === NO_TEAM || isUuid(q.team) ? q.team : null;
    const info = ruleById(rule);
    if (!info || info.due === 'contacts') throw new NotFound('rule');
    const [s, list] = await Promise.all([compliance.summary(principal, period), compliance.children(principal, rule, period, teamId, pageOf(q.page))]);
    const r = s.rules.find((x) => x.rule === rule)!;
    const pq = periodQuery(period);
    const teamRows = r.byTeam.map((t) => [
      { html: `<a class="govuk-link" href="${esc(urls.compliance.rule(rule, { ...pq, team: t.teamId }, 'children'))}">${esc(t.teamName)}</a>`, attributes: { 'data-sort-value': t.teamName } },
      ...countCells(t.counts),
      overdueCell(t.overdueNow),
    ]);
    const childRows = list.items.map((i) => {
      let outcome: string;
      if (i.overdueNow) outcome = `<strong class="govuk-tag govuk-tag--red">Overdue</strong><br><span class="hearth-overdue">${esc(describeDueDate(i.dueOn, today).words.replace(/^overdue /, ''))}</span>`;
      else if (i.outcome === 'late') outcome = `<strong class="govuk-tag govuk-tag--orange">Late</strong><br>by ${workingDaysBetween(i.dueOn, i.metOn!)} working ${workingDaysBetween(i.dueOn, i.metOn!) === 1 ? 'day' : 'days'}`;
      else if (i.outcome === 'missed') outcome = `<strong class="govuk-tag govuk-tag--red">Missed</strong>${i.lapsedOn ? `<br>(no longer owed from ${formatLongDate(i.lapsedOn)})` : ''}`;
      else if (i.outcome === 'on-time') outcome = `<strong class="govuk-tag govuk-tag--green">${outcomeLabels['on-time']}</strong>`;
      else outcome = `<strong class="govuk-tag govuk-tag--grey">${outcomeLabels['not-yet-due']}</strong>`;
      return [
        { html: `<a class="govuk-link" href="${esc(urls.child(i.personId))}">${esc(i.childName)}</a>${i.laChildId ? `<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${esc(i.laChildId)}</span>` : ''}${standingLine(list.standings.get(i.personId))}` },
        { text: `${i.teamName}${i.workerName ? `: ${i.workerName}` : ''}` },
        { html: `${formatLongDate(i.dueOn)}<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${esc(i.basis)}</span>`, attributes: { 'data-sort-value': i.dueOn } },
        { text: i.metOn ? formatLongDate(i.metOn) : 'Not done' },
        { html: outcome },
      ];
    });
    const chosen = teamId === NO_TEAM ? 'Children with no current allocation' : (s.teams.find((t) => t.id === teamId)?.name ?? null);
    return reply.page('compliance/views/rule.njk', {
      pageTitle: `Compliance: ${info.label}`,
      label: info.label,
      source: info.source,
      rule,
      period,
      total: { known: decided(r.counts) > 0, anyOverdue: r.overdueNow > 0, overdueNow: formatCount(r.overdueNow), share: formatShare(shareOnTime(r.counts)), decided: formatCount(decided(r.counts)), onTime: formatCount(r.counts.onTime) },
      teamRows,
      head: [{ text: 'Team', attributes: { 'aria-sort': 'none' } }, ...HEAD_COUNTS],
      childRows,
      paging: paging({ page: list.page, total: list.total, noun: list.total === 1 ? 'item' : 'items', href: (n) => urls.compliance.rule(rule, { ...pq, team: teamId ?? undefined, page: n > 1 ? n : undefined }, 'children') }),
      chosen,
      teamId: teamId ?? '',
      action: urls.compliance.rule(rule),
      backLink: { href: urls.compliance.summary(pq) },
      ...periodForm(values, period, errors),
    }, errors.length ? 400 : 200);
  });
}
