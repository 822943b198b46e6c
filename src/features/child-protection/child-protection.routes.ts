/** The child protection area's forms: strategy discussions, section 47 enquiries, conferences, core groups. */
import { agencyItems, categoryItems, conferenceLinkItems, participationItems, planRows, s47OutcomeItems, strategyItems } from './child-protection.presenter.js';
import { parseCoreGroup, parseInitialConference, parseReviewConference, parseS47Outcome, parseStartS47, parseStrategyDiscussion } from './child-protection.schema.js';
import { type CaseworkForms, dueHint, long } from '../casework/form-route.js';
import type { Services } from '../../web/services.js';

export function registerChildProtectionRoutes({ casework }: Services, { form }: CaseworkForms): void {
  // ---------------------------------------------------------------------------------------------
  // Strategy discussion and section 47

  form({
    path: '/children/:id/strategy-discussions/new',
    view: 'child-protection/views/strategy-discussion.njk',
    heading: 'Record a strategy discussion',
    saved: 'Strategy discussion recorded',
    buttonText: 'Save',
    load: (p, id) => casework.formFor(p, id, 'record-strategy-discussion', 'strategy-discussion'),
    defaults: () => ({ agencies: ['social_care', 'police', 'health'] }),
    page: (_ctx, values, errors) => ({ agencyItems: agencyItems(values, errors) }),
    parse: parseStrategyDiscussion,
    save: (p, id, _s, cmd, sub) => casework.recordStrategyDiscussion(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/s47/new',
    view: 'child-protection/views/s47-start.njk',
    heading: 'Start a section 47 enquiry',
    saved: 'Section 47 enquiry started',
    buttonText: 'Start the enquiry',
    load: (p, id) => casework.startS47Form(p, id),
    page: (ctx, values) => ({ strategyItems: strategyItems(ctx.awaiting, String(values.strategyDiscussionId ?? '')) }),
    parse: (body) => parseStartS47(body),
    save: (p, id, _s, cmd, sub) => casework.startS47(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/s47/:s47Id/outcome',
    sub: 's47Id',
    view: 'child-protection/views/s47-outcome.njk',
    heading: 'Record the outcome of the section 47 enquiry',
    saved: 'Section 47 enquiry outcome recorded',
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
    view: 'child-protection/views/initial-conference.njk',
    heading: 'Record an initial child protection conference',
    saved: 'Initial child protection conference recorded',
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
    view: 'child-protection/views/review-conference.njk',
    heading: 'Record a review child protection conference',
    saved: 'Review child protection conference recorded',
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
    view: 'child-protection/views/core-group.njk',
    heading: 'Record a core group',
    saved: 'Core group recorded',
    buttonText: 'Save',
    load: (p, id) => casework.coreGroupForm(p, id),
    page: (ctx) => ({ facts: planRows(ctx.c, ctx.plan), dueHint: dueHint(ctx, ['first-core-group', 'core-group'], 'The core group is due by') }),
    parse: parseCoreGroup,
    save: (p, id, _s, cmd, sub) => casework.recordCoreGroup(p, id, cmd, sub),
  });
}
