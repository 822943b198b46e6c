import { type PlainDate, describeDueDate, formatDayAndDate, formatLongDate } from '../../domain/time/index.js';
import type { OpenWorkItem } from './case-worktray.service.js';
import { type WorkKind, workHref, workKindLabels } from './work-catalogue.js';
import { type WorkGroup, groupWork } from './work-groups.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

type Cell = { text?: string; html?: string; attributes?: Record<string, string>; classes?: string };

/**
 * One row of a worktray table: what (and why it is due), for which child, when (and how late, in
 * words), whose (team worktray), and one link to the page that records it.
 */
export function workRow(item: OpenWorkItem, today: PlainDate, options: { showWorker: boolean; canRecordSupervision: boolean }): Cell[] {
  const due = describeDueDate(item.dueOn, today);
  const link = workHref({ ...item, workerId: item.workerId }, { canRecordSupervision: options.canRecordSupervision });
  const child = escapeHtml(item.childName);
  const cells: Cell[] = [
    { html: `<span class="govuk-!-font-weight-bold">${escapeHtml(item.label)}</span><br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(item.basis)}</span>` },
    { html: `<a class="govuk-link" href="/children/${item.personId}">${child}</a>${item.laChildId ? `<br><span class="govuk-body-s govuk-hint govuk-!-margin-0">${escapeHtml(item.laChildId)}</span>` : ''}` },
    {
      html: `<span class="${due.status === 'overdue' ? 'hearth-overdue' : 'govuk-!-font-weight-bold'}">${escapeHtml(capitalise(due.words))}</span><br><span class="govuk-body-s">${formatDayAndDate(item.dueOn)}</span>`,
      attributes: { 'data-sort-value': item.dueOn },
    },
  ];
  if (options.showWorker) cells.push({ html: `<a class="govuk-link" href="?worker=${item.workerId}">${escapeHtml(item.workerName)}</a>` });
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
}

export function presentGroups(items: readonly OpenWorkItem[], today: PlainDate, options: { showWorker: boolean; canRecordSupervision: boolean }): PresentedGroup[] {
  return groupWork(items, today).map((g: WorkGroup<OpenWorkItem>) => ({
    key: g.key,
    heading: g.heading,
    hint: g.hint,
    count: g.items.length,
    rows: g.items.map((i) => workRow(i, today, options)),
  }));
}

export function kindItems(selected: WorkKind | null) {
  return [{ value: '', text: 'All kinds of work' }, ...Object.entries(workKindLabels).map(([value, text]) => ({ value, text, selected: value === selected }))];
}

export const longDate = (d: string | null) => (d ? formatLongDate(d as PlainDate) : '');
