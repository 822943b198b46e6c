/**
 * My worktray (/, a social worker's home page) and the team worktray (/team): each allocated child's
 * open obligations, overdue first, then due today, this week, the next four weeks and later, in
 * words, each with one link to the page that records it; caseloads against the guide; unallocated
 * children. Records are written by SQL and the obligations stored by the engine, as a write would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recompute, seedAllocation, seedChild, seedCinPlan, seedCpPlan, seedEpisode, seedVisit } from '../../../test/support/casework-seed.js';
import { tableRows, childCellName } from '../../../test/support/front-door.js';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../../test/support/test-app.js';

/** The rows of one worktray section (its table id is work-<key>). */
function section(html: string, key: string): string[][] {
  return tableRows(html, `work-${key}`);
}

/** Every link in a section's table, as [text, href]. */
function links(html: string, key: string): [string, string][] {
  const start = html.indexOf(`id="work-${key}"`);
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<a class="govuk-link" href="([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => [m[2]!.replace(/<[^>]+>/g, '').replace(/&rsquo;|&#39;/g, '’').trim(), m[1]!.replace(/&amp;/g, '&')]);
}

const sectionHeading = (html: string, key: string) => new RegExp(`id="group-${key}">([^<]+) <span[^>]*>\\((\\d+)\\)</span>`).exec(html)?.slice(1, 3);

