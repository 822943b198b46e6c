import type { FastifyInstance } from 'fastify';
import { can, canWorkFrontDoor } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { type Clock, londonDateOf } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import { CHRONOLOGY_PAGE, presentChildPage } from './child-page.presenter.js';
import { isChronologyKind } from './chronology.js';

export { ageOn } from './child-page.presenter.js';

/** How many chronology entries to show: ?show=200 or ?show=all; at least the first page. */
function parseShow(value: unknown): number | 'all' {
  if (value === 'all') return 'all';
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : CHRONOLOGY_PAGE;
  return Math.max(CHRONOLOGY_PAGE, n);
}

export function registerChildrenRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  // '/' (My worktray, everyone's home page) is registered by the worktray feature (case-worktray.routes.ts).

  app.get('/children/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    const id = (request.params as { id: string }).id;
    if (!isUuid(id)) throw new NotFound();
    const query = request.query as Record<string, string | string[] | undefined>;
    const kinds = [...new Set(([] as string[]).concat(query.kind ?? []))].filter(isChronologyKind);
    const rec = await services.children.record(principal, id);
    // The actions come from the record just loaded: one transaction, one access check.
    const recordable = services.casework.actionsOf(principal, rec);
    const now = clock.now();
    const frontDoor = canWorkFrontDoor(principal);
    const view = presentChildPage(rec, {
      today: londonDateOf(now),
      now,
      kinds,
      show: parseShow(query.show),
      allVisits: query.visits === 'all',
      canSeeCost: can(principal, 'placements.see-cost'),
      // A contact's page is a front-door record (it names the referrer): others see the entry here, not a link that answers 404.
      canOpenContacts: frontDoor,
      canRecordContact: frontDoor,
      recordable,
    });
    return reply.page('children/views/child.njk', view);
  });
}
