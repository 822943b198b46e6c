import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nhsCheckDigitValid } from '../features/front-door/front-door.schema.js';
import { FormReader, errorView } from './form-reader.js';

/** Reads one thing from a fresh form and returns what it read and the errors. */
function read<T>(body: Record<string, unknown>, fn: (form: FormReader) => T): { value: T; errors: string[] } {
  const form = new FormReader(body);
  const value = fn(form);
  return { value, errors: form.errors.map((e) => `${e.field}: ${e.message}`) };
}

describe('FormReader.raw and .all: what the browser sent', () => {
  test('a missing field is the empty string; a repeated field reads as its last value', () => {
    const form = new FormReader({ a: 'x', b: ['first', 'last'], c: 3 });
    assert.equal(form.raw('missing'), '');
    assert.equal(form.raw('a'), 'x');
    assert.equal(form.raw('b'), 'last');
    assert.equal(form.raw('c'), '', 'only strings count');
  });

  test('all() gives every value of a repeated field (checkboxes), none for an empty one', () => {
    const form = new FormReader({ kinds: ['rag', 'contact'], one: 'rag', empty: '' });
    assert.deepEqual(form.all('kinds'), ['rag', 'contact']);
    assert.deepEqual(form.all('one'), ['rag']);
    assert.deepEqual(form.all('empty'), []);
    assert.deepEqual(form.all('missing'), []);
  });

  test('every error is collected, one per field (the first), and ok says whether there were any', () => {
    const form = new FormReader({});
    assert.equal(form.ok, true);
    form.fail('a', 'first');
    form.fail('a', 'second');
    form.fail('b', 'other');
    assert.equal(form.ok, false);
    assert.deepEqual(form.errors, [{ field: 'a', message: 'first' }, { field: 'b', message: 'other' }]);
  });
});

describe('FormReader.text', () => {
  const cases: [string, string | undefined, Parameters<FormReader['text']>[1], string | null, string[]][] = [
    // why, typed, options, value, errors
    ['trimmed', '  Lily  ', {}, 'Lily', []],
    ['empty and optional: null, no error', '', {}, null, []],
    ['only spaces counts as empty', '   ', { required: 'Enter the child’s first name' }, null, ['f: Enter the child’s first name']],
    ['missing and required: the given message', undefined, { required: 'Enter the concerns raised' }, null, ['f: Enter the concerns raised']],
    ['at the maximum', 'a'.repeat(100), { max: 100, label: 'First name' }, 'a'.repeat(100), []],
    ['over the maximum: "<label> must be N characters or fewer"', 'a'.repeat(101), { max: 100, label: 'First name' }, null, ['f: First name must be 100 characters or fewer']],
    ['the length is counted after trimming', ` ${'a'.repeat(100)} `, { max: 100, label: 'First name' }, 'a'.repeat(100), []],
    ['over the maximum without a label', 'abc', { max: 2 }, null, ['f: This must be 2 characters or fewer']],
    ['a pattern that matches', 'AB12', { pattern: [/^[A-Z0-9]+$/, 'Use capital letters and digits'] }, 'AB12', []],
    ['a pattern that does not', 'ab-12', { pattern: [/^[A-Z0-9]+$/, 'Use capital letters and digits'] }, null, ['f: Use capital letters and digits']],
  ];
  for (const [why, typed, options, value, errors] of cases) {
    test(why, () => {
      assert.deepEqual(read(typed === undefined ? {} : { f: typed }, (f) => f.text('f', options)), { value, errors });
    });
  }
});

describe('FormReader.choice', () => {
  const ALLOWED = ['red', 'amber', 'green'] as const;
  const cases: [string, string | undefined, string | null, string[]][] = [
    ['an allowed value', 'amber', 'amber', []],
    ['nothing chosen', undefined, null, ['rating: Select a RAG rating']],
    ['an empty value', '', null, ['rating: Select a RAG rating']],
    ['a value not offered (forged)', 'blue', null, ['rating: Select a RAG rating']],
    ['case matters', 'Red', null, ['rating: Select a RAG rating']],
  ];
  for (const [why, typed, value, errors] of cases) {
    test(why, () => {
      assert.deepEqual(read(typed === undefined ? {} : { rating: typed }, (f) => f.choice('rating', ALLOWED, 'Select a RAG rating')), { value, errors });
    });
  }
});

