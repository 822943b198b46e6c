import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Principal } from '../../domain/access/index.js';
import { Conflict, ValidationFailed } from '../../domain/errors.js';
import type { NumericNorm } from '../../domain/obligations/index.js';
import { formatLondonDateTime, formatTerms, parseTerms } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { FormReader, errorView } from '../../web/form-reader.js';
import { readVersion } from '../../web/form-tokens.js';
import { signedIn } from '../../web/request-context.js';
import { urls } from '../../web/urls.js';
import { LOCAL_NORM_LIMITS } from '../settings/settings.service.js';
import { registerAdminHomeRoute } from './admin-home.js';
import { registerTeamsAdminRoutes } from './teams-admin.routes.js';
import { registerUsersAdminRoutes } from './users-admin.routes.js';

type Body = Record<string, unknown>;
type Section = 'rag' | 'norms' | 'terms' | 'guide';

/** The order the local timescales are listed in, with a hint each. */
const NORM_FIELDS: { key: NumericNorm; hint: string }[] = [
  { key: 'cpVisitWorkingDays', hint: 'Working days between statutory visits to a child on a child protection plan.' },
  { key: 'cinVisitWorkingDays', hint: 'Working days between visits to a child on a child in need plan.' },
  { key: 'coreGroupIntervalMonths', hint: 'Months between core groups after the first (the first is within 10 working days of the initial conference).' },
  { key: 'cinPlanReviewMonths', hint: 'Months between child in need plan reviews.' },
  { key: 'supervisionMonths', hint: 'Months between case discussions in supervision, for each allocated child.' },
  { key: 'visitWriteUpWorkingDays', hint: 'Working days to write up a visit.' },
  { key: 'strategyDiscussionWorkingDays', hint: 'Working days from the decision to hold a strategy discussion to the discussion (0 = the same day).' },
  { key: 'missingStrategyAbsentHours', hint: 'A strategy meeting is held for a child missing this long (counted in whole days from the day they went missing).' },
  { key: 'missingStrategyEpisodes', hint: 'A strategy meeting is held when a child goes missing this many times...' },
  { key: 'missingStrategyWindowDays', hint: '...within this many days.' },
  { key: 'missingStrategyWorkingDays', hint: 'Working days from either trigger to the strategy meeting (0 = the same day).' },
  { key: 'keepingInTouchWeeks', hint: 'Weeks between contacts with each former relevant care leaver.' },
];

/** A whole number from the form, or null with the error recorded. */
function wholeNumber(form: FormReader, name: string, label: string, min: number, max: number, unit: string): number | null {
  const raw = form.raw(name).trim();
  if (!raw) {
    form.fail(name, `Enter ${label.charAt(0).toLowerCase() + label.slice(1)}`);
    return null;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    form.fail(name, `${label} must be a whole number of ${unit} from ${min} to ${max}`);
    return null;
  }
  return Number(raw);
}

