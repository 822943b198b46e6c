import { type PlainDate, describeDueDate, formatDayAndDate, formatLongDate } from '../../domain/time/index.js';
import type { OpenWorkItem } from './case-worktray.service.js';
import { type WorkKind, workHref, workKindLabels } from './work-catalogue.js';
import { type WorkGroup, groupWork } from './work-groups.js';
import { escapeHtml } from '../../web/escape-html.js';
import { urls } from '../../web/urls.js';
import { type ChildStanding, standingLine } from '../children/child-standing.js';

type Cell = { text?: string; html?: string; attributes?: Record<string, string>; classes?: string };

export interface WorkRowOptions {
  showWorker: boolean;
  canRecordSupervision: boolean;
  /** The worker's name links here (the team worktray filtered to them); plain text when absent. */
  workerHref?: (workerId: string) => string;
  /** Each child's status and team (child-standing.ts), shown beneath their name. */
  standings?: ReadonlyMap<string, ChildStanding>;
}

/** The worktray tables' columns. The widths are the same in every section, so the sections line up. */
export function workHead(showWorker: boolean) {
  return [
    { text: 'What', classes: showWorker ? 'govuk-!-width-one-quarter' : 'govuk-!-width-one-third' },
    { text: 'Child' },
    { text: 'Due' },
    ...(showWorker ? [{ text: 'Worker' }] : []),
    { text: 'Action', classes: 'govuk-!-width-one-quarter' },
  ];
}

/**
 * One row of a worktray table: what (and why it is due), for which child, when (and how late, in
 * words), whose (team worktray), and one link to the page that records it.
 */
export function workRow(item: OpenWorkItem, today: PlainDate, options: WorkRowOptions): Cell[] {
  const due = describeDueDate(item.dueOn, today);
  const link = workHref({ ...item, workerId: item.workerId }, { canRecordSupervision: options.canRecordSupervision });
  const child = escapeHtml(item.childName);
  const cells: Cell[] = [
    { html: `<span class="govuk-!-font-weight-bold">${escapeHtml(item.label)}</span><br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(item.basis)}</span>` },
    // data-label: the column's name, shown before the cell when a narrow screen stacks the row.
    { html: `<a class="govuk-link" href="${escapeHtml(urls.child(item.personId))}">${child}</a>${item.laChildId ? `<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(item.laChildId)}</span>` : ''}${standingLine(options.standings?.get(item.personId))}`, attributes: { 'data-label': 'Child' } },
    {
      html: `<span class="${due.status === 'overdue' ? 'hearth-overdue' : 'govuk-!-font-weight-bold'}">${escapeHtml(capitalise(due.words))}</span><br><span class="govuk-body-s">${formatDayAndDate(item.dueOn)}</span>`,
      attributes: { 'data-sort-value': item.dueOn, 'data-label': 'Due' },
    },
  ];
  if (options.showWorker) {
    const name = escapeHtml(item.workerName);
    cells.push({ html: options.workerHref ? `<a class="govuk-link" href="${escapeHtml(options.workerHref(item.workerId))}">${name}</a>` : name, attributes: { 'data-label': 'Worker' } });
  }
  cells.push({
    html: `<a class="govuk-link" href="${escapeHtml(link.href)}">${escapeHtml(link.text)}<span class="govuk-visually-hidden">: ${escapeHtml(item.label)} for ${child}</span></a>${link.note ? `<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(link.note)}</span>` : ''}`,
  });
  return cells;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface PresentedGroup {
  key: string;
  heading: string;
  hint: string;
  count: number;
  rows: Cell[][];
  /** Shown behind "Show N items ..." (a details element) rather than laid out in full. */
  collapsed: boolean;
  /** The words after "Show N items" ("due later"). */
  showText: string;
}

/**
 * The sections as the page lays them out. `collapse` names the sections shown only on request:
 * "later" on every worktray; on the team's, with hundreds of items, the next 4 weeks too.
 */
export function presentGroups(items: readonly OpenWorkItem[], today: PlainDate, options: WorkRowOptions & { collapse?: readonly WorkGroup<OpenWorkItem>['key'][] }): PresentedGroup[] {
  const collapse = options.collapse ?? ['later'];
  return groupWork(items, today).map((g: WorkGroup<OpenWorkItem>) => ({
    key: g.key,
    heading: g.heading,
    hint: g.hint,
    count: g.items.length,
    rows: g.items.map((i) => workRow(i, today, options)),
    collapsed: collapse.includes(g.key),
    showText: g.key === 'later' ? 'due later' : g.key === 'coming-up' ? 'due in the next 4 weeks' : lowerFirst(g.heading),
  }));
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function kindItems(selected: WorkKind | null) {
  return [{ value: '', text: 'All kinds of work' }, ...Object.entries(workKindLabels).map(([value, text]) => ({ value, text, selected: value === selected }))];
}

export const longDate = (d: PlainDate | null) => (d ? formatLongDate(d) : '');
