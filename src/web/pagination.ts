/**
 * Long lists page: 50 rows a page, the page number in the query string (`?page=2`), the rows
 * fetched by the query for that page only (limit/offset over a stable order). This reads the page
 * asked for and builds what the GOV.UK pagination component and the "Showing 51 to 100 of 1,234"
 * line need.
 */
export const PAGE_SIZE = 50;
/** Page numbers beyond this are not believed (a typed address); the last page is shown instead. */
const MAX_PAGE = 100_000;

/** The page asked for: a whole number from 1, else 1. */
export function pageOf(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) return 1;
  const n = Number(raw);
  return n >= 1 && n <= MAX_PAGE ? n : 1;
}

/** The rows to skip for a page. */
export const offsetOf = (page: number, pageSize = PAGE_SIZE) => (page - 1) * pageSize;

export interface Paging {
  page: number;
  pages: number;
  total: number;
  /** "Showing 51 to 100 of 1,234 children" (empty when there is nothing to show). */
  showing: string;
  /** The govukPagination macro's parameters, or null when everything fits on one page. */
  component: { previous?: { href: string }; next?: { href: string }; items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] } | null;
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * The pagination of a list of `total` rows, on `page`, whose pages are at `href(n)`. The
 * component lists the first and last pages, and those either side of the current one, with
 * ellipses between (as the GOV.UK Design System shows it).
 */
export function paging(o: { page: number; total: number; href: (page: number) => string; noun: string; pageSize?: number }): Paging {
  const size = o.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(o.total / size));
  const page = Math.min(o.page, pages);
  const first = o.total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(page * size, o.total);
  const showing = o.total === 0 ? '' : `Showing ${count(first)} to ${count(last)} of ${count(o.total)} ${o.noun}`;
  if (pages === 1) return { page, pages, total: o.total, showing, component: null };
  const wanted = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: NonNullable<Paging['component']>['items'] = [];
  for (const [i, n] of wanted.entries()) {
    if (i > 0 && n - wanted[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: o.href(n), current: n === page });
  }
  return {
    page,
    pages,
    total: o.total,
    showing,
    component: { ...(page > 1 ? { previous: { href: o.href(page - 1) } } : {}), ...(page < pages ? { next: { href: o.href(page + 1) } } : {}), items },
  };
}
