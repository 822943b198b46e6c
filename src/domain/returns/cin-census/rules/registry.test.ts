/**
 * The registry against the DfE's rule list (dfe-cin-rules.csv, as carried by the open CIN validator):
 * every rule of 2025-26 is checked or listed as not implementable with its reason (and documented);
 * each module carries the DfE's code, type, message and fields exactly, and the years its version applies.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { CIN_RULES, CIN_RULES_NOT_IMPLEMENTED } from './index.js';

interface DfeRule {
  code: string;
  definedIn: string;
  type: string;
  message: string;
  fields: string[];
}

/** The CSV's rows: quoted cells may hold commas and doubled quotes. */
function readRules(): DfeRule[] {
  const text = readFileSync(new URL('./dfe-cin-rules.csv', import.meta.url), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) {
      cell += ch;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  const [head, ...body] = rows;
  const col = (name: string) => head!.indexOf(name);
  return body.map((r) => ({
    code: r[col('code')]!,
    definedIn: r[col('defined_in')]!,
    type: r[col('rule_type')]!.toLowerCase(),
    message: r[col('message')]!,
    fields: [...new Set(r[col('affected_fields')]!.split(' ').filter(Boolean))],
  }));
}

const ALL = readRules();
/** The version of each rule in force in 2025-26: its latest definition (the file lists 2022-23, 2023-24 and 2024-25 changes). */
const IN_2025_26 = new Map(ALL.map((r) => [r.code, r]));
const YEARS_FROM: Record<string, string[]> = { cin2022_23: ['2022-23', '2023-24', '2024-25', '2025-26'], cin2023_24: ['2023-24', '2024-25', '2025-26'], cin2024_25: ['2024-25', '2025-26'] };

describe('the CIN census rules against the DfE list', () => {
  test('the DfE list has 109 codes in force in 2025-26', () => assert.equal(IN_2025_26.size, 109));

  test('every rule of 2025-26 is checked, or listed as not implementable with its reason, never both', () => {
    const checked = new Set(CIN_RULES.map((r) => r.code));
    const listed = new Map(CIN_RULES_NOT_IMPLEMENTED.map((r) => [r.code, r.reason]));
    for (const code of IN_2025_26.keys()) {
      assert.ok(checked.has(code) !== listed.has(code), `${code} is checked or listed, not both`);
      if (listed.has(code)) assert.ok(listed.get(code)!.length > 20, `${code} says why`);
    }
    for (const code of [...checked, ...listed.keys()]) assert.ok(IN_2025_26.has(code), `${code} is a DfE rule`);
    assert.equal(checked.size, CIN_RULES.length, 'no rule registered twice');
  });

  test('each rule carries the DfE code, type, message, fields and the years of its version', () => {
    for (const rule of CIN_RULES) {
      const dfe = IN_2025_26.get(rule.code)!;
      assert.equal(rule.type, dfe.type, rule.code);
      assert.equal(rule.message, dfe.message, rule.code);
      assert.deepEqual(rule.fields, dfe.fields, rule.code);
      assert.deepEqual(rule.years, YEARS_FROM[dfe.definedIn], rule.code);
    }
  });

  test('the rules are in code order', () => {
    const codes = CIN_RULES.map((r) => r.code);
    assert.deepEqual(codes, [...codes].sort((a, b) => parseInt(a, 10) - parseInt(b, 10)));
  });

  test('docs/returns.md has a row for every rule, implemented or not', () => {
    const doc = readFileSync(new URL('../../../../../docs/returns.md', import.meta.url), 'utf8');
    for (const { code } of [...CIN_RULES, ...CIN_RULES_NOT_IMPLEMENTED]) assert.ok(doc.includes(`\n| ${code} |`), code);
  });
});
