/** The child in need area's forms: the assessment, visits and their write-ups, the child in need plan, closure. */
import type { CaseFile } from '../casework/case-file.js';
import { yesNoValue } from '../casework/casework.presenter.js';
import { assessmentOutcomeItems, closureReasonItems, factorItems } from './child-in-need.presenter.js';
import { parseAuthoriseAssessment, parseCinPlanEnd, parseCinPlanReview, parseCinPlanStart, parseCloseEpisode, parseStartAssessment, parseVisit, parseVisitWriteUp } from './child-in-need.schema.js';
import { type CaseworkForms, dueHint, long } from '../casework/form-route.js';
import { type PlainDate, compareDates } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';

export function registerChildInNeedRoutes({ casework }: Services, { form }: CaseworkForms): void {
  const latestOf = (ds: string[]) => [...ds].sort((a, b) => compareDates(a as PlainDate, b as PlainDate)).at(-1) ?? null;

  // ---------------------------------------------------------------------------------------------
  // Assessment

  form({
    path: '/children/:id/assessments/new',
    view: 'child-in-need/views/assessment-start.njk',
    heading: 'Record the start of an assessment',
    saved: 'Assessment start recorded',
    buttonText: 'Save',
    load: (p, id) => casework.formFor(p, id, 'record-assessment', 'start-assessment'),
    page: (ctx) => ({ facts: ctx.c.open ? [{ key: { text: 'Referral' }, value: { text: long(ctx.c.open.referralDate) } }] : [] }),
    parse: parseStartAssessment,
    save: (p, id, _s, cmd, sub) => casework.startAssessment(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/assessments/:aid/authorise',
    sub: 'aid',
    view: 'child-in-need/views/assessment-authorise.njk',
    heading: 'Authorise the assessment',
    saved: 'Assessment authorised',
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
  // Visits

  form({
    path: '/children/:id/visits/new',
    view: 'child-in-need/views/visit.njk',
    heading: 'Record a visit',
    saved: 'Visit recorded',
    buttonText: 'Save the visit',
    load: (p, id) => casework.formFor(p, id, 'record-visit', 'visit'),
    page: (ctx) => ({ dueHint: dueHint(ctx, ['cp-visit', 'cin-visit'], 'The next statutory visit is due by') }),
    parse: parseVisit,
    save: (p, id, _s, cmd, sub) => casework.recordVisit(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/visits/:vid/write-up',
    sub: 'vid',
    view: 'child-in-need/views/visit-write-up.njk',
    heading: 'Write up the visit',
    saved: 'Visit write-up saved',
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
    view: 'child-in-need/views/cin-plan-start.njk',
    heading: 'Start a child in need plan',
    saved: 'Child in need plan started',
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
    view: 'child-in-need/views/cin-plan-end.njk',
    heading: 'End the child in need plan',
    saved: 'Child in need plan ended',
    buttonText: 'End the plan',
    load: (p, id) => casework.cinPlanForm(p, id, 'end-cin-plan'),
    version: (ctx) => ctx.plan!.version,
    page: (ctx) => ({ facts: [{ key: { text: 'Plan started' }, value: { text: long(ctx.plan!.startDate) } }, { key: { text: 'Reviews' }, value: { text: ctx.reviews.length ? ctx.reviews.map((r) => long(r.reviewDate)).join(', ') : 'None yet' } }] }),
    parse: parseCinPlanEnd,
    save: (p, id, _s, cmd, sub) => casework.endCinPlan(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/cin-plan/reviews/new',
    view: 'child-in-need/views/cin-plan-review.njk',
    heading: 'Record a child in need plan review',
    saved: 'Child in need plan review recorded',
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
    view: 'child-in-need/views/close.njk',
    heading: 'Close the child in need episode',
    saved: 'Child in need episode closed',
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

/** RC8 or RC9 when the episode ended at an assessment that found no further action or early help. */
function suggestedClosure(c: CaseFile): string | null {
  const open = c.open;
  if (!open) return null;
  const inEpisode = <T extends { cinEpisodeId: string }>(rows: T[]) => rows.filter((r) => r.cinEpisodeId === open.id);
  if (inEpisode(c.s47s).length || inEpisode(c.cpPlans).length || inEpisode(c.cinPlans).length || inEpisode(c.icpcs).length) return null;
  const last = inEpisode(c.assessments).filter((a) => a.authorisedDate).at(-1);
  return last?.outcome === 'nfa' ? 'RC8' : last?.outcome === 'early_help' ? 'RC9' : null;
}
