import type { FastifyInstance } from 'fastify';
import { can, canWorkFrontDoor } from '../../domain/access/index.js';
import { type PlainDate, compareDates, datePartsOf, describeDueDate, formatLongDate, workingDaysBetween } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import { homeFor } from '../../web/home.js';
import { renderHome } from '../homes/render-home.js';
import { escapeHtml } from '../../web/escape-html.js';
import { urls } from '../../web/urls.js';
import { kindItems, presentGroups, workHead } from './case-worktray.presenter.js';
import { isManager } from './case-worktray.service.js';
import { isWorkKind, rulesOfKind, workKindLabels, workLabel } from './work-catalogue.js';
import { groupBounds, groupOf } from './work-groups.js';
import { standingLine } from '../children/child-standing.js';
import { pageOf, paging } from '../../web/pagination.js';

const WORK_HEAD = workHead(false);
const TEAM_WORK_HEAD = workHead(true);

const EMPTY_TEXT = {
  overdue: 'Nothing is overdue.',
  today: 'Nothing is due today.',
  'this-week': 'Nothing else is due this week.',
  'coming-up': 'Nothing is due in the next 4 weeks.',
  later: 'Nothing is due later.',
};

/** Whole years of age on `today`. */
function ageOn(dateOfBirth: PlainDate, today: PlainDate): number {
  const b = datePartsOf(dateOfBirth);
  const t = datePartsOf(today);
  return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
}

/**
 * When the child is next due to be discussed in the worker's case supervision, which their manager
 * records (issue 9): a date, not an overdue item of the worker's own.
 */
function supervisionWords(dueOn: PlainDate | undefined, today: PlainDate): string {
  if (!dueOn) return 'Not due';
  return compareDates(dueOn, today) < 0 ? `Due since ${formatLongDate(dueOn)}` : formatLongDate(dueOn);
}

function counts(items: readonly { dueOn: PlainDate }[], today: PlainDate) {
  const b = groupBounds(today);
  const c = { overdue: 0, today: 0, week: 0 };
  for (const i of items) {
    const g = groupOf(i.dueOn, b);
    if (g === 'overdue') c.overdue++;
    else if (g === 'today') c.today++;
    else if (g === 'this-week') c.week++;
  }
  return c;
}

/** The case worktrays: "My worktray" (everyone's home page) and the team manager's "Team" page. */
/** The first work due for a child not yet allocated: what it is, when, and whether it is overdue. */
function nextDueCell(rule: string | null, dueOn: PlainDate | null, today: PlainDate) {
  if (!rule || !dueOn) return { text: 'Nothing due' };
  const due = describeDueDate(dueOn, today);
  return { html: `${escapeHtml(workLabel({ rule, visitDate: null }))}: <span class="${due.status === 'overdue' ? 'hearth-overdue' : ''}">${escapeHtml(formatLongDate(dueOn))} (${escapeHtml(due.words)})</span>`, attributes: { 'data-sort-value': dueOn } };
}

