import type { Principal } from '../domain/access/index.js';
import type { SessionUser } from '../features/auth/auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    principal: Principal | null;
  }
  interface FastifyReply {
    /** Render a page with the layout's context (user, navigation, CSRF token, CSP nonce). */
    page(template: string, context?: Record<string, unknown>, status?: number): FastifyReply;
    /** After a successful POST: redirect (303) to `path`, where a success banner says `message` (saved-banner.ts). */
    saved(path: string, message: string): FastifyReply;
  }
  interface FastifyInstance {
    /** Requests whose handlers have not yet produced a response. */
    inFlight(): number;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** The signed-in user and their principal: every non-public route has both. */
export function signedIn(request: { user: SessionUser | null; principal: Principal | null }): { user: SessionUser; principal: Principal } {
  if (!request.user || !request.principal) throw new Error('route reached without a signed-in user');
  return { user: request.user, principal: request.principal };
}
