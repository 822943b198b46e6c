import { socialWorkerChangeReasons } from '../../domain/codes/index.js';
import type { FieldError } from '../../domain/errors.js';
import { type PlainDate, addMonths } from '../../domain/time/index.js';
import { type FormBody, FormReader } from '../../web/form-reader.js';
import { FORM_EXPIRED, readFormToken } from '../../web/form-tokens.js';
import { isUuid } from '../../web/ids.js';
import type { AllocateCommand, SupervisionCommand, TransferCommand } from './workforce.service.js';
import { TRANSFER_REASONS } from '../../domain/workforce/transfer-reasons.js';

export interface Parsed<T> {
  command: T | null;
  formToken: string | null;
  errors: FieldError[];
  values: Record<string, string>;
}

function values(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf') out[k] = Array.isArray(v) ? String(v.at(-1) ?? '') : typeof v === 'string' ? v : '';
  return out;
}

export function parseAllocation(body: FormBody, today: PlainDate): Parsed<AllocateCommand> {
  const form = new FormReader(body);
  const token = readFormToken(form);
  const workerId = form.raw('workerId');
  if (!isUuid(workerId)) form.fail('workerId', 'Select the social worker to allocate the child to');
  const reasonCode = form.raw('reasonCode');
  if (!socialWorkerChangeReasons.has(reasonCode)) form.fail('reasonCode', 'Select the reason for the allocation');
  // When it starts: today when left empty; not in the future (the service checks it follows the current allocation).
  const startDate = form.date('startDate', { label: 'Start date', required: false, notAfter: today, notAfterMessage: 'Start date must be today or in the past' });
  const reason = form.text('reason', { max: 2000, label: 'Notes' });
  const current = form.raw('currentAllocationId');
  if (current && !isUuid(current)) form.fail('formToken', FORM_EXPIRED);
  const command = form.ok ? { workerId, reasonCode, reason, currentAllocationId: current || null, startDate } : null;
  return { command, formToken: token, errors: form.errors, values: values(body) };
}

/**
 * The supervision form: its date, optional notes, and for each child ticked as discussed a decision
 * and its rationale (both required: the decision goes on the child's chronology).
 */
export function parseSupervision(body: FormBody, today: PlainDate, childIds: readonly string[]): Parsed<SupervisionCommand> & { discussed: string[] } {
  const form = new FormReader(body);
  const token = readFormToken(form);
  const date = form.date('supervisionDate', { label: 'Date of supervision', notAfter: today, notAfterMessage: 'Date of supervision must be today or in the past', notBefore: addMonths(today, -12), notBeforeMessage: 'Date of supervision must be within the last 12 months' });
  const notes = form.text('notes', { max: 10_000, label: 'Notes' });
  const discussed = form.all('discussed').filter((id) => childIds.includes(id));
  if (discussed.length === 0) form.fail('discussed', 'Select at least one child you discussed');
  const children = discussed.map((personId) => ({
    personId,
    decision: form.text(`decision-${personId}`, { required: 'Enter the decision for this child', max: 5000, label: 'The decision' }) ?? '',
    rationale: form.text(`rationale-${personId}`, { required: 'Enter the rationale for the decision', max: 5000, label: 'The rationale' }) ?? '',
  }));
  // Errors in the order the children are listed on the form.
  const order = (field: string) => {
    const id = field.replace(/^(decision|rationale)-/, '');
    const i = childIds.indexOf(id);
    return field.startsWith('supervisionDate') ? -2 : field === 'discussed' ? -1 : field === 'notes' ? -0.5 : i * 2 + (field.startsWith('rationale') ? 1 : 0);
  };
  form.errors.sort((a, b) => order(a.field) - order(b.field));
  const command = form.ok && date ? { date, notes, discussed: children } : null;
  return { command, formToken: token, errors: form.errors, values: values(body), discussed };
}

/** The transfer form: the team the child moves to, why, when (today when left empty), and notes. */
export function parseTransfer(body: FormBody, today: PlainDate): Parsed<TransferCommand> {
  const form = new FormReader(body);
  const token = readFormToken(form);
  const toTeamId = form.raw('toTeamId');
  if (!isUuid(toTeamId)) form.fail('toTeamId', 'Select the team the child moves to');
  const reasonCode = form.choice('reasonCode', TRANSFER_REASONS, 'Select the reason for the transfer');
  const transferDate = form.date('transferDate', { label: 'Date of the transfer', required: false, notAfter: today, notAfterMessage: 'Date of the transfer must be today or in the past' });
  const notes = form.text('notes', { max: 2000, label: 'Notes' });
  const current = form.all('currentAllocationId').filter(Boolean);
  if (current.some((c) => !isUuid(c))) form.fail('formToken', FORM_EXPIRED);
  const command = form.ok && reasonCode ? { toTeamId, reasonCode, notes, transferDate, currentAllocationIds: current } : null;
  return { command, formToken: token, errors: form.errors, values: values(body) };
}
