import type { FastifyInstance } from 'fastify';
import { type Principal, can } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { ragLabels } from '../../domain/improvement/plan.js';
import { type Clock, datePartsOf, formatLongDate, londonDateOf, reportingYearOf } from '../../domain/time/index.js';
import { actualAndForecastSvg } from '../../web/charts.js';
import { FormReader, errorView } from '../../web/form-reader.js';
import { signedIn } from '../../web/request-context.js';
import type { Services } from '../../web/services.js';
import { urls } from '../../web/urls.js';
import { summarise } from '../demand/demand.presenter.js';
import { describeParts, formatFigure } from '../indicators/indicators.presenter.js';

/** The indicators the pack's summary leads with, in the committee's order. */
const HEADLINE = ['referrals-rate', 're-referrals', 'assessments-45-wd', 'cin-rate', 'icpc-15-wd', 'cp-plans-rate', 'cp-plans-second', 'cp-plans-two-years'];
/** The flows whose charts the pack prints; the rest are summarised in words. */
const CHARTED = ['contacts', 'referrals'];
const ragClass: Record<string, string> = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' };

/**
 * The committee's performance pack for a date: the summary against England, demand and its forecast,
 * the improvement plan (recommendation, what we have done, RAG) and caseloads against the guide, as
 * one A4 document that prints (and saves as PDF) from the browser. Counts only: no child is named.
 */
export function registerCommitteePackRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  app.get('/committee-pack', async (request, reply) => {
    const { principal } = signedIn(request);
    if (!can(principal, 'indicators.view') || !can(principal, 'improvement.manage')) throw new NotFound('page');
    const today = londonDateOf(clock.now());
    const q = request.query as Record<string, string | undefined>;
    const form = new FormReader(q);
    const chosen = q['date-day'] || q['date-month'] || q['date-year'] ? form.date('date', { label: 'Date of the report', notAfter: today, notAfterMessage: 'The date of the report must be today or in the past' }) : today;
    const asOf = chosen ?? today;
    const view = await pack(principal, asOf, today);
    const parts = datePartsOf(asOf);
    return reply.page(
      'committee-pack/views/pack.njk',
      { pageTitle: `Performance report, ${formatLongDate(asOf)}`, ...view, values: { day: q['date-day'] ?? String(parts.day), month: q['date-month'] ?? String(parts.month), year: q['date-year'] ?? String(parts.year) }, ...errorView(form.errors) },
      form.errors.length ? 400 : 200,
    );
  });

  async function pack(principal: Principal, asOf: ReturnType<typeof londonDateOf>, today: ReturnType<typeof londonDateOf>) {
    const year = reportingYearOf(asOf);
    const indicators = await services.indicators.summary(principal, { year, teamId: null, asOf });
    const demand = await services.demand.demand(principal, asOf);
    const plan = await services.improvement.plan(principal);
    const guide = await services.settings.caseloadGuide();
    const teams = await services.committeePack.caseloadsByTeam(today, guide);
    const byId = new Map(indicators.results.map((r) => [r.indicator.id, r]));
    const charts = await Promise.all(
      demand.lines
        .filter((l) => CHARTED.includes(l.measure) && l.counts.length)
        .map(async (l) => {
          const shown = Math.max(0, l.months.length - 24);
          return {
            label: l.label,
            summary: summarise(l),
            svg: await actualAndForecastSvg({ id: `pack-${l.measure}`, title: `${l.label} by month`, description: summarise(l), yTitle: l.label, actual: l.months.slice(shown).map((m, i) => ({ month: m, count: l.counts[shown + i]! })), forecast: l.forecast?.months ?? [] }),
          };
        }),
    );
    return {
      asOfText: formatLongDate(asOf),
      todayText: formatLongDate(today),
      year,
      periodText: `${formatLongDate(indicators.window.from)} to ${formatLongDate(indicators.window.to)}`,
      population: indicators.population.toLocaleString('en-GB'),
      headline: HEADLINE.flatMap((id) => {
        const r = byId.get(id);
        if (!r) return [];
        return [{ title: r.indicator.title, href: urls.indicators.children(id, { year }), figure: formatFigure(r.indicator, r.result.value), parts: describeParts(r.indicator, r.result), england: r.indicator.england ? `${formatFigure(r.indicator, r.indicator.england.value)} (${r.indicator.england.year})` : 'None published', definition: r.indicator.definition }];
      }),
      charts,
      otherDemand: demand.lines.filter((l) => !CHARTED.includes(l.measure)).map(summarise),
      plan: plan.recommendations.map((r) => ({
        text: r.text,
        source: `${r.source}, ${formatLongDate(r.madeOn)}`,
        done: r.actions.map((a) => a.progress).filter((p): p is string => !!p),
        rag: { text: ragLabels[r.rag], classes: ragClass[r.rag] },
      })),
      guide,
      teams: teams.map((t) => ({ name: t.name, workers: t.workers, children: t.children, average: t.workers ? (t.children / t.workers).toFixed(1) : '0', overGuide: t.overGuide })),
      overGuideTotal: teams.reduce((a, t) => a + t.overGuide, 0),
      workersTotal: teams.reduce((a, t) => a + t.workers, 0),
    };
  }
}
