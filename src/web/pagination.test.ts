import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offsetOf, pageOf, paging } from './pagination.js';

const href = (n: number) => `/list?page=${n}`;

test('the page asked for is a whole number from 1; anything else is page 1', () => {
  assert.deepEqual(['2', '1', '0', '-1', 'x', '2.5', undefined, '9999999'].map(pageOf), [2, 1, 1, 1, 1, 1, 1, 1]);
  assert.equal(offsetOf(3), 100);
});

test('"Showing 51 to 100 of 1,234": page 2 of 25, with the first and last pages and its neighbours', () => {
  const p = paging({ page: 2, total: 1234, href, noun: 'items' });
  assert.equal(p.showing, 'Showing 51 to 100 of 1,234 items');
  assert.equal(p.pages, 25);
  assert.deepEqual(p.component?.items, [
    { number: 1, href: href(1), current: false },
    { number: 2, href: href(2), current: true },
    { number: 3, href: href(3), current: false },
    { ellipsis: true },
    { number: 25, href: href(25), current: false },
  ]);
  assert.deepEqual([p.component?.previous?.href, p.component?.next?.href], [href(1), href(3)]);
});

test('the last page is short; a page past the end shows the last; one page needs no component', () => {
  const last = paging({ page: 30, total: 1234, href, noun: 'items' });
  assert.equal(last.showing, 'Showing 1,201 to 1,234 of 1,234 items');
  assert.equal(last.component?.next, undefined);
  assert.equal(paging({ page: 1, total: 50, href, noun: 'items' }).component, null);
  assert.equal(paging({ page: 1, total: 0, href, noun: 'items' }).showing, '');
});
