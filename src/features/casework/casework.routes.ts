import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/access/index.js';
import { type FieldError, NotFound, ValidationFailed } from '../../domain/errors.js';
import { type Clock, type PlainDate, compareDates, describeDueDate, formatLongDate, londonDateOf } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { type FormBody, errorView } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import {
  agencyItems,
  assessmentOutcomeItems,
  caseworkPage,
  categoryItems,
  closureReasonItems,
  conferenceLinkItems,
  dateExample,
  factorItems,
  formBase,
  participationItems,
  planRows,
  s47OutcomeItems,
  strategyItems,
  yesNoValue,
} from './casework.presenter.js';
import type { CaseFile } from './casework.repo.js';
import {
  type Parsed,
  parseAuthoriseAssessment,
  parseCinPlanEnd,
  parseCinPlanReview,
  parseCinPlanStart,
  parseCloseEpisode,
  parseCoreGroup,
  parseInitialConference,
  parseReviewConference,
  parseS47Outcome,
  parseStartAssessment,
  parseStartS47,
  parseStrategyDiscussion,
  parseVisit,
  parseVisitWriteUp,
} from './casework.schema.js';
import { type FormContext, NotAllowedNow } from './casework.service.js';
import type { Done, Submission } from '../submissions/once-only.js';
import { newFormToken, submissionOf } from '../../web/form-tokens.js';

type Values = Record<string, string | string[] | undefined>;
type Errors = Record<string, { text: string }>;
const long = (d: string | null | undefined) => (d ? formatLongDate(d as PlainDate) : '');

/**
 * One casework form: GET shows it (or, when the journey refuses it, says why with 409); POST reads
 * it, re-shows it with 400 and every error when it is wrong, and otherwise saves once and redirects.
 */
interface FormRoute<Ctx extends FormContext, Cmd> {
  path: string;
  /** The route parameter naming the record the form acts on (an assessment, an enquiry, a visit). */
  sub?: string;
  view: string;
  heading: string;
  buttonText: string;
  load(principal: Principal, personId: string, sub: string): Promise<Ctx>;
  /** Field values the form opens with (known facts pre-filled). */
  defaults?(ctx: Ctx): Values;
  /** The version of the record the form edits (stale edits are refused). */
  version?(ctx: Ctx): number;
  page(ctx: Ctx, values: Values, errors: Errors): Record<string, unknown>;
  parse(body: FormBody, today: PlainDate): Parsed<Cmd>;
  save(principal: Principal, personId: string, sub: string, command: Cmd, submission: Submission): Promise<Done>;
}

