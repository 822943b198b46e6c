/**
 * Every front-door form, given bad input the way a MASH worker might type it: the page comes back
 * with status 400, the GOV.UK error summary linking to each field, the message beside the field,
 * what the worker typed still in the form, and nothing written.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browserless } from '../../../test/support/browserless.js';
import { errorSummary, hiddenValue } from '../../../test/support/browserless.js';
import {
  RECEIVING_TEAM,
  checkedValues,
  frontDoorCounts,
  hasElementWithId,
  inlineError,
  inputValue,
  newChildContactFields,
  optionValue,
  seedContact,
  seedDecision,
  selectedOption,
  textareaValue,
} from '../../../test/support/front-door.js';
import { type TestApp, createTestApp } from '../../../test/support/test-app.js';

const EMPTY_PERSON = { givenName: '', familyName: '', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', nhsNumber: '' };

/** Each error summary link must land on a field that is on the page, and the field shows the same message. */
function assertErrorsLinked(html: string, expected: string[], inline: Record<string, string> = {}) {
  assert.deepEqual(errorSummary(html), expected);
  for (const entry of expected) {
    const anchor = entry.slice(0, entry.indexOf(':'));
    assert.ok(hasElementWithId(html, anchor), `the summary links to #${anchor}, which must be on the page`);
  }
  for (const [id, message] of Object.entries(inline)) assert.equal(inlineError(html, id), message, `inline message for ${id}`);
  assert.match(html, /<title>Error: /, 'the page title starts "Error:"');
}

