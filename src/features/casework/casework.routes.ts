import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { signedIn } from '../../web/request-context.js';
import { registerChildInNeedRoutes } from '../child-in-need/child-in-need.routes.js';
import { registerChildProtectionRoutes } from '../child-protection/child-protection.routes.js';
import { registerLookedAfterRoutes } from '../looked-after/looked-after.routes.js';
import { caseworkPage } from './casework.presenter.js';
import { caseworkForms } from './form-route.js';

/**
 * The casework page (what has been recorded, what is due, what can be recorded next) and every
 * area's recording forms, registered on the shared form machinery.
 */
export function registerCaseworkRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  const { casework } = services;
  const forms = caseworkForms(app, services, clock);

  app.get('/children/:id/casework', async (request, reply) => {
    const { principal } = signedIn(request);
    const { personId } = forms.params(request);
    const o = await casework.overview(principal, personId);
    return reply.page('casework/views/casework.njk', { ...caseworkPage(o), backLink: { href: `/children/${personId}`, text: 'Child’s record' } });
  });

  registerChildInNeedRoutes(services, forms);
  registerChildProtectionRoutes(services, forms);
  registerLookedAfterRoutes(services, forms);
}
