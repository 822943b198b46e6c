import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Principal, canWorkFrontDoor } from '../../domain/access/index.js';
import { NotFound, ValidationFailed } from '../../domain/errors.js';
import { type Clock, formatLongDate, lateEntryWords, londonDateOf, londonTimeOf } from '../../domain/time/index.js';
import type { Services } from '../../web/services.js';
import { FormReader, errorView } from '../../web/form-reader.js';
import { isUuid } from '../../web/ids.js';
import { newFormToken, submissionOf } from '../../web/form-tokens.js';
import { signedIn } from '../../web/request-context.js';
import { urls } from '../../web/urls.js';
import { CARER_RELATIONSHIPS, CARER_SLOTS, carerRelationshipLabels } from './household.schema.js';
import { contactPage, dateExample, needItems, referralPage, sourceItems, workerItems } from './front-door.presenter.js';
import { parseContact, parseDecision, parseFind, parseRating, parseReferralDecision } from './front-door.schema.js';
import { escapeHtml } from '../../web/escape-html.js';

type Body = Record<string, unknown>;
const idParam = (request: { params: unknown }) => {
  const id = (request.params as { id?: string }).id ?? '';
  if (!isUuid(id)) throw new NotFound();
  return id;
};

export function registerFrontDoorRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  const { frontDoor } = services;

  function requireFrontDoor(principal: Principal) {
    if (!canWorkFrontDoor(principal)) throw new NotFound('page');
  }

  async function contactFormContext(values: Record<string, string>, principal: Principal) {
    const workers = await frontDoor.frontDoorWorkers();
    return {
      values,
      sourceItems: sourceItems(values.source),
      workerItems: workerItems(workers, values.assignedWorkerId || principal.userId),
      todayExample: dateExample(londonDateOf(clock.now())),
      formToken: values.formToken || newFormToken(),
    };
  }

  async function renderNewChildForm(reply: FastifyReply, principal: Principal, values: Record<string, string>, errors: { field: string; message: string }[], status: number) {
    // The same criteria the duplicate check used, date of birth included: a match found on date of
    // birth and family name alone (a twin) must be listed, or there is nothing to confirm against.
    const matches = await frontDoor.searchPeople(principal, {
      givenName: values.givenName || null,
      familyName: values.familyName || null,
      dateOfBirth: new FormReader(values).date('dateOfBirth', { label: 'Date of birth', required: false }),
      nhsNumber: values.nhsNumber?.replace(/[\s-]/g, '') || null,
    });
    return reply.page('front-door/views/find-results.njk', {
      pageTitle: 'Possible matches',
      backLink: { href: urls.contacts.new() },
      matches,
      matchRows: matchRows(matches),
      carerSlots: CARER_SLOTS,
      carerRelationships: CARER_RELATIONSHIPS.map((r) => ({ value: r, text: carerRelationshipLabels[r] })),
      ...(await contactFormContext(values, principal)),
      ...errorView(errors),
    }, status);
  }

  function matchRows(matches: Awaited<ReturnType<typeof frontDoor.searchPeople>>) {
    return matches.map((m) => [
      { text: `${m.givenName} ${m.familyName}` },
      { text: m.dateOfBirth ? formatLongDate(m.dateOfBirth) : 'Not known' },
      { text: m.nhsNumber ?? '' },
      { text: m.laChildId },
      { text: m.reasons.join(', ') },
      { html: `<a class="govuk-link" href="${escapeHtml(urls.contacts.new({ person: m.id }))}">Record contact<span class="govuk-visually-hidden"> for ${escapeHtml(m.givenName)} ${escapeHtml(m.familyName)}</span></a>` },
    ]);
  }

  app.get('/contacts/new', async (request, reply) => {
    const { principal } = signedIn(request);
    requireFrontDoor(principal);
    const personId = (request.query as Record<string, string | undefined>).person;
    if (personId) {
      if (!isUuid(personId)) throw new NotFound();
      const { person, openEpisode } = await frontDoor.personSummary(principal, personId);
      return reply.page('front-door/views/contact-form.njk', { pageTitle: `Record a contact about ${person.givenName} ${person.familyName}`, backLink: { href: urls.contacts.new() }, person, openEpisode, ...(await contactFormContext({}, principal)), errors: {} });
    }
    return reply.page('front-door/views/find-child.njk', { pageTitle: 'Find the child', values: {}, errors: {} });
  });

  app.post('/contacts/find', async (request, reply) => {
    const { principal } = signedIn(request);
    requireFrontDoor(principal);
    const parsed = parseFind(request.body as Body, londonDateOf(clock.now()));
    if (!parsed.command) {
      return reply.page('front-door/views/find-child.njk', { pageTitle: 'Find the child', values: parsed.values, ...errorView(parsed.errors) }, 400);
    }
    const matches = await frontDoor.searchPeople(principal, parsed.command);
    return reply.page('front-door/views/find-results.njk', {
      pageTitle: matches.length ? 'Possible matches' : 'No child found',
      backLink: { href: urls.contacts.new() },
      matches,
      matchRows: matchRows(matches),
      ...(await contactFormContext(parsed.values, principal)),
      errors: {},
    });
  });

  app.post('/contacts', async (request, reply) => {
    const { principal } = signedIn(request);
    requireFrontDoor(principal);
    const now = clock.now();
    const parsed = parseContact(request.body as Body, londonDateOf(now), now);
    const rerender = async (errors: { field: string; message: string }[]) => {
      if (parsed.personId) {
        const { person, openEpisode } = await frontDoor.personSummary(principal, parsed.personId);
        return reply.page('front-door/views/contact-form.njk', { pageTitle: `Record a contact about ${person.givenName} ${person.familyName}`, person, openEpisode, ...(await contactFormContext(parsed.values, principal)), ...errorView(errors) }, 400);
      }
      return renderNewChildForm(reply, principal, parsed.values, errors, 400);
    };
    if (!parsed.command || !parsed.formToken) return rerender(parsed.errors);
    try {
      const done = await frontDoor.recordContact(principal, parsed.command, submissionOf(principal, parsed.formToken));
      return reply.saved(done.path, 'Contact recorded');
    } catch (error) {
      if (error instanceof ValidationFailed) return rerender(error.errors);
      throw error;
    }
  });

  /** The decision form's date and time, filled in with now (the worker changes them for an earlier decision). */
  function whenValues(now: Date, dateName: string, timeName: string | null): Record<string, string> {
    const [y, m, d] = londonDateOf(now).split('-');
    return { [`${dateName}-day`]: String(Number(d)), [`${dateName}-month`]: String(Number(m)), [`${dateName}-year`]: y!, ...(timeName ? { [timeName]: londonTimeOf(now) } : {}) };
  }

  async function renderContact(reply: FastifyReply, principal: Principal, id: string, extra: Record<string, unknown> = {}, status = 200) {
    const c = await frontDoor.getContact(principal, id);
    const hours = await services.settings.ragClockHours();
    const now = clock.now();
    const decisionValues = (extra.decisionValues as Record<string, string> | undefined) ?? whenValues(now, 'decidedOn', 'decidedTime');
    const teams = c.contact.decidedAt || c.openEpisode ? [] : await frontDoor.receivingTeams();
    return reply.page('front-door/views/contact.njk', {
      pageTitle: `Contact about ${c.person.givenName} ${c.person.familyName}`,
      ...contactPage(c, clock.now()),
      hours,
      canRecord: true,
      ratingToken: newFormToken(),
      decisionToken: newFormToken(),
      ratingValues: {},
      needItems: needItems(decisionValues.primaryNeedCode),
      teamItems: [{ value: '', text: 'Select the team' }, ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === decisionValues.receivingTeamId }))],
      todayExample: dateExample(londonDateOf(now)),
      decisionKeyedLate: c.contact.decidedAt ? lateEntryWords(londonDateOf(c.contact.decidedAt), c.contact.decisionRecordedAt) : null,
      errors: {},
      ...extra,
      decisionValues,
    }, status);
  }

  app.get('/contacts/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    return renderContact(reply, principal, idParam(request));
  });

  app.post('/contacts/:id/rating', async (request, reply) => {
    const { principal } = signedIn(request);
    const id = idParam(request);
    const parsed = parseRating(request.body as Body);
    if (!parsed.command || !parsed.formToken) return renderContact(reply, principal, id, { ratingValues: parsed.values, ...errorView(parsed.errors) }, 400);
    const done = await frontDoor.rateContact(principal, id, parsed.command, submissionOf(principal, parsed.formToken));
    return reply.saved(done.path, 'RAG rating recorded');
  });

  app.post('/contacts/:id/decision', async (request, reply) => {
    const { principal } = signedIn(request);
    const id = idParam(request);
    const parsed = parseDecision(request.body as Body, clock.now());
    const fail = (errors: { field: string; message: string }[]) => renderContact(reply, principal, id, { decisionValues: parsed.values, ...errorView(errors) }, 400);
    if (!parsed.command || !parsed.formToken) return fail(parsed.errors);
    try {
      const done = await frontDoor.decideContact(principal, id, parsed.command, submissionOf(principal, parsed.formToken));
      return reply.saved(done.path, 'MASH decision recorded');
    } catch (error) {
      if (error instanceof ValidationFailed) return fail(error.errors);
      throw error;
    }
  });

  async function renderReferral(reply: FastifyReply, principal: Principal, id: string, extra: Record<string, unknown> = {}, status = 200) {
    const r = await frontDoor.getReferral(principal, id);
    const now = clock.now();
    return reply.page('front-door/views/referral.njk', {
      pageTitle: `Referral for ${r.person.givenName} ${r.person.familyName}`,
      ...referralPage(r, londonDateOf(now)),
      formToken: newFormToken(),
      values: whenValues(now, 'decidedOn', null),
      todayExample: dateExample(londonDateOf(now)),
      errors: {},
      ...extra,
    }, status);
  }

  app.get('/referrals/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    return renderReferral(reply, principal, idParam(request));
  });

  app.post('/referrals/:id/decision', async (request, reply) => {
    const { principal } = signedIn(request);
    const id = idParam(request);
    const parsed = parseReferralDecision(request.body as Body, londonDateOf(clock.now()));
    if (!parsed.command || !parsed.formToken) return renderReferral(reply, principal, id, { values: parsed.values, ...errorView(parsed.errors) }, 400);
    try {
      const done = await frontDoor.decideReferral(principal, id, parsed.command, submissionOf(principal, parsed.formToken));
      return reply.saved(done.path, 'Response to the referral recorded');
    } catch (error) {
      if (error instanceof ValidationFailed) return renderReferral(reply, principal, id, { values: parsed.values, ...errorView(error.errors) }, 400);
      throw error;
    }
  });
}

