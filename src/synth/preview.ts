/**
 * Prints row counts per table for a synthetic authority, how long generation took, and the
 * calibration measures against expectedVolumes.
 *   TZ=Europe/London npx tsx src/synth/preview.ts [scale=1] [years=5] [seed=1] [today=2026-11-20]
 */
import { generateAuthority } from './generate.js';
import { Measurer, expectedVolumes } from './measure.js';
import { parsePlainDate } from '../domain/time/index.js';

const [scaleArg, yearsArg, seedArg, todayArg] = process.argv.slice(2);
const scale = Number(scaleArg ?? '1');
const years = Number(yearsArg ?? '5');
const seed = Number(seedArg ?? '1');
const today = parsePlainDate(todayArg ?? '2026-11-20');

const counts = new Map<string, number>();
const measurer = new Measurer(today, years);
let batches = 0;
let rows = 0;
let generating = 0;
let t = performance.now();
for (const batch of generateAuthority({ scale, years, seed, today })) {
  generating += performance.now() - t;
  batches++;
  rows += batch.rows.length;
  counts.set(batch.table, (counts.get(batch.table) ?? 0) + batch.rows.length);
  measurer.add(batch);
  t = performance.now();
}
generating += performance.now() - t;
const width = Math.max(...[...counts.keys()].map((k) => k.length));
console.log(`Synthetic authority: scale ${scale}, ${years} years to ${today}, seed ${seed}`);
for (const [table, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${table.padEnd(width)}  ${String(n).padStart(10)}`);
console.log(`  ${'total'.padEnd(width)}  ${String(rows).padStart(10)}  in ${batches} batches`);
console.log(`Generated in ${(generating / 1000).toFixed(1)} s; heap in use at the end ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
console.log('Calibration (measured / expected ± tolerance):');
const measures = measurer.result() as unknown as Record<string, number>;
const expected = expectedVolumes(scale, years);
for (const [k, v] of Object.entries(measures)) {
  const e = expected[k];
  const fmt = (x: number) => (Math.abs(x) < 1 ? x.toFixed(3) : Math.abs(x) < 100 ? x.toFixed(1) : x.toFixed(0));
  const flag = e && Math.abs(v - e.target) > e.tolerance ? '  <-- outside tolerance' : '';
  console.log(`  ${k.padEnd(34)} ${fmt(v).padStart(9)}${e ? `   ${fmt(e.target)} ± ${fmt(e.tolerance)}` : ''}${flag}`);
}
