import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import qs from 'node:querystring';
import { AccessDenied, Conflict, NotFound, NotPermitted, ValidationFailed } from '../domain/errors.js';
import { registerAuthRoutes } from '../features/auth/auth.routes.js';
import { registerCaseworkRoutes } from '../features/casework/casework.routes.js';
import { registerChildrenRoutes } from '../features/children/children.routes.js';
import { registerFrontDoorRoutes } from '../features/front-door/front-door.routes.js';
import { registerWorktrayRoutes } from '../features/worktray/worktray.routes.js';
import { registerCaseWorktrayRoutes } from '../features/worktray/case-worktray.routes.js';
import { registerWorkforceRoutes } from '../features/workforce/workforce.routes.js';
import { registerComplianceRoutes } from '../features/compliance/compliance.routes.js';
import { registerIndicatorRoutes } from '../features/indicators/indicators.routes.js';
import { registerDemandRoutes } from '../features/demand/demand.routes.js';
import { registerCommitteePackRoutes } from '../features/committee-pack/committee-pack.routes.js';
import { registerImprovementRoutes } from '../features/improvement/improvement.routes.js';
import { registerAdminRoutes } from '../features/admin/admin.routes.js';
import { registerSearchRoutes } from '../features/search/search.routes.js';
import { ensureCss } from './build-css.js';
import { registerCanonicalIds } from './canonical-ids.js';
import { navigationFor } from './navigation.js';
import { BUILD_DIR, GOVUK_FRONTEND, MOJ_FRONTEND, ROOT } from './paths.js';
import './request-context.js';
import { registerSecurityHeaders, safeEqual } from './security.js';
import { type ServiceDeps, type Services, createServices } from './services.js';
import { PRE_SESSION_CSRF_COOKIE, SESSION_COOKIE } from './session-cookie.js';
import { setSavedMessage, takeSavedMessage } from './saved-banner.js';
import { createViews } from './nunjucks.js';

export interface AppDeps extends ServiceDeps {
  logger?: boolean;
  /** Seal the audit chain this often (the server: every second); tests seal when they verify. */
  sealAuditEveryMs?: number;
}