export function registerCaseworkRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  const { casework } = services;
  const today = () => londonDateOf(clock.now());

  function params(request: FastifyRequest, sub?: string): { personId: string; sub: string } {
    const p = request.params as Record<string, string | undefined>;
    const personId = p.id ?? '';
    const subId = sub ? (p[sub] ?? '') : '';
    if (!isUuid(personId) || (sub && !isUuid(subId))) throw new NotFound();
    return { personId, sub: subId };
  }

  /** The journey refuses this recording now: say why, offer what can be recorded, write nothing. */
  async function refused(reply: FastifyReply, principal: Principal, error: NotAllowedNow) {
    const actions = await casework.caseActionsFor(principal, error.personId);
    return reply.page('casework/views/refused.njk', { pageTitle: 'You cannot record this now', childName: error.childName, personId: error.personId, reason: error.reason, allowed: actions.filter((a) => a.allowed), backLink: { href: `/children/${error.personId}/casework` } }, 409);
  }

  function form<Ctx extends FormContext, Cmd>(def: FormRoute<Ctx, Cmd>) {
    async function render(request: FastifyRequest, reply: FastifyReply, principal: Principal, ids: { personId: string; sub: string }, state: { values?: Values; errors?: FieldError[]; formToken?: string; version?: number; status?: number }) {
      const ctx = await def.load(principal, ids.personId, ids.sub);
      const values = state.values ?? def.defaults?.(ctx) ?? {};
      const ev = errorView(state.errors ?? []);
      return reply.page(
        def.view,
        {
          pageTitle: `${def.heading}: ${ctx.c.person.givenName} ${ctx.c.person.familyName}`,
          heading: def.heading,
          buttonText: def.buttonText,
          action: request.url.split('?')[0],
          ...formBase(ctx.c, ctx.today),
          version: state.version ?? def.version?.(ctx) ?? null,
          formToken: state.formToken ?? newFormToken(),
          values,
          ...ev,
          ...def.page(ctx, values, ev.errors),
        },
        state.status ?? 200,
      );
    }

    app.get(def.path, async (request, reply) => {
      const { principal } = signedIn(request);
      const ids = params(request, def.sub);
      try {
        return await render(request, reply, principal, ids, {});
      } catch (error) {
        if (error instanceof NotAllowedNow) return refused(reply, principal, error);
        throw error;
      }
    });

    app.post(def.path, async (request, reply) => {
      const { principal } = signedIn(request);
      const ids = params(request, def.sub);
      const body = (request.body ?? {}) as FormBody;
      const parsed = def.parse(body, today());
      // Shown again as sent: the same one-time token and the version the user was editing.
      const sentVersion = typeof body.version === 'string' && /^\d{1,9}$/.test(body.version) ? Number(body.version) : undefined;
      const again = (errors: FieldError[]) => render(request, reply, principal, ids, { values: parsed.values, errors, formToken: parsed.formToken ?? undefined, version: sentVersion, status: 400 });
      try {
        if (!parsed.command || !parsed.formToken) return await again(parsed.errors);
        const done = await def.save(principal, ids.personId, ids.sub, parsed.command, submissionOf(principal, parsed.formToken));
        return reply.redirect(done.path, 303);
      } catch (error) {
        if (error instanceof NotAllowedNow) return refused(reply, principal, error);
        if (error instanceof ValidationFailed) {
          try {
            return await again(error.errors);
          } catch (inner) {
            if (inner instanceof NotAllowedNow) return refused(reply, principal, inner);
            throw inner;
          }
        }
        throw error;
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The casework page: what has been recorded, what is due, what can be recorded next

  app.get('/children/:id/casework', async (request, reply) => {
    const { principal } = signedIn(request);
    const { personId } = params(request);
    const o = await casework.overview(principal, personId);
    return reply.page('casework/views/casework.njk', { ...caseworkPage(o), backLink: { href: `/children/${personId}`, text: 'Child’s record' } });
  });

  const latestOf = (ds: string[]) => [...ds].sort((a, b) => compareDates(a as PlainDate, b as PlainDate)).at(-1) ?? null;

  // ---------------------------------------------------------------------------------------------
  // Assessment

  form({
    path: '/children/:id/assessments/new',
    view: 'casework/views/assessment-start.njk',
    heading: 'Record the start of an assessment',
    buttonText: 'Save',
    load: (p, id) => casework.formFor(p, id, 'record-assessment', 'start-assessment'),
    page: (ctx) => ({ facts: ctx.c.open ? [{ key: { text: 'Referral' }, value: { text: long(ctx.c.open.referralDate) } }] : [] }),
    parse: parseStartAssessment,
    save: (p, id, _s, cmd, sub) => casework.startAssessment(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/assessments/:aid/authorise',
    sub: 'aid',
    view: 'casework/views/assessment-authorise.njk',
    heading: 'Authorise the assessment',
    buttonText: 'Authorise the assessment',
    load: (p, id, aid) => casework.authoriseForm(p, id, aid),
    defaults: (ctx) => ({ childSeen: yesNoValue(ctx.assessment.childSeen), factors: ctx.assessment.factors }),
    version: (ctx) => ctx.assessment.version,
    page: (ctx, values) => ({
      facts: [
        { key: { text: 'Started' }, value: { text: long(ctx.assessment.startDate) } },
        { key: { text: 'Referral' }, value: { text: ctx.c.open ? long(ctx.c.open.referralDate) : '' } },
      ],
      factorItems: factorItems(values),
      outcomeItems: assessmentOutcomeItems(values),
    }),
    parse: parseAuthoriseAssessment,
    save: (p, id, aid, cmd, sub) => casework.authoriseAssessment(p, id, aid, cmd, sub),
  });

  // ---------------------------------------------------------------------------------------------
  // Strategy discussion and section 47

  form({
    path: '/children/:id/strategy-discussions/new',
    view: 'casework/views/strategy-discussion.njk',
    heading: 'Record a strategy discussion',
    buttonText: 'Save',
    load: (p, id) => casework.formFor(p, id, 'record-strategy-discussion', 'strategy-discussion'),
    defaults: () => ({ agencies: ['social_care', 'police', 'health'] }),
    page: (_ctx, values, errors) => ({ agencyItems: agencyItems(values, errors) }),
    parse: parseStrategyDiscussion,
    save: (p, id, _s, cmd, sub) => casework.recordStrategyDiscussion(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/s47/new',
    view: 'casework/views/s47-start.njk',
    heading: 'Start a section 47 enquiry',
    buttonText: 'Start the enquiry',
    load: (p, id) => casework.startS47Form(p, id),
    page: (ctx, values) => ({ strategyItems: strategyItems(ctx.awaiting, String(values.strategyDiscussionId ?? '')) }),
    parse: (body) => parseStartS47(body),
    save: (p, id, _s, cmd, sub) => casework.startS47(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/s47/:s47Id/outcome',
    sub: 's47Id',
    view: 'casework/views/s47-outcome.njk',
    heading: 'Record the outcome of the section 47 enquiry',
    buttonText: 'Save the outcome',
    load: (p, id, s47Id) => casework.s47OutcomeForm(p, id, s47Id),
    version: (ctx) => ctx.s47.version,
    page: (ctx, values) => ({
      facts: [{ key: { text: 'Started' }, value: { text: `${long(ctx.s47.startDate)}, at the strategy discussion` } }],
      outcomeItems: s47OutcomeItems(values),
    }),
    parse: parseS47Outcome,
    save: (p, id, s47Id, cmd, sub) => casework.recordS47Outcome(p, id, s47Id, cmd, sub),
  });

  // ---------------------------------------------------------------------------------------------
  // Conferences and core groups

  form({
    path: '/children/:id/conferences/initial/new',
    view: 'casework/views/initial-conference.njk',
    heading: 'Record an initial child protection conference',
    buttonText: 'Save the conference',
    load: (p, id) => casework.initialConferenceForm(p, id),
    page: (ctx, values) => ({
      linkItems: conferenceLinkItems(ctx.c, ctx.needing, String(values.link ?? ''), ctx.due),
      categoryItems: categoryItems(String(values.initialCategory ?? '')),
      openCinPlanText: ctx.openCinPlan ? `The child in need plan that started on ${long(ctx.openCinPlan.startDate)} will end on the date of the conference if the child becomes the subject of a child protection plan: the two plans cannot run together.` : null,
    }),
    parse: parseInitialConference,
    save: (p, id, _s, cmd, sub) => casework.recordInitialConference(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/conferences/review/new',
    view: 'casework/views/review-conference.njk',
    heading: 'Record a review child protection conference',
    buttonText: 'Save the review conference',
    load: (p, id) => casework.reviewConferenceForm(p, id),
    defaults: (ctx) => ({ latestCategory: ctx.plan.latestCategory }),
    version: (ctx) => ctx.plan.version,
    page: (ctx, values) => ({
      facts: planRows(ctx.c, ctx.plan),
      dueHint: dueHint(ctx, ['review-conference'], 'The review conference is due by'),
      categoryItems: categoryItems(String(values.latestCategory ?? '')),
      participationItems: participationItems(String(values.participation ?? '')),
    }),
    parse: parseReviewConference,
    save: (p, id, _s, cmd, sub) => casework.recordReviewConference(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/core-groups/new',
    view: 'casework/views/core-group.njk',
    heading: 'Record a core group',
    buttonText: 'Save',
    load: (p, id) => casework.coreGroupForm(p, id),
    page: (ctx) => ({ facts: planRows(ctx.c, ctx.plan), dueHint: dueHint(ctx, ['first-core-group', 'core-group'], 'The core group is due by') }),
    parse: parseCoreGroup,
    save: (p, id, _s, cmd, sub) => casework.recordCoreGroup(p, id, cmd, sub),
  });

  // ---------------------------------------------------------------------------------------------
  // Visits

  form({
    path: '/children/:id/visits/new',
    view: 'casework/views/visit.njk',
    heading: 'Record a visit',
    buttonText: 'Save the visit',
    load: (p, id) => casework.formFor(p, id, 'record-visit', 'visit'),
    page: (ctx) => ({ dueHint: dueHint(ctx, ['cp-visit', 'cin-visit'], 'The next statutory visit is due by') }),
    parse: parseVisit,
    save: (p, id, _s, cmd, sub) => casework.recordVisit(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/visits/:vid/write-up',
    sub: 'vid',
    view: 'casework/views/visit-write-up.njk',
    heading: 'Write up the visit',
    buttonText: 'Save the write-up',
    load: (p, id, vid) => casework.writeUpForm(p, id, vid),
    defaults: (ctx) => ({ notes: ctx.visit.notes ?? '' }),
    version: (ctx) => ctx.visit.version,
    page: (ctx) => ({
      facts: [
        { key: { text: 'Visit' }, value: { text: long(ctx.visit.visitDate) } },
        { key: { text: 'Child seen' }, value: { text: ctx.visit.childSeen ? (ctx.visit.childSeenAlone ? 'Yes, alone' : 'Yes, not alone') : 'No' } },
        { key: { text: 'Bedroom seen' }, value: { text: ctx.visit.bedroomSeen ? 'Yes' : 'No' } },
      ],
    }),
    parse: (body) => parseVisitWriteUp(body),
    save: (p, id, vid, cmd, sub) => casework.writeUpVisit(p, id, vid, cmd, sub),
  });

  // ---------------------------------------------------------------------------------------------
  // Child in need plan

  form({
    path: '/children/:id/cin-plan/new',
    view: 'casework/views/cin-plan-start.njk',
    heading: 'Start a child in need plan',
    buttonText: 'Start the plan',
    load: (p, id) => casework.cinPlanForm(p, id, 'start-cin-plan'),
    page: (ctx) => {
      const cpEnd = latestOf(ctx.c.cpPlans.flatMap((pl) => (pl.endDate ? [pl.endDate] : [])));
      return { facts: cpEnd ? [{ key: { text: 'Child protection plan' }, value: { text: `Ended on ${long(cpEnd)}` } }] : [] };
    },
    parse: parseCinPlanStart,
    save: (p, id, _s, cmd, sub) => casework.startCinPlan(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/cin-plan/end',
    view: 'casework/views/cin-plan-end.njk',
    heading: 'End the child in need plan',
    buttonText: 'End the plan',
    load: (p, id) => casework.cinPlanForm(p, id, 'end-cin-plan'),
    version: (ctx) => ctx.plan!.version,
    page: (ctx) => ({ facts: [{ key: { text: 'Plan started' }, value: { text: long(ctx.plan!.startDate) } }, { key: { text: 'Reviews' }, value: { text: ctx.reviews.length ? ctx.reviews.map((r) => long(r.reviewDate)).join(', ') : 'None yet' } }] }),
    parse: parseCinPlanEnd,
    save: (p, id, _s, cmd, sub) => casework.endCinPlan(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/cin-plan/reviews/new',
    view: 'casework/views/cin-plan-review.njk',
    heading: 'Record a child in need plan review',
    buttonText: 'Save the review',
    load: (p, id) => casework.cinPlanForm(p, id, 'record-cin-plan-review'),
    page: (ctx) => ({ facts: [{ key: { text: 'Plan started' }, value: { text: long(ctx.plan!.startDate) } }], dueHint: dueHint(ctx, ['cin-plan-review'], 'The review is due by') }),
    parse: parseCinPlanReview,
    save: (p, id, _s, cmd, sub) => casework.recordCinPlanReview(p, id, cmd, sub),
  });

  // ---------------------------------------------------------------------------------------------
  // Closure

  form({
    path: '/children/:id/close',
    view: 'casework/views/close.njk',
    heading: 'Close the child in need episode',
    buttonText: 'Close the episode',
    load: (p, id) => casework.closeForm(p, id),
    version: (ctx) => ctx.c.open!.version,
    page: (ctx, values) => ({
      facts: [{ key: { text: 'Referral' }, value: { text: long(ctx.c.open!.referralDate) } }],
      reasonItems: closureReasonItems(String(values.reason ?? ''), suggestedClosure(ctx.c)),
    }),
    parse: parseCloseEpisode,
    save: (p, id, _s, cmd, sub) => casework.closeEpisode(p, id, cmd, sub),
  });
}

/** "The next statutory visit is due by 4 May 2026 (in 3 working days). For example, 27 4 2026" */
function dueHint(ctx: FormContext, rules: string[], words: string): string {
  const example = dateExample(ctx.today);
  const due = ctx.due.filter((d) => rules.includes(d.rule)).map((d) => d.dueOn).sort(compareDates)[0];
  return due ? `${words} ${formatLongDate(due)} (${describeDueDate(due, ctx.today).words}). ${example}` : example;
}

/** RC8 or RC9 when the episode ended at an assessment that found no further action or early help. */
function suggestedClosure(c: CaseFile): string | null {
  const open = c.open;
  if (!open) return null;
  const inEpisode = <T extends { cinEpisodeId: string }>(rows: T[]) => rows.filter((r) => r.cinEpisodeId === open.id);
  if (inEpisode(c.s47s).length || inEpisode(c.cpPlans).length || inEpisode(c.cinPlans).length || inEpisode(c.icpcs).length) return null;
  const last = inEpisode(c.assessments).filter((a) => a.authorisedDate).at(-1);
  return last?.outcome === 'nfa' ? 'RC8' : last?.outcome === 'early_help' ? 'RC9' : null;
}
