import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES, roleLabels } from '../../domain/access/index.js';
import type { Services } from '../../web/services.js';
import { recentRows } from './admin.presenter.js';
import { administrator } from './administrator.js';

/**
 * The administrator's home: it answers "users and teams" — who can use the service by role, the
 * teams, who is locked out or has never signed in, and the latest changes. `/` shows it to an
 * administrator with no casework role; `/admin` to every administrator.
 */
export async function renderAdminHome(request: FastifyRequest, reply: FastifyReply, services: Services) {
  administrator(request);
  const s = await services.users.summary();
  return reply.page('admin/views/home.njk', {
    pageTitle: 'Users and teams',
    s,
    roleRows: ROLES.map((r) => [{ text: roleLabels[r] }, { text: String(s.byRole.get(r) ?? 0), format: 'numeric' }]),
    locked: s.locked,
    neverSignedIn: s.neverSignedIn.slice(0, 20),
    moreNever: Math.max(0, s.neverSignedIn.length - 20),
    recentRows: recentRows(s.recent, s.names),
  });
}

export function registerAdminHomeRoute(app: FastifyInstance, services: Services): void {
  app.get('/admin', async (request, reply) => renderAdminHome(request, reply, services));
}
