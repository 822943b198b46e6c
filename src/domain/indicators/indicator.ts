import type { ObligationRecord } from '../obligations/child-record.js';
import type { PlainDate } from '../time/index.js';

/**
 * What an indicator reads about one child: the dated slices of the record the obligations engine
 * already loads in bulk (one shape, not another), and the child's contacts at the front door.
 */
export type IndicatorChild = Pick<ObligationRecord, 'personId' | 'episodes' | 'assessments' | 's47Enquiries' | 'icpcs' | 'cpPlans'> & {
  contacts: readonly { receivedOn: PlainDate; decision: string | null }[];
};

/**
 * A reporting window: a period from `from` to `to`, both days included (a DfE year runs 1 April to
 * 31 March). An "as at" indicator reads the record at the end of `to`.
 */
export interface IndicatorWindow {
  from: PlainDate;
  to: PlainDate;
}

export interface IndicatorInput {
  children: readonly IndicatorChild[];
  window: IndicatorWindow;
  /** The authority's children aged 0 to 17 (ONS mid-year estimate): rates are per 10,000 of them. */
  population0to17: number;
}

/**
 * A figure and the children behind it: `childIds` are the children counted in the numerator, so a
 * figure is one click from its children (the page checks access and audits the list).
 */
export interface IndicatorResult {
  numerator: number;
  /** Null for a plain count. */
  denominator: number | null;
  /** The count, the percentage (0-100) or the rate per 10,000; null when the denominator is 0. */
  value: number | null;
  childIds: readonly string[];
}

export type IndicatorUnit = 'count' | 'percent' | 'per-10k';
/** Which way is better: the committee's arrows and RAG read this. "context" has no good direction. */
export type Polarity = 'higher-is-better' | 'lower-is-better' | 'context';

export interface EnglandFigure {
  value: number;
  /** The year the figure is for ("2024-25"). */
  year: string;
  source: string;
}

export interface Indicator {
  /** Stable id: settings (local targets) and links name it. */
  id: string;
  title: string;
  /** The definition in plain words, as the committee's pack prints it. */
  definition: string;
  /** Where the definition comes from (DfE statistics, Working Together 2023, a local standard). */
  source: string;
  /** Over the window, or as at its last day. */
  measure: 'period' | 'as-at';
  unit: IndicatorUnit;
  polarity: Polarity;
  england: EnglandFigure | null;
  compute: (input: IndicatorInput) => IndicatorResult;
}
