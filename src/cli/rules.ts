/**
 * `hearth rules`: every timescale rule of the areas' registry (src/domain/areas), as a Markdown
 * table. docs/architecture.md carries this table, and a test keeps the two the same.
 */
import { AREAS, type AreaRule } from '../domain/areas/index.js';
import { workKindLabels } from '../domain/areas/work-kinds.js';

const recordedByWords: Record<AreaRule['recordedBy'], string> = { 'front-door': 'The front door', worker: 'The allocated worker', manager: 'The worker’s manager', 'early-help': 'The early help lead practitioner or team' };

const cell = (s: string) => s.replaceAll('|', '\\|');

/** One row per rule, area by area, in the registry's order. */
export function rulesTable(): string {
  const lines = ['| Area | Rule id | Label | Kind of work | Recorded by | Stored | Source |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const area of AREAS) {
    for (const r of [...area.rules].sort((a, b) => a.order - b.order)) {
      lines.push(`| ${cell(area.title)} | \`${r.id}\` | ${cell(r.label)} | ${cell(workKindLabels[r.kind])} | ${recordedByWords[r.recordedBy]} | ${r.due === 'contacts' ? 'No (hour clock on contacts)' : 'Yes'} | ${cell(r.source)} |`);
    }
  }
  return lines.join('\n');
}

/** The rules as data, for `--json`. */
export function rulesData() {
  return AREAS.flatMap((area) => area.rules.map((r) => ({ area: area.id, id: r.id, label: r.label, kind: r.kind, recordedBy: r.recordedBy, stored: r.due !== 'contacts', source: r.source })));
}