describe('My worktray and the team worktray', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  // Monday 23 November 2026.
  const NOW = new Date('2026-11-23T10:00:00Z');

  before(async () => {
    t = await createTestApp({ now: NOW });
    const assessment = t.ids['team:Assessment']!;
    t.ids.sam = await t.services.users.addUser({ username: 'sam', displayName: 'Sam Second', password: TEST_PASSWORD, roles: ['social_worker'], teamName: 'Assessment' });
    await t.db.query('update users set fte = 0.6, agency = true where id = $1', [t.ids.sam]);

    // Ava: on a CP plan since Monday 26 October; visited (seen alone) on Friday 13 November, written up.
    id.ava = await seedChild(t, 'Ava', 'Able');
    id.avaEpisode = await seedEpisode(t, id.ava, { referralDate: '2026-10-01', teamId: assessment });
    await seedCpPlan(t, id.ava, id.avaEpisode, '2026-10-26');
    await seedVisit(t, id.ava, '2026-11-13');
    await seedAllocation(t, id.ava, { workerId: t.ids.worker!, teamId: assessment, start: '2026-10-26' });

    // Ben: on a CIN plan since 2 November; visited Friday 20 November, not yet written up; allocated 23 October.
    id.ben = await seedChild(t, 'Ben', 'Brown');
    id.benEpisode = await seedEpisode(t, id.ben, { referralDate: '2026-10-01', teamId: assessment });
    await seedCinPlan(t, id.ben, id.benEpisode, '2026-11-02');
    id.benVisit = await seedVisit(t, id.ben, '2026-11-20', { type: 'cin', writtenUpOn: null });
    await seedAllocation(t, id.ben, { workerId: t.ids.worker!, teamId: assessment, start: '2026-10-23' });

    // Cara: referred on Friday 20 November, no response yet; allocated that day.
    id.cara = await seedChild(t, 'Cara', 'Clay');
    id.caraEpisode = await seedEpisode(t, id.cara, { referralDate: '2026-11-20', teamId: assessment, decided: false });
    await seedAllocation(t, id.cara, { workerId: t.ids.worker!, teamId: assessment, start: '2026-11-20' });

    // Dan: Sam's, on a CIN plan since 1 September and never visited (overdue); allocated 1 September.
    id.dan = await seedChild(t, 'Dan', 'Dunn');
    id.danEpisode = await seedEpisode(t, id.dan, { referralDate: '2026-09-01', teamId: assessment });
    await seedCinPlan(t, id.dan, id.danEpisode, '2026-09-01');
    await seedAllocation(t, id.dan, { workerId: t.ids.sam, teamId: assessment, start: '2026-09-01' });

    // Olly: another team's child (Other Team), allocated to Olu.
    id.olly = await seedChild(t, 'Olly', 'Other');
    id.ollyEpisode = await seedEpisode(t, id.olly, { referralDate: '2026-09-01', teamId: t.ids['team:Other Team']! });
    await seedCinPlan(t, id.olly, id.ollyEpisode, '2026-09-01');
    await seedAllocation(t, id.olly, { workerId: t.ids.otherworker!, teamId: t.ids['team:Other Team']!, start: '2026-09-01' });

    // Eve: an open episode held by Assessment, with no worker. Finn: held by the MASH, no worker.
    // Gus: held by Assessment; his worker's allocation ended and he has not been reallocated.
    id.eve = await seedChild(t, 'Eve', 'Early');
    id.eveEpisode = await seedEpisode(t, id.eve, { referralDate: '2026-11-16', teamId: assessment });
    id.finn = await seedChild(t, 'Finn', 'Front');
    await seedEpisode(t, id.finn, { referralDate: '2026-11-18', teamId: t.ids['team:MASH']! });
    id.gus = await seedChild(t, 'Gus', 'Gap');
    await seedEpisode(t, id.gus, { referralDate: '2026-10-05', teamId: assessment });
    await seedAllocation(t, id.gus, { workerId: t.ids.sam, teamId: assessment, start: '2026-10-05', end: '2026-11-13' });
    // A closed episode with no worker is nobody's to allocate.
    id.hal = await seedChild(t, 'Hal', 'Closed');
    await seedEpisode(t, id.hal, { referralDate: '2026-10-05', teamId: assessment, closureDate: '2026-11-01' });

    for (const p of Object.keys(id).filter((k) => !/Episode|Visit/.test(k))) await recompute(t, id[p]!);
  });
  after(async () => t.close());

  test('the social worker’s home page is My worktray: overdue first, then today, this week, the next 4 weeks, later; most urgent first', async () => {
    const client = await t.as('worker');
    const page = await client.get('/');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">My worktray<\/h1>/);
    assert.match(page.body, /<strong class="hearth-overdue">1 overdue<\/strong>, 1 due today and 2 due this week, for the <a class="govuk-link" href="#children">3 children allocated to you<\/a>\./);
    // Most urgent first: the overdue section leads, each section in due-date order.
    assert.ok(page.body.indexOf('id="group-overdue"') < page.body.indexOf('id="group-today"'));
    assert.ok(page.body.indexOf('id="group-today"') < page.body.indexOf('id="group-this-week"'));
    assert.ok(page.body.indexOf('id="group-this-week"') < page.body.indexOf('id="group-coming-up"'));
    assert.ok(page.body.indexOf('id="group-coming-up"') < page.body.indexOf('id="group-later"'));
    assert.deepEqual(sectionHeading(page.body, 'overdue'), ['Overdue', '1']);
    assert.deepEqual(sectionHeading(page.body, 'today'), ['Due today', '1']);
    assert.deepEqual(sectionHeading(page.body, 'this-week'), ['Due this week', '2']);
    assert.deepEqual(sectionHeading(page.body, 'coming-up'), ['Coming up in the next 4 weeks', '1']);
    assert.deepEqual(sectionHeading(page.body, 'later'), ['Later', '2']);
    assert.match(page.body, /Due before today/);
    assert.match(page.body, /From tomorrow to Sunday 29 November 2026/);
    assert.match(page.body, /After this week, to Monday 21 December 2026/);
  });

  test('each row says what, for which child, when and how late in words, and why it is due', async () => {
    const client = await t.as('worker');
    const page = await client.get('/');
    const rows = (key: string) => section(page.body, key).map((r) => ({ what: r[0], child: childCellName(r[1]!), due: r[2] }));
    assert.deepEqual(rows('overdue'), [{ what: 'First core group 10 working days from the initial conference on 26 October 2026', child: 'Ava Able', due: 'Overdue by 10 working days Monday 9 November 2026' }]);
    assert.deepEqual(rows('today'), [
      { what: 'Decide the response to the referral 1 working day from the referral on 20 November 2026', child: 'Cara Clay', due: 'Due today Monday 23 November 2026' },
    ]);
    assert.deepEqual(rows('this-week'), [
      { what: 'Write up visit of 20 November 2026 2 working days from the visit on 20 November 2026', child: 'Ben Brown', due: 'Due tomorrow Tuesday 24 November 2026' },
      { what: 'CP statutory visit 10 working days from the last visit on 13 November 2026', child: 'Ava Able', due: 'Due in 4 working days Friday 27 November 2026' },
    ]);
    assert.deepEqual(rows('coming-up'), [
      { what: 'Child in need visit 20 working days from the last visit on 20 November 2026', child: 'Ben Brown', due: 'Due in 19 working days Friday 18 December 2026' },
    ]);
    assert.deepEqual(rows('later'), [
      { what: 'Review child protection conference 3 months from the initial conference on 26 October 2026', child: 'Ava Able', due: 'Due in 43 working days Tuesday 26 January 2027' },
      { what: 'Child in need plan review 3 months from the start of the plan on 2 November 2026', child: 'Ben Brown', due: 'Due in 48 working days Tuesday 2 February 2027' },
    ]);
    assert.match(page.body, /Show 2 items due later/, 'later items are folded away');
  });

  test('one click to the page that records each item', async () => {
    const client = await t.as('worker');
    const page = await client.get('/');
    // Each row links the child's name first, then the action: keep the actions.
    const actions = (key: string) => links(page.body, key).filter((_, i) => i % 2 === 1);
    assert.deepEqual(actions('overdue'), [['Record the core group: First core group for Ava Able', `/children/${id.ava}/core-groups/new`]]);
    assert.deepEqual(actions('today'), [
      ['Make the referral decision: Decide the response to the referral for Cara Clay', `/referrals/${id.caraEpisode}`],
    ]);
    assert.deepEqual(actions('this-week'), [
      ['Write up the visit: Write up visit of 20 November 2026 for Ben Brown', `/children/${id.ben}/visits/${id.benVisit}/write-up`],
      ['Record a visit: CP statutory visit for Ava Able', `/children/${id.ava}/visits/new`],
    ]);
    assert.deepEqual(actions('later'), [
      ['Record the review conference: Review child protection conference for Ava Able', `/children/${id.ava}/conferences/review/new`],
      ['Record the review: Child in need plan review for Ben Brown', `/children/${id.ben}/cin-plan/reviews/new`],
    ]);
    // The child's name links to the child's record.
    assert.deepEqual(links(page.body, 'overdue')[0], ['Ava Able', `/children/${id.ava}`]);
  });

  test('filters: by child and by kind of work; the counts at the top stay the whole tray’s', async () => {
    const client = await t.as('worker');
    const byChild = await client.get(`/?child=${id.ava}`);
    assert.equal(byChild.status, 200);
    const all = ['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => section(byChild.body, k));
    assert.equal(all.length, 3);
    assert.ok(all.every((r) => r[1]!.startsWith('Ava Able')));
    assert.match(byChild.body, /Showing 3 of 7 items: Ava Able\./);
    assert.match(byChild.body, /<option value="[^"]+" selected>Ava Able<\/option>/);
    assert.match(byChild.body, /1 overdue<\/strong>, 1 due today and 2 due this week/);

    const visits = await client.get('/?kind=visits');
    const visitRows = ['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => section(visits.body, k));
    assert.deepEqual(visitRows.map((r) => r[0]!.split(' ')[0]), ['CP', 'Child']);
    assert.match(visits.body, /Showing 2 of 7 items: visits\./);
    assert.match(visits.body, /Nothing is overdue\./);

    const both = await client.get(`/?child=${id.ben}&kind=write-ups`);
    assert.deepEqual(['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => section(both.body, k)).map((r) => r[0]!.slice(0, 31)), ['Write up visit of 20 November 2']);

    // Another worker's child, or a made-up filter, shows nothing of theirs and no error.
    const other = await client.get(`/?child=${id.dan}&kind=nonsense`);
    assert.equal(other.status, 200);
    assert.equal(['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => section(other.body, k)).length, 0);
  });

  test('the words follow the clock: on Thursday Ben’s write-up is overdue', async () => {
    t.clock.set(new Date('2026-11-26T09:00:00Z'));
    try {
      const client = await t.as('worker');
      const page = await client.get('/');
      const overdue = section(page.body, 'overdue').map((r) => `${childCellName(r[1]!)}: ${r[2]}`);
      assert.deepEqual(overdue, [
        'Ava Able: Overdue by 13 working days Monday 9 November 2026',
        'Cara Clay: Overdue by 3 working days Monday 23 November 2026',
        'Ben Brown: Overdue by 2 working days Tuesday 24 November 2026',
      ]);
      assert.deepEqual(section(page.body, 'today').map((r) => childCellName(r[1]!)), []);
    } finally {
      t.clock.set(NOW);
    }
  });

  test('case supervision is the manager’s (issue 9): not on the worker’s own tray, which says when each child is next discussed; the team worktray lists it by worker', async () => {
    const mine = await (await t.as('worker')).get('/');
    assert.doesNotMatch(mine.body, /Case supervision 1 month/, 'no supervision item of the worker’s own');
    assert.doesNotMatch(mine.body, /<option value="supervision"/, 'nor a kind of work to filter by');
    assert.deepEqual(tableRows(mine.body, 'my-children').map((r) => [childCellName(r[0]!), r[3]]), [
      ['Ava Able', '26 November 2026'],
      ['Ben Brown', '23 November 2026'],
      ['Cara Clay', '20 December 2026'],
    ]);
    // Sam's Dan was due for discussion on 1 October: the date, not an overdue item of Sam's.
    const sam = await (await t.as('sam')).get('/');
    assert.deepEqual(tableRows(sam.body, 'my-children').map((r) => [childCellName(r[0]!), r[3]]), [['Dan Dunn', 'Due since 1 October 2026']]);
    assert.deepEqual(section(sam.body, 'overdue').map((r) => r[0]!.split(' 2')[0]), ['Child in need visit']);
    const team = await (await t.as('teammgr')).get('/team?kind=supervision');
    assert.deepEqual(['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => section(team.body, k)).map((r) => [childCellName(r[1]!), r[3]]), [
      ['Dan Dunn', 'Sam Second'],
      ['Ben Brown', 'Wendy Worker'],
      ['Ava Able', 'Wendy Worker'],
      ['Cara Clay', 'Wendy Worker'],
    ]);
  });

  test('a worker with no children, a manager, an analyst and an administrator see an empty tray that points where their work is', async () => {
    const other = await (await t.as('iro')).get('/');
    assert.equal(other.status, 200);
    assert.match(other.body, /<h1 class="govuk-heading-l">Conferences and reviews<\/h1>/);
    const manager = await (await t.as('teammgr')).get('/');
    assert.match(manager.body, /href="\/team">Your team’s worktray/);
    const analyst = await (await t.as('analyst')).get('/');
    assert.match(analyst.body, /href="\/compliance">Compliance by team and rule/);
    const admin = await (await t.as('admin')).get('/');
    assert.match(admin.body, /href="\/admin\/settings">Local timescales and settings/);
    // The front door's home is still its queue.
    const mash = await (await t.as('mash')).get('/');
    assert.equal(mash.status, 302);
    assert.equal(mash.location, '/front-door');
  });

  test('navigation: My worktray for everyone but the front door; Team for managers; Compliance for service managers and analysts; Settings for administrators', async () => {
    const nav = async (user: string) => {
      const page = await (await t.as(user)).get(user === 'mash' ? '/front-door' : '/');
      // Only this feature's items (others add theirs, such as search).
      const mine = ['/', '/front-door', '/contacts/new', '/team', '/compliance', '/admin/settings'];
      return [...page.body.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((m) => m[1]).filter((h) => mine.includes(h!));
    };
    assert.deepEqual(await nav('worker'), ['/']);
    assert.deepEqual(await nav('teammgr'), ['/', '/team']);
    assert.deepEqual(await nav('servicemgr'), ['/', '/team', '/compliance']);
    assert.deepEqual(await nav('analyst'), ['/', '/compliance']);
    assert.deepEqual(await nav('admin'), ['/', '/admin/settings']);
    assert.deepEqual(await nav('mash'), ['/front-door', '/contacts/new']);
  });

  test('team worktray: caseloads against the guide pro rata to hours, overdue work and supervision by worker', async () => {
    const client = await t.as('teammgr');
    const page = await client.get('/team');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Assessment<\/h1>/);
    assert.deepEqual(tableRows(page.body, 'caseloads-table').map((r) => r.slice(0, 7)), [
      ['Sam Second Agency', '0.6', '1', '9', '8 under', '2', 'Not recorded 1 child overdue for case discussion'],
      ['Wendy Worker', '1.0', '3', '15', '12 under', '1', 'Not recorded'],
    ]);
    // A lower guide: Wendy is over, Sam (0.6 FTE) at it.
    await t.services.settings.setCaseloadGuide(t.ids.admin!, 2, 0);
    try {
      const again = await client.get('/team');
      assert.deepEqual(tableRows(again.body, 'caseloads-table').map((r) => [r[0], r[3], r[4]]), [
        ['Sam Second Agency', '1', 'At the guide'],
        ['Wendy Worker', '2', '1 over'],
      ]);
      assert.match(again.body, /1 worker over the caseload guide/);
      assert.match(again.body, /against the guide of 2 children for a full-time worker/);
    } finally {
      await t.services.settings.setCaseloadGuide(t.ids.admin!, 15, 1);
    }
  });

  test('team worktray: everyone’s work, with the worker; filter by worker and by kind', async () => {
    const client = await t.as('teammgr');
    const page = await client.get('/team');
    assert.match(page.body, /<strong class="hearth-overdue">3 overdue<\/strong> across the team; 2 children waiting for a worker; 0 workers over the caseload guide\./);
    assert.deepEqual(section(page.body, 'overdue').map((r) => [r[0]!.split(' 1')[0]!.split(' 2')[0], childCellName(r[1]!), r[2]!.replace(/ \w+day .*$/, ''), r[3]]), [
      ['Child in need visit', 'Dan Dunn', 'Overdue by 39 working days', 'Sam Second'],
      ['Case supervision', 'Dan Dunn', 'Overdue by 37 working days', 'Sam Second'],
      ['First core group', 'Ava Able', 'Overdue by 10 working days', 'Wendy Worker'],
    ]);
    // The manager may record supervision: the supervision item links to the supervision form.
    assert.ok(links(page.body, 'today').some(([text, href]) => text.startsWith('Record supervision') && href === `/supervision/new?worker=${t.ids.worker}`));
    const sam = await client.get(`/team?worker=${t.ids.sam}`);
    const samRows = ['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => section(sam.body, k));
    assert.ok(samRows.length > 0 && samRows.every((r) => r[3] === 'Sam Second'));
    assert.match(sam.body, /Showing \d+ of \d+ items: Sam Second\./);
    const supervision = await client.get('/team?kind=supervision');
    const supRows = ['overdue', 'today', 'this-week', 'coming-up', 'later'].flatMap((k) => section(supervision.body, k));
    assert.deepEqual(supRows.map((r) => childCellName(r[1]!)), ['Dan Dunn', 'Ben Brown', 'Ava Able', 'Cara Clay']);
    // Another team's child is not on this team's tray.
    assert.doesNotMatch(page.body, /Olly Other/);
  });

  test('team worktray: unallocated children (open episode, no worker), longest waiting first, each with a link to allocate', async () => {
    const client = await t.as('teammgr');
    const page = await client.get('/team');
    const rows = tableRows(page.body, 'unallocated-table').map((r) => [childCellName(r[0]!), r[1], r[2], r[3]]);
    assert.deepEqual(rows, [
      ['Gus Gap', '5 October 2026', '35 working days since the referral', 'Sam Second'],
      ['Eve Early', '16 November 2026', '5 working days since the referral', 'None before'],
    ]);
    assert.match(page.body, new RegExp(`href="/children/${id.eve}/allocate">Allocate<span class="govuk-visually-hidden"> Eve Early</span>`));
    // The MASH's child is the service manager's to see (MASH is in the line), not the Assessment manager's.
    assert.doesNotMatch(page.body, /Finn Front/);
    const service = await (await t.as('servicemgr')).get(`/team?team=${t.ids['team:MASH']}`);
    assert.equal(service.status, 200);
    assert.deepEqual(tableRows(service.body, 'unallocated-table').map((r) => childCellName(r[0]!)), ['Finn Front']);
  });

  test('team worktray: a service manager chooses among the teams of their line; a team outside it falls back to theirs', async () => {
    const client = await t.as('servicemgr');
    const page = await client.get('/team');
    assert.match(page.body, /<option value="[^"]+" selected>Assessment<\/option>/);
    assert.match(page.body, /<option value="[^"]+">MASH<\/option>/);
    assert.doesNotMatch(page.body, />Other Team</);
    const outside = await client.get(`/team?team=${t.ids['team:Other Team']}`);
    assert.equal(outside.status, 200);
    assert.doesNotMatch(outside.body, /Olly Other/);
  });

  test('access: only managers see /team (404 for everyone else)', async () => {
    for (const user of ['worker', 'analyst', 'iro', 'admin', 'mash', 'commissioner']) {
      assert.equal((await (await t.as(user)).get('/team')).status, 404, user);
    }
  });
});