/** The administrator's pages: users and teams (home, users, teams) and the settings (RAG clocks, local timescales, caseload guide). */
export function registerAdminRoutes(app: FastifyInstance, services: Services): void {
  registerAdminHomeRoute(app, services);
  registerUsersAdminRoutes(app, services);
  registerTeamsAdminRoutes(app, services);
  const { admin } = services;
  // A recomputation still running when the server stops would leave children without their
  // obligations (the whole-table recompute is not one transaction): the database closes after it.
  app.addHook('onClose', async () => {
    await admin.idle();
  });

  async function render(reply: FastifyReply, principal: Principal, extra: { section?: Section; values?: Record<string, string>; errors?: { field: string; message: string }[]; saved?: string | null } = {}, status = 200) {
    const p = await admin.page(principal);
    const values = extra.values ?? {};
    const errs = errorView(extra.errors ?? []);
    const v = (section: Section, name: string, stored: number) => (extra.section === section && values[name] !== undefined ? values[name] : String(stored));
    const s = p.status;
    return reply.page(
      'admin/views/settings.njk',
      {
        pageTitle: 'Settings',
        saved: extra.saved ?? null,
        rag: { version: p.rag.version, red: v('rag', 'red', p.rag.value.red), amber: v('rag', 'amber', p.rag.value.amber), green: v('rag', 'green', p.rag.value.green) },
        norms: {
          version: p.norms.version,
          fields: NORM_FIELDS.map((f) => ({ name: f.key, label: LOCAL_NORM_LIMITS[f.key].label, unit: LOCAL_NORM_LIMITS[f.key].unit, hint: f.hint, value: v('norms', f.key, p.norms.value[f.key]), error: errs.errors[f.key] })),
        },
        guide: { version: p.guide.version, value: v('guide', 'caseloadGuide', p.guide.value) },
        terms: { version: p.terms.version, value: extra.section === 'terms' && values.schoolTerms !== undefined ? values.schoolTerms : formatTerms(p.terms.value), lines: p.terms.value.length },
        recompute: {
          state: s.state,
          startedText: s.startedAt ? formatLondonDateTime(s.startedAt) : null,
          finishedText: s.finishedAt ? formatLondonDateTime(s.finishedAt) : null,
          done: s.done,
          total: s.total,
          written: s.written,
          error: s.error,
        },
        ...errs,
      },
      status,
    );
  }

  app.get('/admin/settings', async (request, reply) => {
    const { principal } = signedIn(request);
    const saved = (request.query as Record<string, string | undefined>).saved;
    return render(reply, principal, { saved: saved === 'rag' || saved === 'norms' || saved === 'terms' || saved === 'guide' ? saved : null });
  });

  async function save(reply: FastifyReply, principal: Principal, section: Section, body: Body, work: (form: FormReader, version: number) => Promise<void>) {
    const form = new FormReader(body);
    const version = readVersion(form, 'This form has expired. Reload the page and try again.');
    const values = Object.fromEntries(Object.entries(body).map(([k, x]) => [k, typeof x === 'string' ? x : ''])) as Record<string, string>;
    try {
      await work(form, version);
    } catch (error) {
      if (error instanceof ValidationFailed) return render(reply, principal, { section, values, errors: error.errors }, 400);
      if (error instanceof Conflict) throw new Conflict(error.message, urls.admin.settings());
      throw error;
    }
    if (!form.ok) return render(reply, principal, { section, values, errors: form.errors }, 400);
    return reply.redirect(urls.admin.settings({ saved: section }), 303);
  }

  app.post('/admin/settings/rag-clocks', async (request, reply) => {
    const { principal } = signedIn(request);
    return save(reply, principal, 'rag', request.body as Body, async (form, version) => {
      const red = wholeNumber(form, 'red', 'The red clock', 1, 240, 'hours');
      const amber = wholeNumber(form, 'amber', 'The amber clock', 1, 240, 'hours');
      const green = wholeNumber(form, 'green', 'The green clock', 1, 240, 'hours');
      if (red !== null && amber !== null && green !== null && !(red <= amber && amber <= green)) form.fail('amber', 'The clocks must run red, then amber, then green: red no longer than amber, amber no longer than green');
      if (form.ok) await admin.setRagClockHours(principal, { red: red!, amber: amber!, green: green! }, version);
    });
  });

  app.post('/admin/settings/timescales', async (request, reply) => {
    const { principal } = signedIn(request);
    return save(reply, principal, 'norms', request.body as Body, async (form, version) => {
      const norms = {} as Record<NumericNorm, number>;
      // A field the form did not send (a page opened before the field was added) keeps its value.
      const current = await services.settings.localNorms();
      for (const f of NORM_FIELDS) {
        const limit = LOCAL_NORM_LIMITS[f.key];
        norms[f.key] = (request.body as Body)[f.key] === undefined ? current[f.key] : (wholeNumber(form, f.key, limit.label, limit.min, limit.max, limit.unit) ?? 0);
      }
      // Saved and committed first; every child's obligations are then worked out again in the background.
      if (form.ok) await admin.setLocalNorms(principal, norms, version);
    });
  });

  app.post('/admin/settings/school-terms', async (request, reply) => {
    const { principal } = signedIn(request);
    return save(reply, principal, 'terms', request.body as Body, async (form, version) => {
      const { terms, errors } = parseTerms(form.raw('schoolTerms'));
      if (errors.length) form.fail('schoolTerms', errors.join('. '));
      // Saved and committed first; every child's personal education plans are then worked out again.
      if (form.ok) await admin.setSchoolTerms(principal, terms, version);
    });
  });

  app.post('/admin/settings/caseload-guide', async (request, reply) => {
    const { principal } = signedIn(request);
    return save(reply, principal, 'guide', request.body as Body, async (form, version) => {
      const guide = wholeNumber(form, 'caseloadGuide', 'The caseload guide', 1, 60, 'children');
      if (form.ok && guide !== null) await admin.setCaseloadGuide(principal, guide, version);
    });
  });
}
