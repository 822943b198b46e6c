/**
 * A CSV file (RFC 4180: comma-separated, CRLF, cells with a comma, quote or line break quoted,
 * quotes doubled), safe to open in a spreadsheet: a cell starting with =, +, -, @, a tab or a
 * carriage return is prefixed with a single quote so it is not read as a formula (OWASP, CSV
 * injection). No CSV library is among Hearth's dependencies; this is all the returns need.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
