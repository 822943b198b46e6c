import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import { type Clock, londonDateOf } from '../../domain/time/index.js';
import { errorView } from '../../web/form-reader.js';
import { signedIn } from '../../web/request-context.js';
import { resultRows } from './search.presenter.js';
import { parseSearch } from './search.schema.js';
import { RESULTS_SHOWN, type SearchService } from './search.service.js';

const PAGE = 'search/views/search.njk';

/**
 * "Find a child". The form posts (never GET with a query string): what is searched for may be an
 * NHS number or a UPN, and identifiers stay out of URLs, logs and browser history (security.md §2.2).
 */
export function registerSearchRoutes(app: FastifyInstance, services: { search: SearchService }, clock: Clock): void {
  const { search } = services;

  app.get('/search', async (request, reply) => {
    const { principal } = signedIn(request);
    if (!search.canSearch(principal)) throw new NotFound('page');
    return reply.page(PAGE, { pageTitle: 'Find a child', values: {}, errors: {}, searched: false });
  });

  app.post('/search', async (request, reply) => {
    const { principal } = signedIn(request);
    if (!search.canSearch(principal)) throw new NotFound('page');
    const parsed = parseSearch((request.body ?? {}) as Record<string, unknown>);
    if (!parsed.criteria) {
      return reply.page(PAGE, { pageTitle: 'Find a child', values: parsed.values, searched: false, ...errorView(parsed.errors) }, 400);
    }
    const { children, standings, more } = await search.find(principal, parsed.criteria);
    const count = children.length;
    return reply.page(PAGE, {
      pageTitle: count ? 'Find a child: results' : 'Find a child: no children found',
      values: parsed.values,
      errors: {},
      searched: true,
      count,
      more,
      shown: RESULTS_SHOWN,
      rows: resultRows(children, londonDateOf(clock.now()), standings),
    });
  });
}
