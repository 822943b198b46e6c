import type { FastifyInstance } from 'fastify';
import { canWorkFrontDoor } from '../../domain/access/index.js';
import { primaryNeeds } from '../../domain/codes/index.js';
import { NotFound } from '../../domain/errors.js';
import { type ReferralDecision, referralDecisionLabels } from '../../domain/front-door/contact-decision.js';
import { journeyStatusLabels, journeyStatusOn } from '../../domain/journey/status.js';
import { type PlainDate, datePartsOf, formatLongDate, londonDateOf } from '../../domain/time/index.js';
import type { Services } from '../../web/app.js';
import type { Clock } from '../../web/clock.js';
import { isUuid } from '../../web/ids.js';
import { signedIn } from '../../web/request-context.js';
import { type ChronologyKind, chronologyKindLabels } from './chronology.js';

/** Whole years of age on `today`. */
export function ageOn(dateOfBirth: PlainDate, today: PlainDate): number {
  const b = datePartsOf(dateOfBirth);
  const t = datePartsOf(today);
  return t.year - b.year - (t.month < b.month || (t.month === b.month && t.day < b.day) ? 1 : 0);
}

export function registerChildrenRoutes(app: FastifyInstance, services: Services, clock: Clock): void {
  app.get('/', async (request, reply) => {
    const { principal } = signedIn(request);
    if (canWorkFrontDoor(principal)) return reply.redirect('/front-door');
    const children = await services.children.allocatedTo(principal);
    const today = londonDateOf(clock.now());
    return reply.page('children/views/home.njk', {
      pageTitle: 'Your children',
      rows: children.map((c) => [
        { html: `<a class="govuk-link" href="/children/${c.id}">${escapeHtml(c.givenName)} ${escapeHtml(c.familyName)}</a>` },
        { text: c.dateOfBirth ? `${formatLongDate(c.dateOfBirth as PlainDate)} (${ageOn(c.dateOfBirth as PlainDate, today)})` : 'Not known' },
        { text: c.laChildId },
        { text: c.teamName },
        { text: formatLongDate(c.since as PlainDate) },
      ]),
    });
  });

  app.get('/children/:id', async (request, reply) => {
    const { principal } = signedIn(request);
    const id = (request.params as { id: string }).id;
    if (!isUuid(id)) throw new NotFound();
    const query = request.query as Record<string, string | string[] | undefined>;
    const kinds = ([] as string[]).concat(query.kind ?? []).filter((k): k is ChronologyKind => k in chronologyKindLabels);
    const rec = await services.children.record(principal, id);
    const today = londonDateOf(clock.now());
    const p = rec.person;
    const status = journeyStatusOn(
      { episodes: rec.episodes.map((e) => ({ referralDate: e.episode.referralDate as PlainDate, closureDate: e.episode.closureDate as PlainDate | null })), contactsAwaitingDecision: rec.contacts.filter((c) => !c.contact.decidedAt).length, hasContacts: rec.contacts.length > 0 },
      today,
    );
    const current = rec.allocations.find((a) => !a.allocation.endDate);
    const open = rec.episodes.find((e) => !e.episode.closureDate);
    const entries = kinds.length ? rec.chronology.filter((e) => kinds.includes(e.kind)) : rec.chronology;
    // A contact's page is a front-door record (it names the referrer): others see the entry here, not a link that answers 404.
    const linkTo = (href: string | null) => (href && (canWorkFrontDoor(principal) || !href.startsWith('/contacts/')) ? href : null);
    return reply.page('children/views/child.njk', {
      pageTitle: `${p.givenName} ${p.familyName}`,
      p,
      age: p.dateOfBirth ? ageOn(p.dateOfBirth as PlainDate, today) : null,
      dobText: p.dateOfBirth ? formatLongDate(p.dateOfBirth as PlainDate) : p.expectedDateOfBirth ? `Not yet born (expected ${formatLongDate(p.expectedDateOfBirth as PlainDate)})` : 'Not known',
      statusText: journeyStatusLabels[status],
      allocatedText: current ? `${current.worker ?? 'Unallocated'}, ${current.teamName}` : open ? `Not yet allocated${open.teamName ? ` (${open.teamName})` : ''}` : 'Not allocated',
      openEpisode: open,
      canRecordContact: canWorkFrontDoor(principal),
      episodeRows: rec.episodes.map((e) => [
        { html: `<a class="govuk-link" href="/referrals/${e.episode.id}">${formatLongDate(e.episode.referralDate as PlainDate)}</a>` },
        { text: `${e.episode.primaryNeedCode}: ${primaryNeeds.label(e.episode.primaryNeedCode)}` },
        { text: e.episode.referralDecision ? referralDecisionLabels[e.episode.referralDecision as ReferralDecision] : 'Awaiting response' },
        { text: e.episode.closureDate ? `${formatLongDate(e.episode.closureDate as PlainDate)} (${e.episode.closureReason})` : 'Open' },
      ]),
      timeline: entries.map((e) => ({
        label: { text: e.title },
        html: linkTo(e.href) ? `${escapeHtml(e.text)}${e.text ? '<br>' : ''}<a class="govuk-link" href="${e.href}">Open the record<span class="govuk-visually-hidden">: ${escapeHtml(e.title)}</span></a>` : escapeHtml(e.text),
        datetime: { timestamp: e.at.toISOString(), type: e.dateOnly ? 'date' : 'datetime' },
        byline: e.by ? { text: e.by } : undefined,
      })),
      kindItems: Object.entries(chronologyKindLabels).map(([value, text]) => ({ value, text, checked: kinds.includes(value as ChronologyKind) })),
      filtered: kinds.length > 0,
      totalEntries: rec.chronology.length,
    });
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
