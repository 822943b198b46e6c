import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config/config.js';
import type { Services } from '../../web/services.js';
import { PRE_SESSION_CSRF_COOKIE, SESSION_COOKIE } from '../../web/session-cookie.js';
import { FormReader, errorView } from '../../web/form-reader.js';
import { signedIn } from '../../web/request-context.js';
import { urls } from '../../web/urls.js';

/**
 * Only a path on this site: never send someone off-site after signing in. Printable ASCII without
 * a backslash: a real path arrives percent-encoded, and anything else cannot go in a Location header.
 */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/.test(next) ? next : '/';
}

export function registerAuthRoutes(app: FastifyInstance, services: Services, config: Config): void {
  const secure = config.env === 'production';
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, signed: true };

  function signInPage(reply: FastifyReply, context: Record<string, unknown>, status = 200) {
    const csrf = randomBytes(24).toString('base64url');
    reply.setCookie(PRE_SESSION_CSRF_COOKIE, csrf, { ...cookieOptions, maxAge: 3600 });
    return reply.page('auth/views/sign-in.njk', { pageTitle: 'Sign in', preSessionCsrf: csrf, ...context }, status);
  }

  app.get('/sign-in', { config: { public: true } }, async (request, reply) => {
    if (request.user) return reply.redirect(urls.home());
    const next = safeNext((request.query as Record<string, unknown>).next);
    const signedOut = (request.query as Record<string, unknown>).signedOut === '1';
    return signInPage(reply, { next, values: {}, signedOut });
  });

  app.post('/sign-in', { config: { public: true } }, async (request, reply) => {
    const form = new FormReader(request.body as Record<string, unknown>);
    const username = form.text('username', { required: 'Enter your username', max: 64, label: 'Username' });
    const password = form.raw('password');
    if (!password) form.fail('password', 'Enter your password');
    const next = safeNext(form.raw('next'));
    const values = { username: form.raw('username') };
    if (!form.ok || !username) return signInPage(reply, { next, values, ...errorView(form.errors) }, 400);

    const result = await services.auth.signIn(username, password, request.ip);
    if (!result.ok) {
      const message =
        result.reason === 'throttled'
          ? `Too many failed attempts to sign in. Wait ${result.retryAfterMinutes} minutes, then try again, or ask your administrator to help.`
          : 'Enter a correct username and password';
      const status = result.reason === 'throttled' ? 429 : 400;
      return signInPage(reply, { next, values, ...errorView([{ field: 'username', message }]) }, status);
    }
    // A fresh session id at sign-in: a session fixed before sign-in is never promoted.
    reply.clearCookie(PRE_SESSION_CSRF_COOKIE, { path: '/' });
    reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions);
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const { user } = signedIn(request);
    await services.auth.signOut(user);
    services.signedIn.forget(user.sessionHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(urls.signIn({ signedOut: true }), 303);
  });
}
