import type { Indicator, IndicatorResult } from '../../domain/indicators/index.js';

/** "80.0%", "520.3", "1,234": a figure as the committee reads it; a share with nothing to share says so. */
export function formatFigure(indicator: Pick<Indicator, 'unit'>, value: number | null): string {
  if (value === null) return 'No cases';
  if (indicator.unit === 'percent') return `${value.toFixed(1)}%`;
  if (indicator.unit === 'per-10k') return value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return value.toLocaleString('en-GB');
}

/** "4 of 5", "4 per 67,000 children", "4": what the figure is made of. */
export function describeParts(indicator: Pick<Indicator, 'unit'>, result: IndicatorResult): string {
  const n = result.numerator.toLocaleString('en-GB');
  if (indicator.unit === 'percent') return `${n} of ${(result.denominator ?? 0).toLocaleString('en-GB')}`;
  if (indicator.unit === 'per-10k') return `${n} of ${(result.denominator ?? 0).toLocaleString('en-GB')} children`;
  return n;
}

export const polarityWords: Record<Indicator['polarity'], string> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
  context: 'Neither: context',
};

export const unitWords: Record<Indicator['unit'], string> = { count: 'Number', percent: 'Percentage', 'per-10k': 'Rate per 10,000 children aged 0 to 17' };
