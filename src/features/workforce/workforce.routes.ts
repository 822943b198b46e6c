import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Principal } from '../../domain/access/index.js';
import { socialWorkerChangeReasons } from '../../domain/codes/index.js';
import { NotFound, ValidationFailed } from '../../domain/errors.js';
import { type Clock, type PlainDate, addWeeks, compareDates, datePartsOf, describeDueDate, formatLongDate, lateEntryWords, londonDateOf } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { errorView } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { newFormToken, submissionOf } from '../../web/form-tokens.js';
import { signedIn } from '../../web/request-context.js';
import { urls } from '../../web/urls.js';
import { parseAllocation, parseSupervision, parseTransfer } from './workforce.schema.js';
import { TRANSFER_REASONS, isTransferReason, transferReasonLabels } from '../../domain/workforce/transfer-reasons.js';

type Body = Record<string, unknown>;
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const idParam = (request: { params: unknown }) => {
  const id = (request.params as { id?: string }).id ?? '';
  if (!isUuid(id)) throw new NotFound();
  return id;
};
const longDate = (d: PlainDate | null) => (d ? formatLongDate(d) : '');
/** "25 children now, 10 over the guide of 15": the caseload against the guide, in words. */
function caseloadWords(caseload: number, guide: number): string {
  const now = `${caseload} ${caseload === 1 ? 'child' : 'children'} now`;
  if (caseload > guide) return `${now}, ${caseload - guide} over the guide of ${guide}`;
  if (caseload < guide) return `${now}, ${guide - caseload} under the guide of ${guide}`;
  return `${now}, at the guide of ${guide}`;
}

/** The team moves of a child, newest first, as table rows. */
function transferRows(transfers: { transferDate: PlainDate; fromTeam: string | null; toTeam: string; reasonCode: string; notes: string | null; recordedByName: string; recordedAt: Date }[]) {
  return transfers.map((x) => {
    const late = lateEntryWords(x.transferDate, x.recordedAt);
    return [
      { text: longDate(x.transferDate) },
      { text: x.fromTeam ?? 'No team' },
      { text: x.toTeam },
      { text: [isTransferReason(x.reasonCode) ? transferReasonLabels[x.reasonCode] : x.reasonCode, x.notes].filter(Boolean).join(': ') },
      { text: `${x.recordedByName}${late ? ` (recorded ${late})` : ''}` },
    ];
  });
}

/** Allocation of a child to a worker, moving a child between teams, and case supervision. */
/** The supervision form groups a worker's children: case discussion overdue, due within these weeks, later. */
const SUPERVISION_SOON_WEEKS = 4;

const SUPERVISION_GROUPS = [
  { key: 'overdue', heading: 'Case discussion overdue' },
  { key: 'soon', heading: `Due in the next ${SUPERVISION_SOON_WEEKS} weeks` },
  { key: 'later', heading: 'Due later, or none due' },
] as const;

/** The groups that have children, in order. */
function groupSupervision<C extends { group: string }>(children: C[]) {
  return SUPERVISION_GROUPS.map((g) => ({ ...g, children: children.filter((c) => c.group === g.key) })).filter((g) => g.children.length > 0);
}

