import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, NotFound, ValidationFailed } from '../../domain/errors.js';
import { INDICATORS } from '../../domain/indicators/index.js';
import { ACTION_STATUSES, RAGS, RECOMMENDATION_SOURCES, ragLabels, statusLabels } from '../../domain/improvement/plan.js';
import { type Clock, formatLongDate, londonDateOf } from '../../domain/time/index.js';
import { FormReader, errorView } from '../../web/form-reader.js';
import { newFormToken, readFormToken, readVersion, submissionOf } from '../../web/form-tokens.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import type { Services } from '../../web/services.js';
import { urls } from '../../web/urls.js';

type Body = Record<string, unknown>;
type Values = Record<string, string>;

const ragTag: Record<string, string> = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' };
const idParam = (request: FastifyRequest, what: string) => {
  const id = (request.params as { id: string }).id;
  if (!isUuid(id)) throw new NotFound(what);
  return id.toLowerCase();
};

/** The improvement plan: recommendations, their actions, and each action's progress (service managers, analysts). */
export function registerImprovementRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  const { improvement } = services;

  app.get('/improvement', async (request, reply) => {
    const { principal } = signedIn(request);
    const q = request.query as { saved?: string };
    const plan = await improvement.plan(principal);
    const all = plan.recommendations.flatMap((r) => r.actions);
    return reply.page('improvement/views/plan.njk', {
      pageTitle: 'Improvement plan',
      saved: isUuid(q.saved),
      todayText: formatLongDate(plan.today),
      counts: { recommendations: plan.recommendations.length, actions: all.length, done: all.filter((a) => a.status === 'done').length, overdue: all.filter((a) => a.overdue).length },
      recommendations: plan.recommendations.map((r) => ({
        id: r.id,
        source: r.source,
        madeOnText: formatLongDate(r.madeOn),
        text: r.text,
        rag: { text: ragLabels[r.rag], classes: ragTag[r.rag] },
        newActionHref: urls.improvement.newAction(r.id),
        actions: r.actions.map((a) => ({
          href: urls.improvement.action(a.id),
          action: a.action,
          owner: a.ownerName,
          dueText: formatLongDate(a.dueOn),
          overdue: a.overdue,
          status: statusLabels[a.status],
          rag: { text: ragLabels[a.rag], classes: ragTag[a.rag] },
          progress: a.progress,
        })),
      })),
    });
  });

  async function renderRecommendationForm(reply: FastifyReply, values: Values, errors: FieldError[], status = 200) {
    return reply.page('improvement/views/recommendation-form.njk', {
      pageTitle: 'Add a recommendation',
      action: urls.improvement.recommendations(),
      formToken: values.formToken || newFormToken(),
      values,
      sourceItems: [{ value: '', text: 'Choose where it came from' }, ...RECOMMENDATION_SOURCES.map((s) => ({ value: s, text: s, selected: values.source === s }))],
      backLink: { href: urls.improvement.plan(), text: 'Improvement plan' },
      ...errorView(errors),
    }, status);
  }

  app.get('/improvement/recommendations/new', async (request, reply) => {
    const { principal } = signedIn(request);
    await improvement.plan(principal); // the keeper's check, before any form is shown
    return renderRecommendationForm(reply, {}, []);
  });

  app.post('/improvement/recommendations', async (request, reply) => {
    const { principal } = signedIn(request);
    const body = request.body as Body;
    const form = new FormReader(body);
    const token = readFormToken(form);
    const source = form.choice('source', RECOMMENDATION_SOURCES, 'Choose where the recommendation came from');
    const madeOn = form.date('madeOn', { label: 'Date it was made', notAfter: londonDateOf(clock.now()), notAfterMessage: 'The date it was made must be today or in the past' });
    const text = form.text('text', { required: 'Enter the recommendation', max: 2000, label: 'The recommendation' });
    if (!form.ok || !token || !source || !madeOn || !text) return renderRecommendationForm(reply, stringValues(body), form.errors, 400);
    const done = await improvement.addRecommendation(principal, { source, madeOn, text }, submissionOf(principal, token));
    return reply.redirect(done.path, 303);
  });

  async function renderActionForm(reply: FastifyReply, recommendationId: string, values: Values, errors: FieldError[], status = 200, principal = null as null | Parameters<typeof improvement.recommendation>[0]) {
    const rec = principal ? await improvement.recommendation(principal, recommendationId) : null;
    return reply.page('improvement/views/action-form.njk', {
      pageTitle: 'Add an action',
      recommendation: rec ? { text: rec.text, source: rec.source, madeOnText: formatLongDate(rec.madeOn) } : null,
      action: urls.improvement.actions(recommendationId),
      formToken: values.formToken || newFormToken(),
      values,
      indicatorItems: [{ value: '', text: 'None' }, ...INDICATORS.map((i) => ({ value: i.id, text: i.title, selected: values.indicatorId === i.id }))],
      backLink: { href: urls.improvement.plan({}, `recommendation-${recommendationId}`), text: 'Improvement plan' },
      ...errorView(errors),
    }, status);
  }

  app.get('/improvement/recommendations/:id/actions/new', async (request, reply) => {
    const { principal } = signedIn(request);
    return renderActionForm(reply, idParam(request, 'recommendation'), {}, [], 200, principal);
  });

  app.post('/improvement/recommendations/:id/actions', async (request, reply) => {
    const { principal } = signedIn(request);
    const id = idParam(request, 'recommendation');
    const body = request.body as Body;
    const form = new FormReader(body);
    const token = readFormToken(form);
    const action = form.text('action', { required: 'Enter what will be done', max: 2000, label: 'The action' });
    const ownerName = form.text('ownerName', { required: 'Enter who owns the action', max: 200, label: 'The owner' });
    const dueOn = form.date('dueOn', { label: 'Due date' });
    const indicator = form.raw('indicatorId');
    if (indicator && !INDICATORS.some((i) => i.id === indicator)) form.fail('indicatorId', 'Choose an indicator from the list, or none');
    if (!form.ok || !token || !action || !ownerName || !dueOn) return renderActionForm(reply, id, stringValues(body), form.errors, 400, principal);
    const done = await improvement.addAction(principal, id, { action, ownerName, dueOn, indicatorId: indicator || null }, submissionOf(principal, token));
    return reply.redirect(done.path, 303);
  });

  async function renderAction(reply: FastifyReply, principal: Parameters<typeof improvement.action>[0], id: string, values: Values | null, errors: FieldError[], status = 200) {
    const a = await improvement.action(principal, id);
    const v = values ?? { status: a.action.status, rag: a.action.rag, progress: a.action.progress ?? '' };
    return reply.page('improvement/views/action.njk', {
      pageTitle: 'Update an action',
      recommendation: { text: a.recommendation.text, source: a.recommendation.source, madeOnText: formatLongDate(a.recommendation.madeOn) },
      a: { ...a.action, dueText: formatLongDate(a.action.dueOn), indicator: INDICATORS.find((i) => i.id === a.action.indicatorId) ?? null },
      indicatorHref: a.action.indicatorId ? urls.indicators.children(a.action.indicatorId) : null,
      values: v,
      version: values?.version ?? a.action.version,
      statusItems: ACTION_STATUSES.map((s) => ({ value: s, text: statusLabels[s], checked: v.status === s })),
      ragItems: RAGS.map((r) => ({ value: r, text: ragLabels[r], checked: v.rag === r })),
      history: a.history.map((h) => ({ when: formatLongDate(h.update.updatedOn), by: h.by ?? 'Unknown', status: statusLabels[h.update.status as keyof typeof statusLabels] ?? h.update.status, rag: { text: ragLabels[h.update.rag as keyof typeof ragLabels] ?? h.update.rag, classes: ragTag[h.update.rag] }, progress: h.update.progress })),
      action: urls.improvement.action(id),
      backLink: { href: urls.improvement.plan({}, `recommendation-${a.recommendation.id}`), text: 'Improvement plan' },
      ...errorView(errors),
    }, status);
  }

  app.get('/improvement/actions/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    return renderAction(reply, principal, idParam(request, 'action'), null, []);
  });

  app.post('/improvement/actions/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    const id = idParam(request, 'action');
    const body = request.body as Body;
    const form = new FormReader(body);
    const version = readVersion(form);
    const status = form.choice('status', ACTION_STATUSES, 'Choose the action’s status');
    const rag = form.choice('rag', RAGS, 'Choose red, amber or green');
    const progress = form.text('progress', { max: 4000, label: 'What has been done' });
    if (status === 'done' && !progress) form.fail('progress', 'Say what has been done, as the evidence that the action is complete');
    if (!form.ok || !status || !rag) return renderAction(reply, principal, id, stringValues(body), form.errors, 400);
    try {
      return reply.redirect(await improvement.updateAction(principal, id, { status, rag, progress, version }), 303);
    } catch (error) {
      if (error instanceof ValidationFailed) return renderAction(reply, principal, id, stringValues(body), error.errors, 400);
      throw error;
    }
  });

}

/** The form as sent, for re-rendering it with its errors. */
function stringValues(body: Body): Values {
  return Object.fromEntries(Object.entries(body ?? {}).filter(([, v]) => typeof v === 'string')) as Values;
}
