/**
 * One child's obligations with their status as at a date: what `hearth obligations` prints. As at
 * today or later, the stored rows the worktrays and compliance pages read; as at a past date,
 * worked out afresh from the record as it stood then (recordAsAt), so that nothing a later event
 * created or met shows.
 */
import { asc, eq, or } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { obligations, people, visits } from '../../db/schema/index.js';
import { NotFound } from '../../domain/errors.js';
import { type LocalNorms, RULE_VISIT_WRITE_UP, computeObligations, recordAsAt } from '../../domain/obligations/index.js';
import { loadObligationRecords } from '../obligations/obligation-records.js';
import { type PlainDate, compareDates, describeDueDate, formatLongDate } from '../../domain/time/index.js';
import { isUuid } from '../../web/ids.js';
import { workLabel } from './work-catalogue.js';

export type ObligationStatus = 'overdue' | 'due' | 'met' | 'lapsed';

export interface ChildObligation {
  rule: string;
  label: string;
  subjectType: string;
  subjectId: string;
  dueOn: PlainDate | null;
  dueAt: string | null;
  metOn: PlainDate | null;
  lapsedOn: PlainDate | null;
  status: ObligationStatus;
  /** "overdue by 4 working days", "met 2 working days late"... as at the date. */
  words: string;
  basis: string;
  source: string;
}

/**
 * Status as at `asOf`: met if met on or before it; lapsed if the duty ended unmet on or before it;
 * otherwise overdue if the due date has passed, and due if not.
 */
export function statusAsOf(item: { dueOn: PlainDate | null; metOn: PlainDate | null; lapsedOn: PlainDate | null }, asOf: PlainDate): { status: ObligationStatus; words: string } {
  if (item.metOn && compareDates(item.metOn, asOf) <= 0) {
    const late = item.dueOn && compareDates(item.metOn, item.dueOn) > 0;
    return { status: 'met', words: `met on ${formatLongDate(item.metOn)}${late ? ' (late)' : ''}` };
  }
  if (item.lapsedOn && compareDates(item.lapsedOn, asOf) <= 0) return { status: 'lapsed', words: `lapsed on ${formatLongDate(item.lapsedOn)} without being met` };
  if (!item.dueOn) return { status: 'due', words: 'due (an hour clock)' };
  const d = describeDueDate(item.dueOn, asOf);
  return { status: d.status === 'overdue' ? 'overdue' : 'due', words: d.words };
}

/** The child by local-authority child ID or person id, and every obligation as at `asOf`, earliest due first. */
export async function childObligations(db: Database, idOrLaChildId: string, asOf: PlainDate, past?: { today: PlainDate; norms: LocalNorms }) {
  const [person] = await db
    .select({ id: people.id, laChildId: people.laChildId, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(isUuid(idOrLaChildId) ? or(eq(people.id, idOrLaChildId), eq(people.laChildId, idOrLaChildId)) : eq(people.laChildId, idOrLaChildId));
  if (!person) throw new NotFound(`child ${idOrLaChildId}`);
  let rows: { rule: string; subjectType: string; subjectId: string; dueOn: PlainDate | null; dueAt: Date | null; metOn: PlainDate | null; lapsedOn: PlainDate | null; basis: string; source: string }[];
  if (past && compareDates(asOf, past.today) < 0) {
    const records = await db.transaction((tx) => loadObligationRecords(tx, [person.id]));
    rows = computeObligations(recordAsAt(records.get(person.id)!, asOf), past.norms)
      .map((i) => ({ ...i, lapsedOn: i.lapsedOn ?? null }))
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.rule.localeCompare(b.rule));
  } else {
    rows = await db.select().from(obligations).where(eq(obligations.personId, person.id)).orderBy(asc(obligations.dueOn), asc(obligations.rule));
  }
  const visitDates = new Map((await db.select({ id: visits.id, date: visits.visitDate }).from(visits).where(eq(visits.personId, person.id))).map((v) => [v.id, v.date]));
  const items: ChildObligation[] = rows.map((r) => {
    const item = { dueOn: r.dueOn, metOn: r.metOn, lapsedOn: r.lapsedOn };
    return {
      rule: r.rule,
      label: workLabel({ rule: r.rule, visitDate: r.rule === RULE_VISIT_WRITE_UP ? (visitDates.get(r.subjectId) ?? null) : null }),
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      ...item,
      dueAt: r.dueAt ? r.dueAt.toISOString() : null,
      ...statusAsOf(item, asOf),
      basis: r.basis,
      source: r.source,
    };
  });
  return { child: { id: person.id, laChildId: person.laChildId, name: `${person.givenName} ${person.familyName}` }, asOf, items };
}

export type ChildObligationsReport = Awaited<ReturnType<typeof childObligations>>;

/** The report as text for a terminal: a summary line, then one block per obligation. */
export function formatChildObligations(report: ChildObligationsReport): string {
  const count = (s: ObligationStatus) => report.items.filter((i) => i.status === s).length;
  const lines = [
    `${report.child.name} (child ID ${report.child.laChildId ?? 'none'}, ${report.child.id})`,
    `Obligations as at ${formatLongDate(report.asOf)}: ${count('overdue')} overdue, ${count('due')} due, ${count('met')} met, ${count('lapsed')} lapsed.`,
    '',
  ];
  if (report.items.length === 0) lines.push('No obligations are stored for this child.');
  const pad = (s: string, n: number) => s.padEnd(n);
  if (report.items.length) lines.push(`${pad('Due', 11)} ${pad('Status', 8)} ${pad('Met', 11)} ${pad('Lapsed', 11)} What`);
  for (const i of report.items) {
    lines.push(`${pad(i.dueOn ?? '-', 11)} ${pad(i.status, 8)} ${pad(i.metOn ?? '-', 11)} ${pad(i.lapsedOn ?? '-', 11)} ${i.label}: ${i.words}`);
    lines.push(`${' '.repeat(45)}Basis: ${i.basis}`);
    lines.push(`${' '.repeat(45)}Source: ${i.source}`);
  }
  return lines.join('\n');
}
