import type { FastifyRequest } from 'fastify';
import { type Principal, can } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { signedIn } from '../../web/request-context.js';
import type { Actor } from '../users/users.service.js';

/**
 * The signed-in administrator, or a 404 for anyone else (as the settings pages answer: the
 * administration pages are not there for other roles), with the actor their changes are audited as.
 */
export function administrator(request: FastifyRequest): { principal: Principal; by: Actor } {
  const { principal } = signedIn(request);
  if (!can(principal, 'settings.administer')) throw new NotFound('page');
  return { principal, by: { userId: principal.userId, via: 'web' } };
}
