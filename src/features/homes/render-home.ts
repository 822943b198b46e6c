import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Home } from '../../web/home.js';
import type { Services } from '../../web/services.js';
import { urls } from '../../web/urls.js';
import { renderAdminHome } from '../admin/admin-home.js';
import { renderAnalystHome } from './analyst-home.js';
import { renderCommissionerHome } from './commissioner-home.js';
import { renderIroHome } from './iro-home.js';
import { renderServiceManagerHome } from './service-manager-home.js';

/** Renders the home `homeFor` chose for a user with no worktray of their own. */
export async function renderHome(home: Exclude<Home, 'worktray'>, request: FastifyRequest, reply: FastifyReply, services: Services) {
  switch (home) {
    case 'front-door':
      return reply.redirect(urls.frontDoor());
    case 'administration':
      return renderAdminHome(request, reply, services);
    case 'service-manager':
      return renderServiceManagerHome(request, reply, services);
    case 'iro':
      return renderIroHome(request, reply, services);
    case 'analyst':
      return renderAnalystHome(request, reply, services);
    case 'commissioner':
      return renderCommissionerHome(request, reply, services);
  }
}