export async function createApp(deps: AppDeps): Promise<{ app: FastifyInstance; services: Services }> {
  const { config } = deps;
  const production = config.env === 'production';
  await ensureCss();
  const services = createServices(deps);
  const stopListening = await services.signedIn.listen(deps.db);
  const views = createViews({ authorityName: config.authorityName }, { cache: config.env !== 'development' });

  const app = Fastify({
    logger: deps.logger ? { level: 'info', redact: ['req.headers.cookie'] } : false,
    // X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES (none by default).
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: 1_048_576,
  });

  await registerSecurityHeaders(app, production);
  await app.register(cookie, { secret: config.sessionSecret });
  // Repeated fields (checkboxes) arrive as arrays; nothing is parsed into nested objects.
  await app.register(formbody, {
    parser: (body) => {
      // PostgreSQL cannot store NUL in text; no form of ours has a use for it.
      if (body.includes('%00') || body.includes('\u0000')) {
        throw Object.assign(new Error('The form contained a character that is not allowed (NUL). Remove it and try again.'), { statusCode: 400 });
      }
      return qs.parse(body);
    },
  });
  await app.register(fastifyStatic, {
    root: [path.join(GOVUK_FRONTEND, 'govuk', 'assets'), path.join(MOJ_FRONTEND, 'moj', 'assets')],
    prefix: '/assets/',
  });
  await app.register(fastifyStatic, {
    root: [path.join(GOVUK_FRONTEND, 'govuk'), path.join(MOJ_FRONTEND, 'moj')],
    prefix: '/static/',
    decorateReply: false,
    allowedPath: (p) => /^\/(govuk-frontend|moj-frontend)\.min\.js$/.test(p),
  });
  await app.register(fastifyStatic, { root: BUILD_DIR, prefix: '/build/', decorateReply: false });
  await app.register(fastifyStatic, { root: path.join(ROOT, 'public', 'js'), prefix: '/js/', decorateReply: false });

  registerCanonicalIds(app);
  app.decorateRequest('user', null);
  app.decorateRequest('principal', null);
  app.decorateReply('page', function (template: string, context: Record<string, unknown> = {}, status = 200) {
    const request = this.request;
    const nonce = (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script ?? '';
    // A form page shown again with errors keeps the message for the page the save lands on.
    const savedMessage = status < 400 ? takeSavedMessage(request, this, production) : null;
    const html = views.render(template, {
      user: request.user,
      savedMessage,
      csrfToken: request.user?.csrfToken ?? '',
      cspNonce: nonce,
      navigation: navigationFor(request.principal, request.url.split('?')[0] ?? '/'),
      ...context,
    });
    return this.code(status).type('text/html; charset=utf-8').send(html);
  });
  app.decorateReply('saved', function (path: string, message: string) {
    setSavedMessage(this, message, production);
    return this.redirect(path, 303);
  });

  // Requests still running when the server stops: the database is closed only once they finish.
  let inFlight = 0;
  app.decorate('inFlight', () => inFlight);
  app.addHook('onRequest', async () => {
    inFlight++;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!(request as unknown as { counted?: boolean }).counted) {
      (request as unknown as { counted?: boolean }).counted = true;
      inFlight--;
    }
    return payload;
  });

  const isAsset = (url: string) => /^\/(assets|static|build|js)\//.test(url) || url === '/favicon.ico';

  app.addHook('onClose', async () => stopListening());
  if (deps.sealAuditEveryMs) {
    let sealing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      sealing = services.audit.seal().catch((error: unknown) => console.error(`Sealing the audit chain failed: ${(error as Error).message}`));
    }, deps.sealAuditEveryMs);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await sealing;
    });
  }

  // Who is asking: the session cookie, resumed through the signed-in cache (signed-in-cache.ts).
  app.addHook('preHandler', async (request, reply) => {
    if (isAsset(request.url)) return;
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    if (unsigned?.valid && unsigned.value) {
      const signedIn = await services.signedIn.resume(unsigned.value);
      request.user = signedIn?.user ?? null;
      request.principal = signedIn?.principal ?? null;
    }
    const isPublic = request.routeOptions.config?.public === true;
    if (!isPublic && !request.user) {
      if (request.method === 'GET') {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`);
      }
      return reply.page('error.njk', { pageTitle: 'Signed out', heading: 'You have been signed out', paragraphs: ['Your session ended, so nothing was saved. Sign in again and re-enter the form.'], backTo: '/sign-in' }, 401);
    }
    // CSRF: every form post carries the session's token (or, before sign-in, the pre-session cookie's).
    if (request.method === 'POST') {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const sent = typeof body._csrf === 'string' ? body._csrf : '';
      const expected = request.user ? request.user.csrfToken : (request.unsignCookie(request.cookies[PRE_SESSION_CSRF_COOKIE] ?? '').value ?? '');
      if (!sent || !expected || !safeEqual(sent, expected)) {
        return reply.page('error.njk', { pageTitle: 'Form expired', heading: 'This form has expired', paragraphs: ['For your security the form could not be accepted. Go back, reload the page and submit it again.'] }, 403);
      }
    }
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof AccessDenied) {
      // The refused action rolled back with its transaction; the refusal itself is kept (security.md §2.2).
      await deps.db.db.transaction((tx) => services.audit.record(tx, { userId: error.userId, action: 'denied', subjectType: 'person', subjectId: error.personId, personId: error.personId, detail: { method: request.method, path: request.url.split('?')[0] } }));
    }
    if (error instanceof NotFound) {
      return reply.page('error.njk', { pageTitle: 'Page not found', heading: 'Page not found', paragraphs: ['If you typed the web address, check it is correct. The record may not exist, or you may not have access to it.'] }, 404);
    }
    if (error instanceof NotPermitted) {
      return reply.page('error.njk', { pageTitle: 'Not permitted', heading: 'You cannot do this', paragraphs: [error.message] }, 403);
    }
    if (error instanceof Conflict) {
      return reply.page('error.njk', { pageTitle: 'Someone else has changed this record', heading: 'This record has changed', paragraphs: [error.message, 'Nothing you entered has been saved. Open the record again to see the latest version.'], backTo: error.backTo }, 409);
    }
    if (error instanceof ValidationFailed) {
      return reply.page('error.njk', { pageTitle: 'There is a problem', heading: 'There is a problem', paragraphs: error.errors.map((e) => e.message) }, 400);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.page('error.njk', { pageTitle: 'There is a problem', heading: 'There is a problem with the request', paragraphs: [(error as Error).message] }, status);
    }
    request.log.error(error);
    if (!deps.logger) console.error(error);
    return reply.page('error.njk', { pageTitle: 'Sorry, there is a problem', heading: 'Sorry, there is a problem with the service', paragraphs: ['Nothing was saved. Try again later.'] }, 500);
  });

  app.setNotFoundHandler(async (request, reply) => {
    return reply.page('error.njk', { pageTitle: 'Page not found', heading: 'Page not found', paragraphs: ['If you typed the web address, check it is correct.'] }, 404);
  });

  app.get('/health', { config: { public: true } }, async () => ({ status: 'ok', engine: deps.db.engine }));
  // The benchmark's floor: the layout with nothing on it, served by the same stack.
  app.get('/empty', { config: { public: true } }, async (_request, reply) => reply.page('empty.njk', { pageTitle: 'Empty page' }));

  registerAuthRoutes(app, services, config);
  registerChildrenRoutes(app, services, deps.clock);
  registerFrontDoorRoutes(app, services, deps.clock);
  registerCaseworkRoutes(app, services, deps.clock);
  registerWorktrayRoutes(app, services, deps.clock);
  registerCaseWorktrayRoutes(app, services);
  registerWorkforceRoutes(app, services, deps.clock);
  registerComplianceRoutes(app, services, deps.clock);
  registerIndicatorRoutes(app, services, deps.clock);
  registerDemandRoutes(app, services);
  registerCommitteePackRoutes(app, services, deps.clock);
  registerImprovementRoutes(app, services, deps.clock);
  registerAdminRoutes(app, services);
  registerSearchRoutes(app, services, deps.clock);

  await app.ready();
  return { app, services };
}

