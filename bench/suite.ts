/**
 * What every benchmark suite has in common: `bench/run.ts` composes named suites, each of which
 * measures something and hands back sections (one table each, usually one per engine) of rows.
 * The runner prints the tables, writes the JSON and knows nothing of what a suite measures.
 *
 * Figures are ratios measured in the same run (DESIGN.md, "Performance work"): a suite reports its
 * absolute numbers too, but the column a reader should quote is the ratio to the suite's floor.
 */
import type { EngineProvider, BenchEngine } from './engines.js';

export type Cell = number | string | null;

export interface Column {
  key: string;
  label: string;
  /** Digits after the decimal point for numbers; strings print as they are. */
  digits?: number;
  /** Left-aligned (text) columns; numbers are right-aligned. */
  align?: 'left' | 'right';
}

export interface Section {
  title: string;
  engine?: BenchEngine;
  /** False when the section could not be measured at all; `notMeasured` says why. */
  measured: boolean;
  notMeasured?: string;
  /** True when the section was attempted and broke (as opposed to an engine not being available). */
  failed?: boolean;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Lines printed under the table: what was measured, warnings, invalid figures. */
  notes: string[];
  /** Anything else worth keeping in the JSON (raw tool output, parameters). */
  detail?: unknown;
}

export interface SuiteReport {
  suite: string;
  sections: Section[];
}

export interface BenchContext {
  /** Seconds per measured run (BENCH_SECONDS, default 10). */
  seconds: number;
  /** Seconds of warm-up before each measured run (BENCH_WARMUP_SECONDS, default 2). */
  warmupSeconds: number;
  /** The engines asked for (--engine), in order. */
  engines: BenchEngine[];
  /** Fresh, empty databases on either engine; everything made is removed at the end of the run. */
  databases: EngineProvider;
  /** Progress for a person watching: goes to stderr. */
  log(message: string): void;
}

export interface Suite {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<SuiteReport>;
}

/** `value` with `digits` after the point, or a dash for a missing figure. */
export function fmt(value: Cell, digits = 0): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table: header, rule, rows. */
export function renderTable(columns: Column[], rows: Record<string, Cell>[]): string {
  const cells = rows.map((row) => columns.map((c) => fmt(row[c.key] ?? null, c.digits ?? 0)));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const c = columns[i]!;
        const left = (c.align ?? (c.digits === undefined ? 'left' : 'right')) === 'left';
        return left ? v.padEnd(widths[i]!) : v.padStart(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.label)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
