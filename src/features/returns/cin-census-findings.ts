import type { Finding } from '../../domain/returns/cin-census/rules/rule.js';
import { toCsv } from './csv.js';

/** The findings of a CIN census as CSV: one row per finding (child, episode by its referral date, rule, type, message, fields). */
export function findingsCsv(findings: readonly Finding[]): string {
  return toCsv(
    ['child', 'episode', 'rule', 'type', 'message', 'fields'],
    findings.map((f) => [f.laChildId ?? '', f.referralDate ?? '', f.code, f.type, f.message, f.fields.join(' ')]),
  );
}
