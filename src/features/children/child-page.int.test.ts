/**
 * The child's page over whole journeys: a tiny synthetic authority (src/synth, seed 3, three years
 * to 20 November 2026) with children looked after, on child protection plans and leaving care.
 * For each, the summary card states their status in practitioners' words, the page shows the
 * sections their record has (and only those), and the one chronology merges every kind of record
 * and filters by kind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browserless } from '../../../test/support/browserless.js';
import { type SyntheticApp, createSyntheticApp } from '../../../test/support/synthetic-app.js';
import { careLeaverAccommodation, categoriesOfAbuse, legalStatuses } from '../../domain/codes/index.js';
import { placementWords } from '../../domain/journey/status.js';
import { type PlainDate, formatLongDate } from '../../domain/time/index.js';
import { obligationRuleLabel } from './labels.js';

const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().replace(/&amp;/g, '&').replace(/&#39;/g, '’');
const long = (d: string | Date) => formatLongDate((d instanceof Date ? d.toISOString().slice(0, 10) : d) as PlainDate);

/** The summary card (only it) as key → value. */
function summary(html: string): Record<string, string> {
  const start = html.indexOf('id="summary"');
  const card = html.slice(start, html.indexOf('</dl>', start));
  return Object.fromEntries([...card.matchAll(/<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map((m) => [text(m[1]!), text(m[2]!)]));
}

/** The tabs, as id → label. */
function tabs(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<a class="govuk-tabs__tab" href="#([a-z-]+)">([\s\S]*?)<\/a>/g)].map((m) => [m[1]!, text(m[2]!)]));
}

/** One tab panel's HTML. */
function panel(html: string, id: string): string {
  const start = html.indexOf(`<div class="govuk-tabs__panel${id === 'chronology' ? '' : ' govuk-tabs__panel--hidden'}" id="${id}">`);
  if (start < 0) return '';
  const next = html.indexOf('<div class="govuk-tabs__panel', start + 10);
  return html.slice(start, next < 0 ? undefined : next);
}

/** The body rows of the table whose (visually hidden) caption starts with `caption`, as cell texts. */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`govuk-visually-hidden">${caption}`);
  if (start < 0) return [];
  const body = html.indexOf('<tbody', start);
  const table = html.slice(body, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1]!))).filter((r) => r.length);
}

function timelineTitles(html: string): string[] {
  return [...panel(html, 'chronology').matchAll(/<h3 class="moj-timeline__title">([\s\S]*?)<\/h3>/g)].map((m) => text(m[1]!));
}

function kindsOffered(html: string): string[] {
  return [...html.matchAll(/name="kind" type="checkbox" value="([a-z0-9-]+)"/g)].map((m) => m[1]!);
}

