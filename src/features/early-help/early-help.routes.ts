/** Early help's forms (docs/early-help.md): allocation, reviews, step up, closure. */
import { CLOSING_OUTCOMES, earlyHelpOutcomes, earlyHelpReviewOutcomes, earlyHelpServices } from '../../domain/early-help/codes.js';
import { RULE_EARLY_HELP_REVIEW } from '../../domain/obligations/index.js';
import type { Services } from '../../web/services.js';
import { type CaseworkForms, type Values, dueHint, long } from '../casework/form-route.js';
import { parseAllocateEarlyHelp, parseCloseEarlyHelp, parseEarlyHelpReview, parseStepUp } from './early-help.schema.js';

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? '') : (v ?? ''));
const radios = (codes: readonly { code: string; label: string }[], chosen: string) => codes.map((c) => ({ value: c.code, text: c.label, checked: chosen === c.code }));

export function registerEarlyHelpRoutes({ casework }: Services, { form }: CaseworkForms): void {
  const started = (e: { startDate: string; service: string | null }) => [
    { key: { text: 'Early help started' }, value: { text: long(e.startDate) } },
    ...(e.service ? [{ key: { text: 'Service' }, value: { text: earlyHelpServices.label(e.service) } }] : []),
  ];

  form({
    path: '/children/:id/early-help/allocate',
    view: 'early-help/views/allocate.njk',
    heading: 'Allocate early help',
    buttonText: 'Allocate',
    load: (p, id) => casework.allocateForm(p, id),
    defaults: (ctx) => ({ teamId: ctx.episode.teamId ?? '', workerId: ctx.episode.workerId ?? '', service: ctx.episode.service ?? '' }),
    version: (ctx) => ctx.episode.version,
    page: (ctx, values: Values) => ({
      facts: started(ctx.episode),
      teamItems: [{ value: '', text: 'Choose a team' }, ...ctx.teams.map((t) => ({ value: t.id, text: t.name, selected: str(values.teamId) === t.id }))],
      workerItems: [{ value: '', text: 'Choose a practitioner' }, ...ctx.practitioners.map((w) => ({ value: w.id, text: `${w.name}${w.teamId ? ` (${ctx.teams.find((t) => t.id === w.teamId)?.name ?? 'another team'})` : ''}`, selected: str(values.workerId) === w.id }))],
      serviceItems: radios(earlyHelpServices.codes, str(values.service)),
    }),
    parse: (body) => parseAllocateEarlyHelp(body),
    save: (p, id, _s, cmd, sub) => casework.allocateEarlyHelp(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/early-help/reviews/new',
    view: 'early-help/views/review.njk',
    heading: 'Record an early help review',
    buttonText: 'Save the review',
    load: (p, id) => casework.earlyHelpReviewForm(p, id),
    page: (ctx, values: Values) => ({
      facts: [...started(ctx.episode), { key: { text: 'Reviews' }, value: { text: ctx.reviews.length ? ctx.reviews.map((r) => long(r.reviewDate)).join(', ') : 'None yet' } }],
      dueHint: dueHint(ctx, [RULE_EARLY_HELP_REVIEW], 'The review is due by'),
      outcomeItems: radios(earlyHelpReviewOutcomes.codes, str(values.outcome)),
    }),
    parse: parseEarlyHelpReview,
    save: (p, id, _s, cmd, sub) => casework.recordEarlyHelpReview(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/early-help/step-up',
    view: 'early-help/views/step-up.njk',
    heading: 'Step up to children’s social care',
    buttonText: 'Step up to the front door',
    load: (p, id) => casework.stepUpForm(p, id),
    version: (ctx) => ctx.episode.version,
    page: (ctx) => ({ facts: started(ctx.episode) }),
    parse: parseStepUp,
    save: (p, id, _s, cmd, sub) => casework.stepUp(p, id, cmd, sub),
  });

  form({
    path: '/children/:id/early-help/close',
    view: 'early-help/views/close.njk',
    heading: 'Close early help',
    buttonText: 'Close early help',
    load: (p, id) => casework.closeEarlyHelpForm(p, id),
    version: (ctx) => ctx.episode.version,
    page: (ctx, values: Values) => ({
      facts: started(ctx.episode),
      outcomeItems: radios(earlyHelpOutcomes.codes.filter((c) => CLOSING_OUTCOMES.includes(c.code)), str(values.outcome)),
    }),
    parse: parseCloseEarlyHelp,
    save: (p, id, _s, cmd, sub) => casework.closeEarlyHelp(p, id, cmd, sub),
  });
}