describe('FormReader.date: a GOV.UK date input; the error links to the first part that is wrong', () => {
  const LABEL = 'Date of birth';
  const cases: [string, [string, string, string], { required?: boolean; notAfter?: string; notBefore?: string }, string | null, string[]][] = [
    // why, [day, month, year], options, value, errors
    ['a real date', ['3', '5', '2015'], {}, '2015-05-03', []],
    ['leading zeros and spaces', [' 03 ', '05', ' 2015'], {}, '2015-05-03', []],
    ['29 February in a leap year', ['29', '2', '2024'], {}, '2024-02-29', []],
    ['29 February in a common year', ['29', '2', '2023'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['31 February', ['31', '2', '2020'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['31 April', ['31', '4', '2020'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['month 13', ['1', '13', '2020'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['day 0', ['0', '1', '2020'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['letters', ['a', '1', '2020'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['a two-digit year', ['3', '5', '15'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['a year before 1900', ['3', '5', '1899'], {}, null, ['dob-day: Date of birth must be a real date']],
    ['all empty and required: "Enter the date of birth"', ['', '', ''], {}, null, ['dob-day: Enter the date of birth']],
    ['all empty and optional: null, no error', ['', '', ''], { required: false }, null, []],
    ['no month: links to the month', ['3', '', '2015'], {}, null, ['dob-month: Date of birth must include a month']],
    ['no year: links to the year', ['3', '5', ''], {}, null, ['dob-year: Date of birth must include a year']],
    ['no day and no month: links to the day', ['', '', '2015'], {}, null, ['dob-day: Date of birth must include a day and month']],
    ['no day and no year', ['', '5', ''], {}, null, ['dob-day: Date of birth must include a day and year']],
    ['partial even when optional', ['3', '', ''], { required: false }, null, ['dob-month: Date of birth must include a month and year']],
    ['on the latest allowed day', ['23', '11', '2026'], { notAfter: '2026-11-23' }, '2026-11-23', []],
    ['after the latest allowed day: the default message', ['24', '11', '2026'], { notAfter: '2026-11-23' }, null, ['dob-day: Date of birth must be today or in the past']],
    ['on the earliest allowed day', ['1', '1', '2000'], { notBefore: '2000-01-01' }, '2000-01-01', []],
    ['before the earliest allowed day: the default message', ['31', '12', '1999'], { notBefore: '2000-01-01' }, null, ['dob-day: Date of birth is too early']],
  ];
  for (const [why, [day, month, year], options, value, errors] of cases) {
    test(why, () => {
      const body = { 'dob-day': day, 'dob-month': month, 'dob-year': year };
      assert.deepEqual(read(body, (f) => f.date('dob', { label: LABEL, ...(options as object) })), { value, errors });
    });
  }

  test('custom messages for a date out of range', () => {
    const late = read({ 'd-day': '2', 'd-month': '1', 'd-year': '2027' }, (f) => f.date('d', { label: 'Date received', notAfter: '2026-11-23' as never, notAfterMessage: 'Date received must be today or in the past' }));
    assert.deepEqual(late.errors, ['d-day: Date received must be today or in the past']);
    const early = read({ 'd-day': '2', 'd-month': '1', 'd-year': '2020' }, (f) => f.date('d', { label: 'Date received', notBefore: '2026-01-01' as never, notBeforeMessage: 'Date received must be in 2026' }));
    assert.deepEqual(early.errors, ['d-day: Date received must be in 2026']);
  });
});

describe('FormReader.time: 24-hour or am/pm, normalised to HH:MM', () => {
  const LABEL = 'Time the contact was received';
  const NOT_A_TIME = `t: ${LABEL} must be a time, like 09:30 or 2:15pm`;
  const NOT_REAL = `t: ${LABEL} must be a real time, like 09:30 or 2:15pm`;
  const cases: [string, string, string | null, string[]][] = [
    ['14:05', '14:05', '14:05', []],
    ['a single-digit hour', '9:30', '09:30', []],
    ['a dot instead of a colon', '9.30', '09:30', []],
    ['midnight', '00:00', '00:00', []],
    ['23:59', '23:59', '23:59', []],
    ['2:15pm', '2:15pm', '14:15', []],
    ['2pm (no minutes with am/pm)', '2pm', '14:00', []],
    ['spaces and capitals: "2:15 PM"', ' 2:15 PM ', '14:15', []],
    ['12am is midnight', '12am', '00:00', []],
    ['12pm is midday', '12pm', '12:00', []],
    ['12:30am', '12:30am', '00:30', []],
    ['25:00 is not a real time', '25:00', null, [NOT_REAL]],
    ['24:00 is not a real time', '24:00', null, [NOT_REAL]],
    ['minutes over 59', '10:60', null, [NOT_REAL]],
    ['an hour on its own is ambiguous', '9', null, [NOT_A_TIME]],
    ['words', 'noon', null, [NOT_A_TIME]],
    ['one-digit minutes', '9:5', null, [NOT_A_TIME]],
    ['13pm is not a real time', '13pm', null, [`t: ${LABEL} must be a real time`]],
    ['0am is not a real time', '0am', null, [`t: ${LABEL} must be a real time`]],
    ['empty and required', '', null, ['t: Enter the time the contact was received']],
  ];
  for (const [why, typed, value, errors] of cases) {
    test(`${why}: "${typed}" → ${value ?? 'refused'}`, () => {
      assert.deepEqual(read({ t: typed }, (f) => f.time('t', { label: LABEL })), { value, errors });
    });
  }

  test('empty and optional: null, no error', () => {
    assert.deepEqual(read({ t: '' }, (f) => f.time('t', { label: LABEL, required: false })), { value: null, errors: [] });
  });
});

describe('errorView: what the GOV.UK error summary and the fields need', () => {
  test('the summary links to each field by id; a date part’s message sits on the whole date input', () => {
    const view = errorView([
      { field: 'givenName', message: 'Enter the child’s first name' },
      { field: 'dateOfBirth-month', message: 'Date of birth must include a month' },
      { field: 'receivedAt-day', message: 'Enter the date the contact was received' },
    ]);
    assert.deepEqual(view.errorList, [
      { text: 'Enter the child’s first name', href: '#givenName' },
      { text: 'Date of birth must include a month', href: '#dateOfBirth-month' },
      { text: 'Enter the date the contact was received', href: '#receivedAt-day' },
    ]);
    assert.deepEqual(view.errors, {
      givenName: { text: 'Enter the child’s first name' },
      dateOfBirth: { text: 'Date of birth must include a month' },
      receivedAt: { text: 'Enter the date the contact was received' },
    });
  });

  test('no errors: an empty summary', () => {
    assert.deepEqual(errorView([]), { errorList: [], errors: {} });
  });
});

describe('nhsCheckDigitValid: the NHS number’s modulus 11 check digit', () => {
  const cases: [string, boolean, string][] = [
    ['9434765919', true, 'a valid NHS number'],
    ['4857773457', true, 'valid: the check digit of 485777345 is 7'],
    ['1000000060', true, 'the check computes to 11, which means 0'],
    ['4857773456', false, 'the example in GOV.UK and NHS hints: its check digit is wrong (deliberately not a real number)'],
    ['9434765918', false, 'the last digit is wrong'],
    ['9434765910', false, 'the last digit is wrong'],
    ['9434765991', false, 'two digits swapped'],
    ['1234567890', false, 'the check computes to 10: no NHS number starts 123456789'],
    ['1234567891', false, 'the check computes to 10, whatever the last digit'],
    ['1000000061', false, 'the check computes to 0, not 1'],
  ];
  for (const [n, valid, why] of cases) {
    test(`${n}: ${valid ? 'valid' : 'invalid'} (${why})`, () => {
      assert.equal(nhsCheckDigitValid(n), valid);
    });
  }
});