describe('the child’s page over whole journeys (synthetic authority)', () => {
  let s: SyntheticApp;
  let reader: Browserless;
  let head: Browserless;
  let lookedAfter: string;
  let onPlan: { person_id: string; latest_category: string; start_date: string };
  let careLeaver: string;

  before(async () => {
    s = await createSyntheticApp();
    reader = await s.as('reader');
    head = await s.as('head');
    // The child longest in care now; a child on a plan who is not looked after; a former relevant care leaver.
    [{ person_id: lookedAfter }] = (await s.query<{ person_id: string }>(`select person_id from periods_of_care where end_date is null order by start_date limit 1`)) as [{ person_id: string }];
    [onPlan] = (await s.query<{ person_id: string; latest_category: string; start_date: string }>(
      `select person_id, latest_category, start_date::text from cp_plans p where end_date is null and not exists (select 1 from periods_of_care c where c.person_id = p.person_id and c.end_date is null) order by start_date limit 1`,
    )) as [typeof onPlan];
    [{ person_id: careLeaver }] = (await s.query<{ person_id: string }>(
      `select c.person_id from care_leavers c where c.end_date is null and c.eligibility = 'former_relevant' order by (select count(*) from care_leaver_contacts k where k.person_id = c.person_id) desc, c.person_id limit 1`,
    )) as [{ person_id: string }];
  });
  after(async () => s?.close());

  describe('a looked-after child', () => {
    let page: string;
    before(async () => {
      const res = await reader.get(`/children/${lookedAfter}`);
      assert.equal(res.status, 200);
      page = res.body;
    });

    test('the summary card: looked after since the period began, under the legal status and in the placement in force today', async () => {
      const [period] = await s.query<{ start_date: string }>(`select start_date::text from periods_of_care where person_id = $1 and end_date is null`, [lookedAfter]);
      const [legal] = await s.query<{ code: string }>(`select code from legal_statuses where person_id = $1 and end_date is null`, [lookedAfter]);
      const [placed] = await s.query<{ placement_type: string; start_date: string }>(`select placement_type, start_date::text from placements where person_id = $1 and end_date is null`, [lookedAfter]);
      const card = summary(page);
      assert.match(card['Status today']!, new RegExp(`^Looked after since ${long(period!.start_date)}: .+ \\(${legal!.code}\\), ${placementWords(placed!.placement_type)}`));
      assert.ok(legalStatuses.has(legal!.code));
      assert.match(card.Lives!, new RegExp(`, since ${long(placed!.start_date)}$`), 'where the child lives, and since when');
      assert.equal(card['Lives with'], undefined, 'not the birth family’s household for a child in care');
      assert.match(card['Date of birth']!, /^\d{1,2} \w+ \d{4} \(age \d+\)$/);
      assert.ok(card['Allocated worker'] && card['Allocated worker'] !== 'Not allocated');
      assert.ok(card['Key dates'], 'key dates, from the obligations table');
    });

    test('sections: only those the record has, each with a count; the chronology first', async () => {
      const t = tabs(page);
      assert.equal(Object.keys(t)[0], 'chronology');
      for (const id of ['family', 'child-in-need', 'looked-after', 'health', 'visits']) assert.ok(t[id], `a ${id} section: ${JSON.stringify(t)}`);
      assert.equal(t['care-leaver'], undefined, 'no care leaver section for a young child in care');
      const [{ n }] = (await s.query<{ n: number }>(`select count(*)::int as n from visits where person_id = $1`, [lookedAfter])) as [{ n: number }];
      assert.equal(t.visits, `Visits (${n})`);
    });

    test('looked after: the period of care, legal statuses, placements, the derived SSDA903 episodes and the reviews with participation', async () => {
      const la = panel(page, 'looked-after');
      assert.match(text(la), /Period of care from \d+ \w+ \d{4} \(looked after now\)/);
      const placements = await s.query<{ n: number }>(`select count(*)::int as n from placements where person_id = $1`, [lookedAfter]);
      const rows = tableRows(la, `Placements, period of care from`);
      assert.equal(rows.length, placements[0]!.n);
      assert.equal(rows[0]![3], 'Now', 'newest first: the current placement has no end');
      assert.match(la, /SSDA903 episodes for the return \(\d+ episodes?/);
      const episodes = tableRows(la, 'SSDA903 episodes, period of care from');
      assert.ok(episodes.length >= 1);
      assert.match(episodes.at(-1)![1]!, /^S: Started to be looked after$/, 'the first episode starts the period (RNE S)');
      assert.equal(episodes[0]![4], 'Open');
      const reviews = tableRows(la, 'Looked after reviews, newest first');
      const [{ n: reviewCount }] = (await s.query<{ n: number }>(`select count(*)::int as n from cla_reviews where person_id = $1`, [lookedAfter])) as [{ n: number }];
      assert.equal(reviews.length, reviewCount);
      for (const r of reviews) assert.match(r[2]!, /^PN[0-7]: (Child|Not recorded)/, 'participation code with its label');
    });

    test('the weekly cost of each placement is shown to a service manager, not to an analyst', async () => {
      assert.doesNotMatch(panel(page, 'looked-after'), /Weekly cost/);
      const managed = await head.get(`/children/${lookedAfter}`);
      assert.equal(managed.status, 200);
      const rows = tableRows(panel(managed.body, 'looked-after'), 'Placements, period of care from');
      assert.match(panel(managed.body, 'looked-after'), /Weekly cost/);
      assert.match(rows[0]!.at(-1)!, /^£[\d,]+\.\d\d$|^Not recorded$/);
    });

    test('the chronology merges every kind, each with a count, and filters by kind', async () => {
      const kinds = kindsOffered(page);
      for (const k of ['referral', 'care', 'legal-status', 'placement', 'visit', 'cla-review', 'health']) assert.ok(kinds.includes(k), `${k} offered: ${kinds}`);
      const placementsOnly = await reader.get(`/children/${lookedAfter}?kind=placement`);
      const titles = timelineTitles(placementsOnly.body);
      assert.ok(titles.length > 0);
      for (const title of titles) assert.match(title, /^Placement (started|ended)/);
      assert.match(placementsOnly.body, /id="kind-\d+" name="kind" type="checkbox" value="placement" checked/);
      const two = timelineTitles((await reader.get(`/children/${lookedAfter}?kind=care&kind=legal-status`)).body);
      assert.ok(two.includes('Became looked after'), JSON.stringify(two));
      assert.ok(two.some((x) => /^Legal status: .+ \([A-Z]\d\)$/.test(x)), JSON.stringify(two));
      assert.equal(two.at(-1), 'Became looked after', 'oldest last: the child became looked after, then the legal status that day');
    });
  });

  describe('a child on a child protection plan', () => {
    let page: string;
    before(async () => {
      page = (await reader.get(`/children/${onPlan.person_id}`)).body;
    });

    test('the summary card: on a plan under its latest category since it began, with the alert', () => {
      const card = summary(page);
      const category = categoriesOfAbuse.label(onPlan.latest_category).toLowerCase().replace(' (not recommended)', ' categories');
      assert.equal(card['Status today'], `On a child protection plan (${category}) since ${long(onPlan.start_date)}`);
      assert.match(card.Alerts!, /Child protection plan/);
      assert.match(card.Lives!, /^(At home: .+|No address recorded)$/);
    });

    test('key dates: the earliest open item of each rule in the obligations table, soonest first, with due words', async () => {
      const open = await s.query<{ rule: string; due_on: string }>(
        `select rule, min(due_on)::text as due_on from obligations where person_id = $1 and met_on is null and lapsed_on is null group by rule order by 2, 1`,
        [onPlan.person_id],
      );
      assert.ok(open.length > 0, 'a child on a plan has something due');
      const shown = summary(page)['Key dates']!;
      let at = -1;
      for (const o of open) {
        const item = `${obligationRuleLabel(o.rule)}: ${long(o.due_on)} (`;
        const found = shown.indexOf(item);
        assert.ok(found > at, `"${item}" in order in: ${shown}`);
        at = found;
      }
      assert.match(shown, /\((due today|due tomorrow|due in \d+ (working )?days?|overdue by \d+ (working )?days?)\)/);
    });

    test('child protection: the plan, its conferences, the section 47 enquiry and the strategy discussion', () => {
      const cp = panel(page, 'child-protection');
      assert.match(text(cp), new RegExp(`Child protection plan from ${long(onPlan.start_date)} \\(open\\)`));
      assert.ok(tableRows(cp, 'Initial child protection conferences, newest first').length >= 1);
      assert.ok(tableRows(cp, 'Section 47 enquiries, newest first').length >= 1);
      assert.ok(tableRows(cp, 'Strategy discussions, newest first').length >= 1);
      assert.equal(tabs(page)['looked-after'], undefined, 'no looked after section for a child never in care');
    });

    test('the chronology: the plan and its conferences, filtered', async () => {
      const titles = timelineTitles((await reader.get(`/children/${onPlan.person_id}?kind=cp-plan&kind=conference&kind=strategy`)).body);
      assert.ok(titles.some((x) => x.startsWith('Child protection plan started (')), JSON.stringify(titles));
      assert.ok(titles.includes('Initial child protection conference: child protection plan'), JSON.stringify(titles));
      assert.ok(titles.includes('Strategy discussion: section 47 enquiry'), JSON.stringify(titles));
      for (const title of titles) assert.match(title, /^(Child protection plan|Initial child protection conference|Review child protection conference|Strategy discussion)/);
      const all = timelineTitles(page);
      const order = ['Initial child protection conference: child protection plan', 'Strategy discussion: section 47 enquiry'].map((x) => all.lastIndexOf(x));
      assert.ok(order[0]! < order[1]!, 'newest first: the conference above the strategy discussion that led to it');
    });
  });

  describe('a care leaver', () => {
    let page: string;
    before(async () => {
      page = (await reader.get(`/children/${careLeaver}`)).body;
    });

    test('the summary card: "Care leaver: former relevant", their personal adviser, and their accommodation', async () => {
      const card = summary(page);
      assert.equal(card['Status today'], 'Care leaver: former relevant');
      const [row] = await s.query<{ name: string | null }>(`select u.display_name as name from care_leavers c left join users u on u.id = c.personal_adviser_id where c.person_id = $1 and c.end_date is null`, [careLeaver]);
      const adviser = card['Personal adviser'] ?? card['Allocated worker'];
      assert.ok(adviser?.startsWith(row!.name ?? 'Not allocated'), `${adviser} / ${row!.name}`);
      if (!card['Personal adviser']) assert.match(card['Allocated worker']!, / \(personal adviser\), /, 'the personal adviser holds the case');
      const [latest] = await s.query<{ accommodation: string | null; contact_date: string }>(`select accommodation, contact_date::text from care_leaver_contacts where person_id = $1 and accommodation is not null order by contact_date desc limit 1`, [careLeaver]);
      if (latest) {
        const words = careLeaverAccommodation.label(latest.accommodation!).replace(/: (suitable|not suitable)$/, ' ($1)');
        assert.equal(card.Lives, `${words}, as at ${long(latest.contact_date)}`);
      }
      assert.equal(card['Lives with'], undefined, 'not the birth family’s household for a care leaver');
    });

    test('care leaver: eligibility, pathway plans and keeping in touch with activity and accommodation labels', async () => {
      const cl = panel(page, 'care-leaver');
      assert.ok(tabs(page)['care-leaver']);
      const [{ n }] = (await s.query<{ n: number }>(`select count(*)::int as n from care_leaver_contacts where person_id = $1`, [careLeaver])) as [{ n: number }];
      const rows = tableRows(cl, 'Keeping in touch, newest first');
      assert.equal(rows.length, n);
      assert.ok(rows.some((r) => r[1] === 'In touch'), 'IN_TOUCH as words');
      assert.ok(tableRows(cl, 'Eligibility for care leaver support, newest first').some((r) => r[0] === 'Former relevant'));
      assert.ok(kindsOffered(page).includes('care-leaver'));
    });
  });

  describe('a long record stays usable', () => {
    let busiest: string;
    let total: number;
    before(async () => {
      // The child with the most records of the kinds that pile up over years.
      [{ person_id: busiest }] = (await s.query<{ person_id: string }>(
        `select person_id from (select person_id from visits union all select person_id from supervision_children union all select person_id from care_leaver_contacts union all select person_id from placements) x group by person_id order by count(*) desc, person_id limit 1`,
      )) as [{ person_id: string }];
      const page = (await reader.get(`/children/${busiest}`)).body;
      total = Number(/Chronology \((\d+)\)/.exec(page)![1]);
    });

    test('the chronology shows the latest 100 entries, with a way to the older ones', async () => {
      assert.ok(total > 100, `the busiest child has ${total} entries`);
      const first = await reader.get(`/children/${busiest}`);
      assert.equal(timelineTitles(first.body).length, 100);
      assert.match(text(first.body), new RegExp(`100 of ${total} entries, newest first\\.`));
      assert.match(text(first.body), new RegExp(`${total - 100} older entr(y|ies) not shown\\.`));
      assert.match(first.body, new RegExp(`href="/children/${busiest}\\?show=all#chronology">show all ${total}</a>`));
      const all = await reader.get(`/children/${busiest}?show=all`);
      assert.equal(timelineTitles(all.body).length, total);
      const nonsense = await reader.get(`/children/${busiest}?show=-5`);
      assert.equal(timelineTitles(nonsense.body).length, 100, 'a bad count shows the first page');
    });

    test('visits: the latest 25, and all of them on request', async () => {
      const [{ n }] = (await s.query<{ n: number }>(`select count(*)::int as n from visits where person_id = $1`, [busiest])) as [{ n: number }];
      const first = await reader.get(`/children/${busiest}`);
      const rows = tableRows(panel(first.body, 'visits'), 'Visits, latest first');
      assert.equal(rows.length, Math.min(n, 25));
      if (n > 25) {
        assert.match(first.body, new RegExp(`href="/children/${busiest}\\?visits=all#visits">Show all ${n} visits</a>`));
        assert.equal(tableRows(panel((await reader.get(`/children/${busiest}?visits=all`)).body, 'visits'), 'Visits, latest first').length, n);
      }
      const dates = rows.map((r) => r[0]!);
      const parsed = dates.map((d) => Date.parse(d));
      assert.deepEqual(parsed, [...parsed].sort((a, b) => b - a), 'latest first');
    });

    test('every view is audited, once per page', async () => {
      const before = await s.query<{ n: number }>(`select count(*)::int as n from audit_events where person_id = $1 and action = 'view'`, [busiest]);
      await reader.get(`/children/${busiest}`);
      const after = await s.query<{ n: number }>(`select count(*)::int as n from audit_events where person_id = $1 and action = 'view'`, [busiest]);
      assert.equal(after[0]!.n, before[0]!.n + 1);
    });
  });
});
