/** The looked-after area's forms, at the addresses in urls.lookedAfter (src/web/urls.ts). */
import { legalStatuses, missingTypes, placementTypes } from '../../domain/codes/index.js';
import { formatLondonDateTime } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { yesNoValue } from '../casework/casework.presenter.js';
import { type CaseworkForms, long } from '../casework/form-route.js';
import {
  categoryOfNeedItems,
  codeText,
  healthKindItems,
  legalStatusItems,
  missingTypeItems,
  participationItems,
  permanencePlanItems,
  placedWithItems,
  placementChangeReasonItems,
  placementTypeItems,
  sdqReasonItems,
} from './looked-after.presenter.js';
import { parseCarePlan, parseClaVisit, parsePlacementPlan, parseHealth, parseLegalStatus, parseMissing, parsePep, parsePlacement, parseReturn, parseReturnInterview, parseReview, parseStart } from './looked-after.schema.js';

const fact = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

export function registerLookedAfterRoutes(services: Services, forms: CaseworkForms): void {
  const { casework } = services;
  const { form } = forms;
  registerCarePlanRoute(services, forms);
  form({
    path: '/children/:id/looked-after/start',
    view: 'looked-after/views/start.njk',
    heading: 'The child becomes looked after',
    buttonText: 'Save',
    load: (p, id) => casework.startForm(p, id),
    page: (ctx, values) => ({
      facts: ctx.c.open ? [fact('Child in need episode', `Referral on ${long(ctx.c.open.referralDate)}`)] : [fact('Child in need episode', 'None open: the child comes into care directly')],
      legalStatusItems: legalStatusItems(ctx.today, values),
      categoryItems: categoryOfNeedItems(ctx.today, values),
      placementTypeItems: placementTypeItems(ctx.today, values),
      placedWithItems: placedWithItems(ctx.options, values),
    }),
    parse: parseStart,
    save: (p, id, _s, cmd, sub) => casework.becomeLookedAfter(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/looked-after/legal-status/new',
    view: 'looked-after/views/legal-status.njk',
    heading: 'Change the legal status',
    buttonText: 'Save the legal status',
    load: (p, id) => casework.legalStatusForm(p, id),
    version: (ctx) => ctx.period.version,
    page: (ctx, values) => ({
      facts: [fact('Looked after since', long(ctx.period.startDate)), fact('Legal status now', ctx.current ? `${codeText(legalStatuses, ctx.current.code)}, from ${long(ctx.current.startDate)}` : 'None recorded')],
      legalStatusItems: legalStatusItems(ctx.today, values, ctx.current?.code),
    }),
    parse: parseLegalStatus,
    save: (p, id, _s, cmd, sub) => casework.changeLegalStatus(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/looked-after/placements/new',
    view: 'looked-after/views/placement.njk',
    heading: 'Change the placement',
    buttonText: 'Save the placement',
    load: (p, id) => casework.placementForm(p, id),
    version: (ctx) => ctx.period.version,
    page: (ctx, values) => ({
      facts: [fact('Looked after since', long(ctx.period.startDate)), fact('Placement now', ctx.current ? `${codeText(placementTypes, ctx.current.placementType)}, from ${long(ctx.current.startDate)}` : 'None recorded')],
      reasonItems: placementChangeReasonItems(ctx.today, values),
      placementTypeItems: placementTypeItems(ctx.today, values),
      placedWithItems: placedWithItems(ctx.options, values),
    }),
    parse: parsePlacement,
    save: (p, id, _s, cmd, sub) => casework.changePlacement(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/looked-after/reviews/new',
    view: 'looked-after/views/review.njk',
    heading: 'Record a looked after review',
    buttonText: 'Save the review',
    load: (p, id) => casework.reviewForm(p, id),
    page: (ctx, values) => ({ facts: [fact('Looked after since', long(ctx.period.startDate))], participationItems: participationItems(ctx.today, values) }),
    parse: parseReview,
    save: (p, id, _s, cmd, sub) => casework.recordReview(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/missing/new',
    view: 'looked-after/views/missing.njk',
    heading: 'Record that the child is missing or away',
    buttonText: 'Save',
    load: (p, id) => casework.missingForm(p, id),
    page: (_ctx, values) => ({ missingTypeItems: missingTypeItems(values) }),
    parse: parseMissing,
    save: (p, id, _s, cmd, sub) => casework.recordMissing(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/missing/:mid/return',
    sub: 'mid',
    view: 'looked-after/views/missing-return.njk',
    heading: 'Missing episode: the return and the strategy meeting',
    buttonText: 'Save',
    load: (p, id, mid) => casework.returnForm(p, id, mid),
    version: (ctx) => ctx.episode.version,
    page: (ctx) => ({ facts: missingFacts(ctx.episode), returned: ctx.episode.endDate !== null, meetingHeld: ctx.episode.strategyMeetingDate !== null }),
    parse: parseReturn,
    save: (p, id, mid, cmd, sub) => casework.recordReturn(p, id, mid, cmd, sub),
  });

  form({
    path: '/children/:id/missing/:mid/return-interview',
    sub: 'mid',
    view: 'looked-after/views/return-interview.njk',
    heading: 'Record the return home interview',
    buttonText: 'Save',
    load: (p, id, mid) => casework.returnInterviewForm(p, id, mid),
    defaults: (ctx) => ({ offered: yesNoValue(ctx.episode.rhiOffered), accepted: yesNoValue(ctx.episode.rhiAccepted), by: ctx.episode.rhiBy ?? '' }),
    version: (ctx) => ctx.episode.version,
    page: (ctx) => ({ facts: missingFacts(ctx.episode) }),
    parse: parseReturnInterview,
    save: (p, id, mid, cmd, sub) => casework.recordReturnInterview(p, id, mid, cmd, sub),
  });

  form({
    path: '/children/:id/looked-after/visits/new',
    view: 'looked-after/views/visit.njk',
    heading: 'Record a visit to a looked after child',
    buttonText: 'Save the visit',
    load: (p, id) => casework.periodForm(p, id, 'record-cla-visit'),
    page: (ctx) => ({ facts: [fact('Looked after since', long(ctx.period.startDate))] }),
    parse: parseClaVisit,
    save: (p, id, _s, cmd, sub) => casework.recordClaVisit(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/looked-after/health/new',
    view: 'looked-after/views/health.njk',
    heading: 'Record health',
    buttonText: 'Save',
    load: (p, id) => casework.periodForm(p, id, 'record-health'),
    page: (ctx, values) => ({ kindItems: healthKindItems(values), sdqReasonItems: sdqReasonItems(ctx.today, values) }),
    parse: parseHealth,
    save: (p, id, _s, cmd, sub) => casework.recordHealth(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/looked-after/peps/new',
    view: 'looked-after/views/pep.njk',
    heading: 'Record a personal education plan (PEP) meeting',
    buttonText: 'Save the PEP',
    load: (p, id) => casework.periodForm(p, id, 'record-pep'),
    page: (ctx) => ({ facts: [fact('Looked after since', long(ctx.period.startDate))] }),
    parse: parsePep,
    save: (p, id, _s, cmd, sub) => casework.recordPep(p, id, cmd, sub),
  });
}

export function registerCarePlanRoute({ casework }: Services, { form }: CaseworkForms): void {
  form({
    path: '/children/:id/looked-after/care-plan/new',
    view: 'looked-after/views/care-plan.njk',
    heading: 'Record the care plan',
    buttonText: 'Save the care plan',
    load: (p, id) => casework.periodForm(p, id, 'record-care-plan'),
    page: (ctx, values) => ({ facts: [fact('Looked after since', long(ctx.period.startDate))], planItems: permanencePlanItems(values) }),
    parse: parseCarePlan,
    save: (p, id, _s, cmd, sub) => casework.recordCarePlan(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/looked-after/placement-plan/new',
    view: 'looked-after/views/placement-plan.njk',
    heading: 'Record the placement plan',
    buttonText: 'Save',
    load: (p, id) => casework.placementPlanForm(p, id),
    version: (ctx) => ctx.placement.version,
    page: (ctx) => ({
      facts: [
        fact('Placement', `${codeText(placementTypes, ctx.placement.placementType)}, from ${long(ctx.placement.startDate)}`),
        ...(ctx.placement.placementPlanDate ? [fact('Placement plan agreed', long(ctx.placement.placementPlanDate))] : []),
      ],
    }),
    parse: parsePlacementPlan,
    save: (p, id, _s, cmd, sub) => casework.recordPlacementPlan(p, id, cmd, sub),
  });
}

function missingFacts(m: { missingType: string; startDate: string; startedAt: Date | null; endDate: string | null; returnedAt: Date | null; strategyMeetingDate: string | null }) {
  return [
    fact(missingTypes.label(m.missingType), m.startedAt ? formatLondonDateTime(m.startedAt) : long(m.startDate)),
    ...(m.endDate ? [fact('Returned', m.returnedAt ? formatLondonDateTime(m.returnedAt) : long(m.endDate))] : []),
    ...(m.strategyMeetingDate ? [fact('Strategy meeting', long(m.strategyMeetingDate))] : []),
  ];
}
