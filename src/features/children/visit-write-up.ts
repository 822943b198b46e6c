/**
 * A visit's write-up as stored in `visits.details.writeUp` (issue 9): what the worker saw, heard and
 * did. Read back defensively: details is JSON, and older visits have no write-up there (their
 * notes alone).
 */
export interface VisitWriteUpText {
  seen: string | null;
  heard: string | null;
  done: string | null;
}

const textOf = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

export function visitWriteUpOf(details: unknown): VisitWriteUpText | null {
  if (!details || typeof details !== 'object') return null;
  const w = (details as { writeUp?: unknown }).writeUp;
  if (!w || typeof w !== 'object') return null;
  const r = w as Record<string, unknown>;
  const out = { seen: textOf(r.seen), heard: textOf(r.heard), done: textOf(r.done) };
  return out.seen || out.heard || out.done ? out : null;
}
