import type { FastifyReply, FastifyRequest } from 'fastify';
import { placementTypes } from '../../domain/codes/placement-type.js';
import { formatLongDate } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { signedIn } from '../../web/request-context.js';

/**
 * The placements commissioner's home: how many children are looked after today and their current
 * placements by type (SSDA903 PLACE). The placement pages themselves come with a later issue.
 */
export async function renderCommissionerHome(request: FastifyRequest, reply: FastifyReply, services: Services) {
  const { principal } = signedIn(request);
  const o = await services.homes.commissioner();
  return reply.page('homes/views/commissioner.njk', {
    pageTitle: 'Children looked after and placements',
    today: formatLongDate(o.today),
    lookedAfter: o.lookedAfter,
    unplaced: o.lookedAfter - o.placed,
    rows: o.byType.map((t) => [{ text: `${placementTypes.label(t.code)} (${t.code})` }, { text: String(t.children), format: 'numeric' }]),
    canSearch: services.search.canSearch(principal),
  });
}
