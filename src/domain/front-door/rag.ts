/** MASH RAG rating of a contact: how quickly a decision is needed. */
export type RagRating = 'red' | 'amber' | 'green';

export const RAG_RATINGS: readonly RagRating[] = ['red', 'amber', 'green'];

export const ragLabels: Record<RagRating, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/**
 * Hours from receipt (or from a re-rating) to the MASH decision. A local standard, not statute:
 * Red 4, Amber 24, Green 72 are the common defaults (domain.md §1.1 row 1, e.g. Surrey Police MASH,
 * Luton MASH RAG policy). An administrator may change them.
 */
export interface RagClockHours {
  red: number;
  amber: number;
  green: number;
}

export const DEFAULT_RAG_CLOCK_HOURS: RagClockHours = { red: 4, amber: 24, green: 72 };

export function isRagRating(value: unknown): value is RagRating {
  return typeof value === 'string' && (RAG_RATINGS as readonly string[]).includes(value);
}
