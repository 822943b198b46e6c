/**
 * Whether an error from either driver (pg or PGlite, possibly wrapped by Drizzle as the `cause`) is
 * a unique violation (SQLSTATE 23505) of the named constraint or unique index.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: name, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505' && (name === constraint || (typeof message === 'string' && message.includes(`"${constraint}"`)))) return true;
  }
  return false;
}
