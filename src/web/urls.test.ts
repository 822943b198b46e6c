import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { urls, withQuery } from './urls.js';

const CHILD = '5d2c0f9e-0000-4000-8000-000000000001';

describe('withQuery', () => {
  test('leaves out empty values, keeps the order given, and puts the fragment last', () => {
    assert.equal(withQuery('/team', { team: 't1', worker: null, kind: undefined, filter: '' }, 'work'), '/team?team=t1#work');
    assert.equal(withQuery('/team', {}), '/team');
    assert.equal(withQuery('/sign-in', { signedOut: 1, flag: false }), '/sign-in?signedOut=1');
  });

  test('percent-encodes names and values, so a value cannot add a parameter or a fragment', () => {
    assert.equal(withQuery('/sign-in', { next: '/children/x?visits=all#visits' }), '/sign-in?next=%2Fchildren%2Fx%3Fvisits%3Dall%23visits');
    assert.equal(withQuery('/search', { 'a&b': 'c=d' }), '/search?a%26b=c%3Dd');
  });
});

describe('urls', () => {
  test('a child’s record, its sections and its casework forms', () => {
    assert.equal(urls.child(CHILD), `/children/${CHILD}`);
    assert.equal(urls.child(CHILD, { visits: 'all' }, 'visits'), `/children/${CHILD}?visits=all#visits`);
    assert.equal(urls.allocate(CHILD, { allocated: 'a1' }), `/children/${CHILD}/allocate?allocated=a1`);
    assert.equal(urls.casework.home(CHILD), `/children/${CHILD}/casework`);
    assert.equal(urls.casework.authoriseAssessment(CHILD, 'a1'), `/children/${CHILD}/assessments/a1/authorise`);
    assert.equal(urls.casework.visitWriteUp(CHILD, 'v1'), `/children/${CHILD}/visits/v1/write-up`);
  });

  test('an id is one path segment: a slash or a query in it is encoded, not followed', () => {
    assert.equal(urls.child('../admin'), '/children/..%2Fadmin');
    assert.equal(urls.contacts.show('c1?x=1'), '/contacts/c1%3Fx%3D1');
  });

  test('pages with a query: a worker’s supervision, a team’s work, a compliance rule for a period', () => {
    assert.equal(urls.supervision.new(), '/supervision/new');
    assert.equal(urls.supervision.new({ worker: 'w1' }), '/supervision/new?worker=w1');
    assert.equal(urls.team({ team: 't1', worker: 'w1', kind: 'visits' }, 'work'), '/team?team=t1&worker=w1&kind=visits#work');
    assert.equal(urls.compliance.rule('cp-visit', { period: 'custom', 'from-day': 1, team: null }, 'children'), '/compliance/cp-visit?period=custom&from-day=1#children');
    assert.equal(urls.signIn({ signedOut: true }), '/sign-in?signedOut=1');
  });
});