export function registerWorkforceRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  const { workforce } = services;
  /** A date input filled in with today. */
  const todayParts = (name: string): Record<string, string> => {
    const { year, month, day } = datePartsOf(londonDateOf(clock.now()));
    return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) };
  };
  const todayExample = () => {
    const { year, month, day } = datePartsOf(londonDateOf(clock.now()));
    return `${day} ${month} ${year}`;
  };

  async function renderTransfer(reply: FastifyReply, principal: Principal, personId: string, form: { values: Record<string, string>; errors: { field: string; message: string }[]; done?: string | null }, status = 200) {
    const p = await workforce.transferPage(principal, personId);
    const values = { ...todayParts('transferDate'), ...form.values };
    const done = form.done ? p.transfers.find((x) => x.id === form.done) : undefined;
    return reply.page(
      'workforce/views/transfer.njk',
      {
        pageTitle: `Transfer ${p.person.givenName} ${p.person.familyName} to another team`,
        backLink: { href: urls.allocate(personId) },
        person: p.person,
        current: p.current,
        currentText: p.current.length ? p.current.map((c) => `${c.worker ?? 'No worker yet'}, ${c.teamName ?? ''}, since ${longDate(c.allocation.startDate)}`).join('; ') : 'No team holds the case',
        done: done ? `${p.person.givenName} ${p.person.familyName} moved to ${done.toTeam} on ${longDate(done.transferDate)}. Its manager allocates a social worker.` : null,
        teamItems: [{ value: '', text: 'Choose a team' }, ...p.teams.map((x) => ({ value: x.id, text: x.name, selected: x.id === values.toTeamId }))],
        reasonItems: TRANSFER_REASONS.map((r) => ({ value: r, text: transferReasonLabels[r], checked: r === values.reasonCode })),
        values,
        todayExample: todayExample(),
        formToken: values.formToken || newFormToken(),
        transferRows: transferRows(p.transfers),
        ...errorView(form.errors),
      },
      status,
    );
  }

  app.get('/children/:id/transfer', async (request, reply) => {
    const { principal } = signedIn(request);
    const done = (request.query as Record<string, string | undefined>).done;
    return renderTransfer(reply, principal, idParam(request), { values: {}, errors: [], done: isUuid(done) ? done : null });
  });

  app.post('/children/:id/transfer', async (request, reply) => {
    const { principal } = signedIn(request);
    const personId = idParam(request);
    const parsed = parseTransfer(request.body as Body, londonDateOf(clock.now()));
    if (!parsed.command || !parsed.formToken) return renderTransfer(reply, principal, personId, { values: parsed.values, errors: parsed.errors }, 400);
    try {
      const done = await workforce.transfer(principal, personId, parsed.command, submissionOf(principal, parsed.formToken));
      return reply.redirect(done.path, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return renderTransfer(reply, principal, personId, { values: parsed.values, errors: error.errors }, 400);
      throw error;
    }
  });

  async function renderAllocate(reply: FastifyReply, principal: Principal, personId: string, form: { values: Record<string, string>; errors: { field: string; message: string }[]; allocated?: string | null }, status = 200) {
    const p = await workforce.allocationPage(principal, personId);
    const current = p.current[0] ?? null;
    const values = { ...todayParts('startDate'), ...form.values };
    const transfers = await workforce.transferHistory(personId);
    const selectedWorker = values.workerId ?? '';
    // A team allocation with no worker (a referral, a transfer in) is the team waiting to allocate: a first allocation.
    const reallocating = Boolean(current?.allocation.workerId);
    const reasonDefault = values.reasonCode ?? (reallocating ? '' : 'FCONTA');
    const workerItems = p.workers
      .filter((w) => !current || w.id !== current.allocation.workerId)
      .map((w) => ({
        value: w.id,
        text: `${w.displayName}${w.agency ? ' (agency)' : ''}`,
        hint: { text: `${w.teamName}: ${caseloadWords(w.caseload, Math.round(p.guide * w.fte))}${w.fte !== 1 ? ` for ${w.fte} FTE (full-time equivalent)` : ''}` },
        checked: w.id === selectedWorker,
        selectText: `${w.displayName}, ${w.teamName}: ${w.caseload} children (guide ${Math.round(p.guide * w.fte)})`,
      }));
    const justAllocated = form.allocated && current && current.allocation.id === form.allocated ? current : null;
    return reply.page(
      'workforce/views/allocate.njk',
      {
        pageTitle: `Allocate ${p.person.givenName} ${p.person.familyName}`,
        backLink: { href: urls.child(personId) },
        person: p.person,
        current,
        reallocating,
        currentText: current ? `${current.worker ?? 'No worker (held by the team)'}, ${current.teamName ?? ''}, since ${longDate(current.allocation.startDate)}` : 'No social worker is allocated',
        justAllocated: justAllocated ? `${p.person.givenName} ${p.person.familyName} is allocated to ${justAllocated.worker} (${justAllocated.teamName}) from ${justAllocated.allocation.startDate === londonDateOf(clock.now()) ? 'today' : longDate(justAllocated.allocation.startDate)}.` : null,
        transferRows: transferRows(transfers),
        todayExample: todayExample(),
        workerItems,
        useRadios: workerItems.length <= 15,
        selectItems: [{ value: '', text: 'Choose a social worker' }, ...workerItems.map((w) => ({ value: w.value, text: w.selectText, selected: w.checked }))],
        reasonItems: [{ value: '', text: 'Choose a reason' }, ...socialWorkerChangeReasons.codes.map((c) => ({ value: c.code, text: c.label, selected: c.code === reasonDefault }))],
        values,
        formToken: values.formToken || newFormToken(),
        historyRows: p.history.map((h) => [
          { text: h.worker ?? 'No worker (held by the team)' },
          { text: h.teamName ?? '' },
          { text: longDate(h.allocation.startDate) },
          { text: h.allocation.endDate ? longDate(h.allocation.endDate) : 'Now' },
          { text: [h.allocation.changeReasonCode ? socialWorkerChangeReasons.label(h.allocation.changeReasonCode) : null, h.allocation.reason].filter(Boolean).join(': ') || 'Not recorded' },
        ]),
        ...errorView(form.errors),
      },
      status,
    );
  }

  app.get('/children/:id/allocate', async (request, reply) => {
    const { principal } = signedIn(request);
    const allocated = (request.query as Record<string, string | undefined>).allocated;
    return renderAllocate(reply, principal, idParam(request), { values: {}, errors: [], allocated: isUuid(allocated) ? allocated : null });
  });

  app.post('/children/:id/allocate', async (request, reply) => {
    const { principal } = signedIn(request);
    const personId = idParam(request);
    const parsed = parseAllocation(request.body as Body, londonDateOf(clock.now()));
    if (!parsed.command || !parsed.formToken) return renderAllocate(reply, principal, personId, { values: parsed.values, errors: parsed.errors }, 400);
    try {
      const done = await workforce.allocate(principal, personId, parsed.command, submissionOf(principal, parsed.formToken));
      return reply.redirect(done.path, 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return renderAllocate(reply, principal, personId, { values: parsed.values, errors: error.errors }, 400);
      throw error;
    }
  });

  async function renderSupervisionForm(reply: FastifyReply, principal: Principal, workerId: string, values: Record<string, string>, discussed: string[], errors: { field: string; message: string }[], status = 200) {
    const { worker, children, standings } = await workforce.supervisionForm(principal, workerId);
    const today = londonDateOf(clock.now());
    const t = datePartsOf(today);
    const view = errorView(errors);
    const soon = addWeeks(today, SUPERVISION_SOON_WEEKS);
    return reply.page(
      'workforce/views/supervision-form.njk',
      {
        pageTitle: `Record supervision with ${worker.displayName}`,
        backLink: { href: urls.supervision.new() },
        worker,
        groups: groupSupervision(children.map((c) => {
          const due = c.dueOn ? describeDueDate(c.dueOn, today) : null;
          const standing = standings.get(c.id);
          return {
            id: c.id,
            name: `${c.givenName} ${c.familyName}`,
            group: !c.dueOn ? 'later' : compareDates(c.dueOn, today) < 0 ? 'overdue' : compareDates(c.dueOn, soon) <= 0 ? 'soon' : 'later',
            standing: standing ? `${standing.statusLabel} · ${standing.teamName ?? 'No team responsible'}` : null,
            hint: [c.lastDiscussed ? `Last discussed ${formatLongDate(c.lastDiscussed)}` : 'Not discussed in supervision before', due ? `case discussion ${due.words}` : null].filter(Boolean).join('; '),
            overdue: due?.status === 'overdue',
            checked: discussed.includes(c.id),
            decision: values[`decision-${c.id}`] ?? '',
            rationale: values[`rationale-${c.id}`] ?? '',
            decisionError: view.errors[`decision-${c.id}`],
            rationaleError: view.errors[`rationale-${c.id}`],
          };
        })),
        date: { day: values['supervisionDate-day'] ?? String(t.day), month: values['supervisionDate-month'] ?? String(t.month), year: values['supervisionDate-year'] ?? String(t.year) },
        values,
        formToken: values.formToken || newFormToken(),
        ...view,
      },
      status,
    );
  }

  app.get('/supervision/new', async (request, reply) => {
    const { principal } = signedIn(request);
    const workerId = (request.query as Record<string, string | undefined>).worker;
    if (workerId !== undefined) {
      if (!isUuid(workerId)) throw new NotFound();
      return renderSupervisionForm(reply, principal, workerId, {}, [], []);
    }
    const workers = await workforce.supervisees(principal);
    const today = londonDateOf(clock.now());
    return reply.page('workforce/views/supervisees.njk', {
      pageTitle: 'Record a supervision',
      rows: workers.map((w) => [
        { html: `<a class="govuk-link" href="${esc(urls.supervision.new({ worker: w.id }))}">${esc(w.displayName)}</a>` },
        { text: w.teamName },
        { text: String(w.caseload), format: 'numeric' },
        { text: w.lastSupervision ? formatLongDate(w.lastSupervision) : 'Not recorded' },
        { html: w.overdue ? `<span class="hearth-overdue">${w.overdue}</span>` : '0', format: 'numeric' },
        { text: w.nextDue ? `${formatLongDate(w.nextDue)} (${describeDueDate(w.nextDue, today).words})` : 'None due' },
      ]),
    });
  });

  app.post('/supervision/new', async (request, reply) => {
    const { principal } = signedIn(request);
    const workerId = (request.query as Record<string, string | undefined>).worker;
    if (!isUuid(workerId)) throw new NotFound();
    const { children } = await workforce.supervisionForm(principal, workerId);
    const parsed = parseSupervision(request.body as Body, londonDateOf(clock.now()), children.map((c) => c.id));
    if (!parsed.command || !parsed.formToken) return renderSupervisionForm(reply, principal, workerId, parsed.values, parsed.discussed, parsed.errors, 400);
    try {
      const done = await workforce.recordSupervision(principal, workerId, parsed.command, submissionOf(principal, parsed.formToken));
      return reply.saved(done.path, 'Supervision recorded');
    } catch (error) {
      if (error instanceof ValidationFailed) return renderSupervisionForm(reply, principal, workerId, parsed.values, parsed.discussed, error.errors, 400);
      throw error;
    }
  });

  app.get('/supervision/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    const s = await workforce.getSupervision(principal, idParam(request));
    return reply.page('workforce/views/supervision.njk', {
      pageTitle: `Supervision of ${s.workerName} on ${longDate(s.supervision.supervisionDate)}`,
      s,
      dateText: longDate(s.supervision.supervisionDate),
      canRecordAnother: principal.userId === s.supervision.supervisorId,
    });
  });
}