describe('front-door forms refuse bad input, say why, keep what was typed and write nothing', () => {
  let t: TestApp;
  let mash: Browserless;
  before(async () => {
    // Monday 23 November 2026, 10:00 in London (GMT).
    t = await createTestApp({ now: new Date('2026-11-23T10:00:00Z') });
    mash = await t.as('mash');
    await mash.get('/contacts/new');
  });
  after(async () => t.close());

  describe('find the child (POST /contacts/find)', () => {
    test('neither a last name nor an NHS number: asks for one of them, and keeps the first name', async () => {
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, givenName: 'Lily' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['familyName: Enter the child’s last name, or their NHS number'], { familyName: 'Enter the child’s last name, or their NHS number' });
      assert.equal(inputValue(res.body, 'givenName'), 'Lily');
      assert.deepEqual(await frontDoorCounts(t), before);
    });

    const FORMAT = 'NHS number must be 10 digits, like 485 777 3456';
    const CHECK = 'Check the NHS number: it is not a real NHS number (a digit may be wrong)';
    for (const [typed, why, message] of [
      ['12345', 'too few digits', FORMAT],
      ['94347659AB', 'letters', FORMAT],
      ['94347659190', 'too many digits', FORMAT],
      ['9434765918', 'a wrong check digit (9434765919 is valid)', CHECK],
      ['485 777 3456', 'the example in the hint, whose check digit is wrong (4857773457 is valid)', CHECK],
    ] as const) {
      test(`an NHS number with ${why} ("${typed}") is refused, saying what is wrong, and shown back as typed`, async () => {
        const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName: 'Evans', nhsNumber: typed });
        assert.equal(res.status, 400);
        assertErrorsLinked(res.body, [`nhsNumber: ${message}`], { nhsNumber: message });
        assert.equal(inputValue(res.body, 'nhsNumber'), typed);
        assert.equal(inputValue(res.body, 'familyName'), 'Evans');
      });
    }

    test('a valid NHS number with spaces or hyphens is accepted on its own', async () => {
      for (const typed of ['943 476 5919', '943-476-5919', '4857773457']) {
        const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, nhsNumber: typed });
        assert.equal(res.status, 200, typed);
        assert.deepEqual(errorSummary(res.body), []);
        assert.match(res.body, /No child found/);
      }
    });

    test('an impossible date of birth (31 2 2020) must be a real date, linking to the day field', async () => {
      const res = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName: 'Evans', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2020' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['dateOfBirth-day: Date of birth must be a real date'], { dateOfBirth: 'Date of birth must be a real date' });
      assert.deepEqual([inputValue(res.body, 'dateOfBirth-day'), inputValue(res.body, 'dateOfBirth-month'), inputValue(res.body, 'dateOfBirth-year')], ['31', '2', '2020']);
      assert.match(res.body, /id="dateOfBirth-day" name="dateOfBirth-day"[^>]*/);
      assert.match(res.body, /govuk-input--error" id="dateOfBirth-day"/, 'the date parts are highlighted');
    });

    test('a partial date of birth says which part is missing and links to it', async () => {
      const noMonth = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName: 'Evans', 'dateOfBirth-day': '3', 'dateOfBirth-year': '2015' });
      assert.equal(noMonth.status, 400);
      assertErrorsLinked(noMonth.body, ['dateOfBirth-month: Date of birth must include a month'], { dateOfBirth: 'Date of birth must include a month' });
      assert.equal(inputValue(noMonth.body, 'dateOfBirth-day'), '3');
      assert.equal(inputValue(noMonth.body, 'dateOfBirth-year'), '2015');

      const yearOnly = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName: 'Evans', 'dateOfBirth-year': '2015' });
      assert.equal(yearOnly.status, 400);
      assertErrorsLinked(yearOnly.body, ['dateOfBirth-day: Date of birth must include a day and month']);

      const twoDigitYear = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName: 'Evans', 'dateOfBirth-day': '3', 'dateOfBirth-month': '5', 'dateOfBirth-year': '15' });
      assert.equal(twoDigitYear.status, 400);
      assertErrorsLinked(twoDigitYear.body, ['dateOfBirth-day: Date of birth must be a real date']);
    });

    test('an unborn child may be searched for up to 40 weeks ahead, not further', async () => {
      const within = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName: 'Evans', 'dateOfBirth-day': '1', 'dateOfBirth-month': '6', 'dateOfBirth-year': '2027' });
      assert.equal(within.status, 200);
      const beyond = await mash.post('/contacts/find', { ...EMPTY_PERSON, familyName: 'Evans', 'dateOfBirth-day': '1', 'dateOfBirth-month': '10', 'dateOfBirth-year': '2027' });
      assert.equal(beyond.status, 400);
      assertErrorsLinked(beyond.body, ['dateOfBirth-day: Date of birth must be no more than 40 weeks from today']);
    });
  });

  describe('record a contact for a new child (POST /contacts)', () => {
    async function refused(fields: Record<string, string>) {
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts', newChildContactFields(fields));
      assert.equal(res.status, 400, res.location ?? '');
      assert.deepEqual(await frontDoorCounts(t), before, 'nothing is written');
      return res;
    }

    test('missing first and last names: both are asked for; the rest of the form is kept', async () => {
      const res = await refused({ givenName: '', familyName: '  ', concerns: 'Neighbour heard shouting', receivedTime: '08:40', source: '6', referrerName: 'PC Smith' });
      assertErrorsLinked(res.body, ['givenName: Enter the child’s first name', 'familyName: Enter the child’s last name'], { givenName: 'Enter the child’s first name', familyName: 'Enter the child’s last name' });
      assert.equal(textareaValue(res.body, 'concerns'), 'Neighbour heard shouting');
      assert.equal(inputValue(res.body, 'receivedTime'), '08:40');
      assert.equal(inputValue(res.body, 'referrerName'), 'PC Smith');
      assert.equal(selectedOption(res.body, 'source'), '6');
      assert.deepEqual(checkedValues(res.body, 'sex'), ['F']);
      assert.equal(inputValue(res.body, 'dateOfBirth-day'), '3');
    });

    test('missing received date and time: both are asked for', async () => {
      const res = await refused({ 'receivedAt-day': '', 'receivedAt-month': '', 'receivedAt-year': '', receivedTime: '' });
      assertErrorsLinked(res.body, ['receivedAt-day: Enter the date the contact was received', 'receivedTime: Enter the time the contact was received'], {
        receivedAt: 'Enter the date the contact was received',
        receivedTime: 'Enter the time the contact was received',
      });
      assert.equal(inputValue(res.body, 'givenName'), 'Lily');
    });

    test('a received date in the future (tomorrow) is refused', async () => {
      const res = await refused({ 'receivedAt-day': '24' });
      assertErrorsLinked(res.body, ['receivedAt-day: Date the contact was received must be today or in the past'], { receivedAt: 'Date the contact was received must be today or in the past' });
      assert.equal(inputValue(res.body, 'receivedAt-day'), '24');
    });

    test('a received time later today (11:30 when it is 10:00) is refused', async () => {
      const res = await refused({ receivedTime: '11:30' });
      assertErrorsLinked(res.body, ['receivedTime: Time the contact was received must be in the past'], { receivedTime: 'Time the contact was received must be in the past' });
      assert.equal(inputValue(res.body, 'receivedTime'), '11:30');
    });

    for (const [typed, problem] of [['25:00', 'a real time'], ['9', 'a time'], ['10:75', 'a real time'], ['noon', 'a time']] as const) {
      test(`a received time that is not a time ("${typed}") is refused and shown back`, async () => {
        const res = await refused({ receivedTime: typed });
        const message = `Time the contact was received must be ${problem}, like 09:30 or 2:15pm`;
        assertErrorsLinked(res.body, [`receivedTime: ${message}`], { receivedTime: message });
        assert.equal(inputValue(res.body, 'receivedTime'), typed);
      });
    }

    test('no source, or a source that is not a CIN census code, asks who the contact came from', async () => {
      for (const source of ['', 'ZZ', '11']) {
        const res = await refused({ source });
        assertErrorsLinked(res.body, ['source: Select who the contact came from'], { source: 'Select who the contact came from' });
        assert.equal(selectedOption(res.body, 'source'), null, 'nothing selected');
      }
    });

    test('no concerns (or only spaces) asks for the concerns raised', async () => {
      const res = await refused({ concerns: '   \n ' });
      assertErrorsLinked(res.body, ['concerns: Enter the concerns raised'], { concerns: 'Enter the concerns raised' });
    });

    test('with every field wrong, the summary lists each error once, in the order of the page', async () => {
      const res = await refused({
        givenName: '',
        familyName: '',
        'dateOfBirth-day': '31',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '2020',
        nhsNumber: '123',
        'receivedAt-day': '',
        'receivedAt-month': '11',
        'receivedAt-year': '',
        receivedTime: '25:00',
        source: '',
        concerns: '',
      });
      assertErrorsLinked(res.body, [
        'givenName: Enter the child’s first name',
        'familyName: Enter the child’s last name',
        'dateOfBirth-day: Date of birth must be a real date',
        'nhsNumber: NHS number must be 10 digits, like 485 777 3456',
        'receivedAt-day: Date the contact was received must include a day and year',
        'receivedTime: Time the contact was received must be a real time, like 09:30 or 2:15pm',
        'source: Select who the contact came from',
        'concerns: Enter the concerns raised',
      ]);
      assert.equal(inputValue(res.body, 'nhsNumber'), '123');
      assert.equal(inputValue(res.body, 'receivedAt-month'), '11');
    });

    test('a date of birth more than 40 weeks ahead is refused on the contact form (CIN census rule 8606)', async () => {
      const res = await refused({ 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2028' });
      assertErrorsLinked(res.body, ['dateOfBirth-day: Date of birth must be in the past, or for an unborn child no more than 40 weeks from today']);
    });

    test('the re-rendered form keeps its one-time token, and the worker chosen to triage it', async () => {
      const fields = newChildContactFields({ concerns: '', assignedWorkerId: t.ids.mash2! });
      const res = await mash.post('/contacts', fields);
      assert.equal(res.status, 400);
      assert.equal(hiddenValue(res.body, 'formToken', '/contacts'), fields.formToken);
      assert.equal(selectedOption(res.body, 'assignedWorkerId'), t.ids.mash2);
    });

    test('very long text over the maximum is refused with the limit, field by field', async () => {
      const res = await refused({ givenName: 'A'.repeat(101), referrerName: 'R'.repeat(201), concerns: 'c'.repeat(10_001) });
      assertErrorsLinked(res.body, [
        'givenName: First name must be 100 characters or fewer',
        'referrerName: Referrer’s name must be 200 characters or fewer',
        'concerns: Concerns must be 10,000 characters or fewer',
      ]);
      assert.equal(inputValue(res.body, 'givenName'), 'A'.repeat(101), 'what was typed is kept so it can be shortened');
      assert.equal(textareaValue(res.body, 'concerns')!.length, 10_001);
    });

    test('text at exactly the maximum is accepted', async () => {
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts', newChildContactFields({ givenName: 'A'.repeat(100), familyName: 'Maxlength', concerns: 'c'.repeat(10_000) }));
      assert.equal(res.status, 303);
      assert.equal((await frontDoorCounts(t)).contacts, before.contacts + 1);
    });
  });

  describe('record a contact for a known child (POST /contacts with personId)', () => {
    test('only the contact fields are asked for; the page stays about the same child', async () => {
      const { personId } = await seedContact(t, { person: { givenName: 'Harry', familyName: 'Known' } });
      const form = await mash.get(`/contacts/new?person=${personId}`);
      assert.equal(form.status, 200);
      const before = await frontDoorCounts(t);
      const res = await mash.post('/contacts', {
        personId,
        'receivedAt-day': '31',
        'receivedAt-month': '2',
        'receivedAt-year': '2026',
        receivedTime: '',
        source: '',
        concerns: '',
        referrerOrganisation: 'St Mungo’s',
        formToken: hiddenValue(form.body, 'formToken', '/contacts')!,
      });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, [
        'receivedAt-day: Date the contact was received must be a real date',
        'receivedTime: Enter the time the contact was received',
        'source: Select who the contact came from',
        'concerns: Enter the concerns raised',
      ]);
      assert.match(res.body, /Contact about Harry Known/);
      assert.equal(hiddenValue(res.body, 'personId', '/contacts'), personId);
      assert.equal(inputValue(res.body, 'referrerOrganisation'), 'St Mungo’s');
      assert.equal(inputValue(res.body, 'receivedAt-day'), '31');
      assert.doesNotMatch(res.body, /name="givenName"/, 'no name fields for a known child');
      assert.deepEqual(await frontDoorCounts(t), before);
    });
  });

  describe('RAG rating (POST /contacts/:id/rating)', () => {
    test('no rating asks for one, keeps the reason, and writes no rating', async () => {
      const { contactId } = await seedContact(t);
      const page = await mash.get(`/contacts/${contactId}`);
      const action = `/contacts/${contactId}/rating`;
      const before = await frontDoorCounts(t);
      const res = await mash.post(action, { reason: 'Waiting for the school', version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)! });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['rating: Select a RAG rating'], { rating: 'Select a RAG rating' });
      assert.equal(textareaValue(res.body, 'reason'), 'Waiting for the school');
      assert.deepEqual(await frontDoorCounts(t), before);
    });

    test('a rating that is not red, amber or green is refused; an over-long reason is refused with the rating kept', async () => {
      const { contactId } = await seedContact(t);
      const page = await mash.get(`/contacts/${contactId}`);
      const action = `/contacts/${contactId}/rating`;
      const before = await frontDoorCounts(t);
      const blue = await mash.post(action, { rating: 'blue', reason: '', version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)! });
      assert.equal(blue.status, 400);
      assertErrorsLinked(blue.body, ['rating: Select a RAG rating']);
      const long = await mash.post(action, { rating: 'amber', reason: 'r'.repeat(2001), version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)! });
      assert.equal(long.status, 400);
      assertErrorsLinked(long.body, ['reason: Reason must be 2,000 characters or fewer'], { reason: 'Reason must be 2,000 characters or fewer' });
      assert.deepEqual(checkedValues(long.body, 'rating'), ['amber']);
      assert.deepEqual(await frontDoorCounts(t), before);
    });
  });

  describe('MASH decision (POST /contacts/:id/decision)', () => {
    async function decisionForm(contactId: string) {
      const page = await mash.get(`/contacts/${contactId}`);
      const action = `/contacts/${contactId}/decision`;
      return {
        action,
        // The receiving team chosen, so that each test is about the field it names.
        hidden: { version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)!, hasOpenEpisode: hiddenValue(page.body, 'hasOpenEpisode', action)!, receivingTeamId: optionValue(page.body, 'receivingTeamId', RECEIVING_TEAM)! },
      };
    }
    async function undecided(contactId: string) {
      const [row] = await t.db.query<{ decision: string | null }>('select decision from contacts where id = $1', [contactId]);
      return row!.decision === null;
    }

    test('no decision and no rationale: both are asked for', async () => {
      const { contactId } = await seedContact(t);
      const { action, hidden } = await decisionForm(contactId);
      const before = await frontDoorCounts(t);
      const res = await mash.post(action, { ...hidden, rationale: '', primaryNeedCode: '' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['decision: Select the decision', 'rationale: Enter the rationale for the decision'], { decision: 'Select the decision', rationale: 'Enter the rationale for the decision' });
      assert.deepEqual(await frontDoorCounts(t), before);
      assert.ok(await undecided(contactId));
    });

    test('a referral without a primary need asks for it (before the rationale, as on the page); the decision and rationale are kept', async () => {
      const { contactId } = await seedContact(t);
      const { action, hidden } = await decisionForm(contactId);
      const before = await frontDoorCounts(t);
      const res = await mash.post(action, { ...hidden, decision: 'referral', primaryNeedCode: '', rationale: '' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['primaryNeedCode: Select the primary need', 'rationale: Enter the rationale for the decision'], { primaryNeedCode: 'Select the primary need' });
      const again = await mash.post(action, { ...hidden, decision: 'referral', primaryNeedCode: '', rationale: 'Threshold met: injuries' });
      assert.equal(again.status, 400);
      assertErrorsLinked(again.body, ['primaryNeedCode: Select the primary need']);
      assert.deepEqual(checkedValues(again.body, 'decision'), ['referral']);
      assert.equal(textareaValue(again.body, 'rationale'), 'Threshold met: injuries');
      assert.deepEqual(await frontDoorCounts(t), before, 'no episode opened');
      assert.ok(await undecided(contactId));
    });

    test('a strategy discussion needs a primary need too; a primary need that is not a CIN code is refused', async () => {
      const { contactId } = await seedContact(t);
      const { action, hidden } = await decisionForm(contactId);
      const before = await frontDoorCounts(t);
      const res = await mash.post(action, { ...hidden, decision: 'strategy_discussion', primaryNeedCode: 'N99', rationale: 'Serious injury' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['primaryNeedCode: Select the primary need']);
      assert.deepEqual(await frontDoorCounts(t), before);
    });

    test('a primary need chosen with a failing decision stays selected', async () => {
      const { contactId } = await seedContact(t);
      const { action, hidden } = await decisionForm(contactId);
      const res = await mash.post(action, { ...hidden, decision: 'referral', primaryNeedCode: 'N4', rationale: '' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['rationale: Enter the rationale for the decision']);
      assert.equal(selectedOption(res.body, 'primaryNeedCode'), 'N4');
    });

    test('a forged "has an open episode" cannot skip the primary need: the service still asks for it', async () => {
      const { contactId } = await seedContact(t);
      const { action, hidden } = await decisionForm(contactId);
      const before = await frontDoorCounts(t);
      const res = await mash.post(action, { ...hidden, hasOpenEpisode: 'yes', decision: 'referral', primaryNeedCode: '', rationale: 'Threshold met' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['primaryNeedCode: Select the primary need']);
      assert.deepEqual(await frontDoorCounts(t), before);
      assert.ok(await undecided(contactId));
    });
  });

  describe('referral decision (POST /referrals/:id/decision)', () => {
    test('no response and no rationale: both are asked for, nothing is decided', async () => {
      const { contactId } = await seedContact(t);
      const next = await seedDecision(t, contactId, 'referral', 'N1');
      assert.match(next, /^\/referrals\//);
      const page = await mash.get(next);
      const action = `${next}/decision`;
      const hidden = { version: hiddenValue(page.body, 'version', action)!, formToken: hiddenValue(page.body, 'formToken', action)! };
      const res = await mash.post(action, { ...hidden, rationale: '' });
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['decision: Select the response to the referral', 'rationale: Enter the rationale for the decision'], { decision: 'Select the response to the referral', rationale: 'Enter the rationale for the decision' });

      const noRationale = await mash.post(action, { ...hidden, decision: 'nfa', rationale: '' });
      assert.equal(noRationale.status, 400);
      assertErrorsLinked(noRationale.body, ['rationale: Enter the rationale for the decision']);
      assert.deepEqual(checkedValues(noRationale.body, 'decision'), ['nfa']);

      const bogus = await mash.post(action, { ...hidden, decision: 'section_47', rationale: 'x' });
      assert.equal(bogus.status, 400);
      assertErrorsLinked(bogus.body, ['decision: Select the response to the referral']);
      assert.equal(textareaValue(bogus.body, 'rationale'), 'x');

      const [episode] = await t.db.query<{ referral_decision: string | null; closure_date: string | null }>('select referral_decision, closure_date from cin_episodes where id = $1', [next.split('/').at(-1)]);
      assert.deepEqual(episode, { referral_decision: null, closure_date: null });
    });
  });

  describe('hostile input', () => {
    test('HTML and script in the concerns and the name are shown as text on the contact page, the worktray and the chronology', async () => {
      const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
      const res = await mash.post('/contacts', newChildContactFields({ givenName: '<b>Bobby</b>', familyName: 'Tables<script>alert(2)</script>', concerns: hostile }));
      assert.equal(res.status, 303);
      const contactPage = await mash.get(res.location!);
      const tray = await mash.get('/front-door');
      const personId = /href="\/children\/([0-9a-f-]{36})"/.exec(contactPage.body)![1]!;
      const child = await mash.get(`/children/${personId}`);
      for (const [name, page] of [['contact page', contactPage], ['worktray', tray], ['child page', child]] as const) {
        assert.equal(page.status, 200, name);
        assert.doesNotMatch(page.body, /<script>alert/, `${name}: no raw script`);
        assert.doesNotMatch(page.body, /<img src=x/, `${name}: no raw img`);
        assert.doesNotMatch(page.body, /<b>Bobby/, `${name}: no raw markup in the name`);
        assert.match(page.body, /&lt;b&gt;Bobby&lt;\/b&gt;/, `${name}: the name is shown as typed`);
      }
      for (const [name, page] of [['contact page', contactPage], ['child page (chronology)', child]] as const) {
        assert.match(page.body, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/, `${name}: the concerns are shown as text`);
      }
    });

    test('a hostile personId or contact id is a page not found, not an error', async () => {
      assert.equal((await mash.get('/contacts/new?person=%27%20or%201=1--')).status, 404);
      assert.equal((await mash.get('/contacts/not-a-uuid')).status, 404);
      assert.equal((await mash.get('/contacts/00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await mash.get('/referrals/00000000-0000-4000-8000-000000000000')).status, 404);
    });

    test('a version that is not a whole number (a forged form) is refused as an expired form, not a server error', async () => {
      const { contactId } = await seedContact(t);
      const referral = await seedDecision(t, (await seedContact(t)).contactId, 'referral', 'N1');
      await mash.get(`/contacts/${contactId}`);
      const before = await frontDoorCounts(t);
      const expired = 'main-content: This form has expired. Reload the page and enter the details again.';
      for (const version of ['abc', '1.5', '99999999999', '-1']) {
        const formToken = crypto.randomUUID();
        const rating = await mash.post(`/contacts/${contactId}/rating`, { version, formToken, rating: 'red', reason: '' });
        assert.equal(rating.status, 400, `rating, version ${version}`);
        assert.deepEqual(errorSummary(rating.body), [expired]);
        const decision = await mash.post(`/contacts/${contactId}/decision`, { version, formToken, hasOpenEpisode: 'no', decision: 'nfa', rationale: 'x' });
        assert.equal(decision.status, 400, `decision, version ${version}`);
        assert.deepEqual(errorSummary(decision.body), [expired]);
        const response = await mash.post(`${referral}/decision`, { version, formToken, decision: 'nfa', rationale: 'x' });
        assert.equal(response.status, 400, `referral decision, version ${version}`);
        assert.deepEqual(errorSummary(response.body), [expired]);
      }
      assert.deepEqual(await frontDoorCounts(t), before);
    });

    test('assigning the contact to someone who is not an active MASH worker (a forged choice) is refused, not a server error', async () => {
      for (const assignedWorkerId of ['00000000-0000-4000-8000-000000000000', t.ids.worker!]) {
        const before = await frontDoorCounts(t);
        const res = await mash.post('/contacts', newChildContactFields({ givenName: 'Assign', familyName: 'Nobody', assignedWorkerId }));
        assert.equal(res.status, 400, assignedWorkerId);
        assertErrorsLinked(res.body, ['assignedWorkerId: Select the MASH worker to triage it'], { assignedWorkerId: 'Select the MASH worker to triage it' });
        assert.equal(textareaValue(res.body, 'concerns'), 'Bruise on her arm');
        assert.deepEqual(await frontDoorCounts(t), before, 'no child and no contact');
      }
      const ok = await mash.post('/contacts', newChildContactFields({ givenName: 'Assign', familyName: 'Mia', assignedWorkerId: t.ids.mash2! }));
      assert.equal(ok.status, 303);
    });

    test('a repeated field (sent twice) takes the last value and is not a server error', async () => {
      const before = await frontDoorCounts(t);
      const fields: Record<string, string | string[]> = { ...newChildContactFields(), concerns: ['first', ''] };
      const res = await mash.post('/contacts', fields);
      assert.equal(res.status, 400);
      assertErrorsLinked(res.body, ['concerns: Enter the concerns raised']);
      assert.deepEqual(await frontDoorCounts(t), before);
    });
  });
});