export function registerCaseWorktrayRoutes(app: FastifyInstance, services: Services): void {
  app.get('/', async (request, reply) => {
    const { principal } = signedIn(request);
    // The front door's home is its own queue.
    if (canWorkFrontDoor(principal)) return reply.redirect(urls.frontDoor());
    const { items: all, children, today, nextSupervision, standings } = await services.caseWorktray.mine(principal, {});
    // Who holds no cases and is not a practitioner has their role's home (src/web/home.ts).
    const home = homeFor(principal, { holdsCases: children.length > 0 });
    if (home !== 'worktray') return renderHome(home, request, reply, services);
    const q = request.query as Record<string, string | undefined>;
    const filter = { personId: isUuid(q.child) ? q.child : null, kind: isWorkKind(q.kind) ? q.kind : null };
    const kindRules = filter.kind ? rulesOfKind(filter.kind) : null;
    const items = all.filter((i) => (!filter.personId || i.personId === filter.personId) && (!kindRules || kindRules.includes(i.rule)));
    // One's own case supervision is recorded by one's own manager, whatever one's role.
    const canRecordSupervision = false;
    const child = children.find((c) => c.id === filter.personId);
    // With no children of one's own, the page points to the work one does have.
    const links = [];
    if (isManager(principal)) links.push({ href: urls.team(), text: 'Your team’s worktray', hint: 'overdue work, caseloads, unallocated children and supervision' });
    if (can(principal, 'compliance.view')) links.push({ href: urls.compliance.summary(), text: 'Compliance by team and rule', hint: 'the share of work done on time, and what is overdue now' });
    if (services.search.canSearch(principal)) links.push({ href: urls.search(), text: 'Find a child', hint: 'by name, date of birth, NHS number, UPN or child ID' });
    if (can(principal, 'settings.administer')) links.push({ href: urls.admin.settings(), text: 'Local timescales and settings', hint: 'visit and review intervals, the caseload guide and the MASH RAG clocks' });
    // Every child allocated to the worker, one click away, with how much of their work is open.
    const childRows = children.map((c) => {
      const open = all.filter((i) => i.personId === c.id);
      const overdue = open.filter((i) => compareDates(i.dueOn, today) < 0).length;
      const name = `${escapeHtml(c.givenName)} ${escapeHtml(c.familyName)}`;
      const dob = c.dateOfBirth;
      return [
        { html: `<a class="govuk-link" href="${escapeHtml(urls.child(c.id))}">${name}</a>${c.laChildId ? `<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(c.laChildId)}</span>` : ''}${standingLine(standings.get(c.id))}` },
        { text: dob ? `${formatLongDate(dob)} (age ${ageOn(dob, today)})` : 'Not known' },
        { text: c.since ? formatLongDate(c.since) : '' },
        { text: supervisionWords(nextSupervision.get(c.id), today) },
        {
          html: open.length
            ? `<a class="govuk-link" href="/?child=${c.id}">${open.length} ${open.length === 1 ? 'item' : 'items'}<span class="govuk-visually-hidden"> for ${name}</span></a>${overdue ? `, <span class="hearth-overdue">${overdue} overdue</span>` : ''}`
            : 'Nothing due',
        },
      ];
    });
    return reply.page('worktray/views/my-worktray.njk', {
      pageTitle: 'My worktray',
      childRows,
      childCount: children.length,
      counts: counts(all, today),
      groups: presentGroups(items, today, { showWorker: false, canRecordSupervision, standings }),
      head: WORK_HEAD,
      emptyText: EMPTY_TEXT,
      childItems: [{ value: '', text: 'All my children' }, ...children.map((c) => ({ value: c.id, text: `${c.givenName} ${c.familyName}`, selected: c.id === filter.personId }))],
      // Case supervision is the manager's to record: not a kind of the worker's own work.
      kindItems: kindItems(filter.kind).filter((k) => k.value !== 'supervision'),
      filtered: Boolean(filter.personId || filter.kind),
      filterText: [child ? `${child.givenName} ${child.familyName}` : null, filter.kind ? workKindLabels[filter.kind].toLowerCase() : null].filter(Boolean).join(', '),
      shown: items.length,
      total: all.length,
      links,
    });
  });

  app.get('/team', async (request, reply) => {
    const { principal } = signedIn(request);
    const q = request.query as Record<string, string | undefined>;
    const kind = isWorkKind(q.kind) ? q.kind : null;
    const t = await services.caseWorktray.team(principal, { teamId: isUuid(q.team) ? q.team : null, unallocatedPage: pageOf(q.unallocatedPage) });
    const workers = [...t.caseloads.workers, ...t.extraWorkers.map((w) => ({ id: w.id, displayName: w.displayName, fte: null, agency: false, caseload: null, guideForFte: null, lastSupervision: null }))];
    const workerId = workers.some((w) => w.id === q.worker) ? q.worker! : null;
    const kindRules = kind ? rulesOfKind(kind) : null;
    const shownItems = t.all.filter((i) => (!workerId || i.workerId === workerId) && (!kindRules || kindRules.includes(i.rule)));
    const canRecordSupervision = can(principal, 'casework.authorise');
    const over = t.caseloads.workers.filter((w) => w.caseload > w.guideForFte);
    const caseloadRows = t.caseloads.workers.map((w) => {
      const diff = w.caseload - w.guideForFte;
      const overdue = t.overdueBy.get(w.id) ?? 0;
      const supOverdue = t.supervisionOverdueBy.get(w.id) ?? 0;
      return [
        { html: `<a class="govuk-link" href="${escapeHtml(urls.team({ team: t.team.id, worker: w.id }, 'work'))}">${escapeHtml(w.displayName)}</a>${w.agency ? ' <strong class="govuk-tag govuk-tag--grey">Agency</strong>' : ''}` },
        { text: w.fte.toFixed(1), format: 'numeric' },
        { text: String(w.caseload), format: 'numeric' },
        { text: String(w.guideForFte), format: 'numeric' },
        { html: diff > 0 ? `<strong class="govuk-tag govuk-tag--red">${diff} over</strong>` : diff === 0 ? '<strong class="govuk-tag govuk-tag--yellow">At the guide</strong>' : `<strong class="govuk-tag govuk-tag--green">${-diff} under</strong>` },
        { html: overdue ? `<span class="hearth-overdue">${overdue}</span>` : '0', format: 'numeric' },
        { html: w.lastSupervision ? `${formatLongDate(w.lastSupervision)}${supOverdue ? `<br><span class="hearth-overdue">${supOverdue} ${supOverdue === 1 ? 'child' : 'children'} overdue for case discussion</span>` : ''}` : `Not recorded${supOverdue ? `<br><span class="hearth-overdue">${supOverdue} ${supOverdue === 1 ? 'child' : 'children'} overdue for case discussion</span>` : ''}` },
        { html: canRecordSupervision ? `<a class="govuk-link" href="${escapeHtml(urls.supervision.new({ worker: w.id }))}">Record supervision<span class="govuk-visually-hidden"> with ${escapeHtml(w.displayName)}</span></a>` : '' },
      ];
    });
    const unallocatedRows = t.unallocated.map((c) => {
      const referral = c.referral_date;
      const waited = compareDates(referral, t.today) < 0 ? workingDaysBetween(referral, t.today) : 0;
      return [
        { html: `<a class="govuk-link" href="${escapeHtml(urls.child(c.id))}">${escapeHtml(c.given_name)} ${escapeHtml(c.family_name)}</a>${c.la_child_id ? `<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(c.la_child_id)}</span>` : ''}${standingLine(t.standings.get(c.id))}` },
        { html: `<a class="govuk-link" href="${escapeHtml(urls.referrals.show(c.episode_id))}">${formatLongDate(referral)}</a>`, attributes: { 'data-sort-value': referral } },
        { text: waited === 0 ? 'Referred today' : `${waited} working ${waited === 1 ? 'day' : 'days'} since the referral` },
        { text: c.last_worker ?? 'None before' },
        nextDueCell(c.next_rule, c.next_due_on, t.today),
        { html: `<a class="govuk-link" href="${escapeHtml(urls.allocate(c.id))}">Allocate<span class="govuk-visually-hidden"> ${escapeHtml(c.given_name)} ${escapeHtml(c.family_name)}</span></a>` },
      ];
    });
    const worker = workers.find((w) => w.id === workerId);
    const filtered = Boolean(workerId || kind);
    const closureRows = (await services.casework.closuresAwaiting(principal)).map((c) => [
      { html: `<a class="govuk-link" href="${escapeHtml(urls.casework.closureDecision(c.personId))}">${escapeHtml(c.givenName)} ${escapeHtml(c.familyName)}</a>` },
      { text: formatLongDate(c.closureDate), attributes: { 'data-sort-value': c.closureDate } },
      { text: c.closureReason },
      { text: c.proposedBy },
    ]);
    return reply.page('worktray/views/team-worktray.njk', {
      closureRows,
      pageTitle: `Team worktray: ${t.team.name}`,
      team: t.team,
      guide: t.caseloads.guide,
      overdueTotal: [...t.overdueBy.values()].reduce((a, b) => a + b, 0),
      overGuide: over.length,
      caseloadRows,
      unallocatedRows,
      unallocatedTotal: t.unallocatedTotal,
      unallocatedPaging: paging({
        page: t.unallocatedPage,
        total: t.unallocatedTotal,
        noun: t.unallocatedTotal === 1 ? 'child' : 'children',
        href: (n) => urls.team({ team: t.team.id, worker: isUuid(q.worker) ? q.worker : undefined, kind: kind ?? undefined, unallocatedPage: n > 1 ? n : undefined }, 'unallocated'),
      }),
      groups: presentGroups(shownItems, t.today, {
        showWorker: true,
        canRecordSupervision,
        standings: t.standings,
        workerHref: (id) => urls.team({ team: t.team.id, worker: id, kind: kind ?? undefined }, 'work'),
        // Hundreds of items for a whole team: what is due after this week is there on request.
        collapse: ['coming-up', 'later'],
      }),
      head: TEAM_WORK_HEAD,
      emptyText: EMPTY_TEXT,
      teamItems: t.teams.map((x) => ({ value: x.id, text: x.name, selected: x.id === t.team.id })),
      workerItems: [{ value: '', text: 'Everyone in the team' }, ...workers.map((w) => ({ value: w.id, text: w.displayName, selected: w.id === workerId }))],
      kindItems: kindItems(kind),
      filtered,
      filterText: [worker?.displayName, kind ? workKindLabels[kind].toLowerCase() : null].filter(Boolean).join(', '),
      shown: shownItems.length,
      total: t.all.length,
    });
  });
}
