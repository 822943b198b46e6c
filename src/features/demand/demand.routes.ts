import type { FastifyInstance } from 'fastify';
import { monthName } from '../../domain/demand/months.js';
import { actualAndForecastSvg } from '../../web/charts.js';
import { signedIn } from '../../web/request-context.js';
import type { Services } from '../../web/services.js';
import { summarise, tableRows } from './demand.presenter.js';

/** Demand: each flow into the service by month, with its forecast (service managers, analysts). */
export function registerDemandRoutes(app: FastifyInstance, services: Services): void {
  app.get('/demand', async (request, reply) => {
    const { principal } = signedIn(request);
    const { lastMonth, lines } = await services.demand.demand(principal);
    const charts = await Promise.all(
      lines.map(async (line) => {
        const summary = summarise(line);
        const shown = Math.max(0, line.months.length - 24);
        const svg = line.counts.length
          ? await actualAndForecastSvg({
              id: `chart-${line.measure}`,
              title: `${line.label} by month`,
              description: summary,
              yTitle: line.label,
              actual: line.months.slice(shown).map((m, i) => ({ month: m, count: line.counts[shown + i]! })),
              forecast: line.forecast?.months ?? [],
            })
          : null;
        return { id: line.measure, label: line.label, summary, svg, rows: tableRows(line) };
      }),
    );
    return reply.page('demand/views/demand.njk', { pageTitle: 'Demand', lastMonthText: monthName(lastMonth), charts });
  });
}
