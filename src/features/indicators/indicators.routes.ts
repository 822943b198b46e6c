import type { FastifyInstance } from 'fastify';
import { type Clock, type ReportingYear, formatLongDate, isReportingYear, londonDateOf, recentReportingYears, reportingYearOf } from '../../domain/time/index.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import type { Services } from '../../web/services.js';
import { urls } from '../../web/urls.js';
import { describeParts, formatFigure, polarityWords, unitWords } from './indicators.presenter.js';

type Query = { year?: string; team?: string };

/** The indicators by reporting year and team (service managers, analysts), and the children behind each figure. */
export function registerIndicatorRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  const read = (q: Query) => {
    const today = londonDateOf(clock.now());
    const year: ReportingYear = isReportingYear(q.year) ? q.year : reportingYearOf(today);
    const teamId = isUuid(q.team) ? q.team.toLowerCase() : null;
    return { year, teamId, years: recentReportingYears(today, 4) };
  };
  const periodWords = (w: { from: string; to: string; complete: boolean }) =>
    `${formatLongDate(w.from as never)} to ${formatLongDate(w.to as never)}${w.complete ? '' : ' (the year so far)'}`;

  app.get('/indicators', async (request, reply) => {
    const { principal } = signedIn(request);
    const { year, teamId, years } = read(request.query as Query);
    const s = await services.indicators.summary(principal, { year, teamId });
    const rows = s.results.map(({ indicator, result }) => ({
      id: indicator.id,
      title: indicator.title,
      href: urls.indicators.children(indicator.id, { year, team: teamId }),
      figure: formatFigure(indicator, result.value),
      parts: describeParts(indicator, result),
      measure: indicator.measure === 'as-at' ? `At ${formatLongDate(s.window.to)}` : 'In the period',
      england: indicator.england ? `${formatFigure(indicator, indicator.england.value)} (${indicator.england.year})` : 'None published',
      polarity: polarityWords[indicator.polarity],
    }));
    return reply.page('indicators/views/summary.njk', {
      pageTitle: 'Indicators',
      year,
      periodText: periodWords(s.window),
      team: s.team,
      population: s.population.toLocaleString('en-GB'),
      rows,
      yearItems: years.map((y) => ({ value: y, text: y, selected: y === year })),
      teamItems: [{ value: '', text: 'The whole authority' }, ...s.teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId }))],
    });
  });

  app.get('/indicators/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    const { year, teamId } = read(request.query as Query);
    const id = (request.params as { id: string }).id;
    const r = await services.indicators.childrenBehind(principal, id, { year, teamId });
    return reply.page('indicators/views/children.njk', {
      pageTitle: r.indicator.title,
      indicator: r.indicator,
      figure: formatFigure(r.indicator, r.result.value),
      parts: describeParts(r.indicator, r.result),
      periodText: periodWords(r.window),
      asAt: formatLongDate(r.window.to),
      team: r.team,
      unit: unitWords[r.indicator.unit],
      polarity: polarityWords[r.indicator.polarity],
      england: r.indicator.england,
      englandFigure: r.indicator.england ? formatFigure(r.indicator, r.indicator.england.value) : null,
      maySeeChildren: r.maySeeChildren,
      children: r.children.map((c) => ({ href: urls.child(c.id), name: `${c.given_name} ${c.family_name}`, laChildId: c.la_child_id, dateOfBirth: c.dateOfBirth ? formatLongDate(c.dateOfBirth) : 'Not known' })),
      backLink: { href: urls.indicators.summary({ year, team: teamId }), text: 'Back to the indicators' },
    });
  });
}
