import { createHash } from 'node:crypto';

export interface AuditPayload {
  at: string;
  userId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  personId: string | null;
  detail: Record<string, unknown> | null;
}

/** Keys sorted at every level, so the same event always hashes the same way. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, payload: AuditPayload): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(payload)).digest('hex');
}
