import type { FastifyInstance } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its canonical (lower-case) spelling; any other value as it came. */
export function canonicalId<T>(value: T): T {
  return (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : value) as T;
}

function canonicaliseFields(fields: unknown): void {
  if (!fields || typeof fields !== 'object') return;
  const record = fields as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') record[key] = canonicalId(value);
    else if (Array.isArray(value)) record[key] = value.map(canonicalId);
  }
}

/**
 * Ids arrive from URLs and forms in whatever case the user typed; PostgreSQL compares UUIDs
 * without regard to case but hands them back lower-case. An id used as typed would not match the
 * ids we compare it with in code, and an audit row hashed with the typed spelling but stored in
 * the canonical one would never verify again (one GET would break the chain for good). So every
 * UUID in the route's parameters, query and form is made canonical before any handler sees it.
 */
export function registerCanonicalIds(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    canonicaliseFields(request.params);
    canonicaliseFields(request.query);
    canonicaliseFields(request.body);
  });
}
