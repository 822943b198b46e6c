/** PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes. */

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** An array literal for text[]: {"a","b"} with quotes and backslashes escaped inside the elements. */
function arrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((i) => (i === null ? 'NULL' : `"${String(i).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot copy ${value}`);
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  // A text[] column gets an array literal; an array of objects is a jsonb value.
  if (Array.isArray(value) && value.every((v) => v === null || typeof v === 'string')) return escapeText(arrayLiteral(value));
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

/** Rows (all with the same keys) as COPY text. */
export function toCopyText(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    lines[i] = columns.map((c) => copyValue(row[c])).join('\t');
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
