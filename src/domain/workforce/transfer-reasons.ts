/**
 * Why a child's case moves from one team to another: a local code list (no DfE return carries it;
 * the SSDA903 SWEpisodes carry the change of worker, SW_REASON, which allocation records).
 */
export type TransferReason = 'cin' | 'child-protection' | 'looked-after' | 'leaving-care' | 'other';

export const TRANSFER_REASONS: readonly TransferReason[] = ['cin', 'child-protection', 'looked-after', 'leaving-care', 'other'];

export const transferReasonLabels: Record<TransferReason, string> = {
  cin: 'Assessment complete: child in need',
  'child-protection': 'Child protection plan',
  'looked-after': 'Became looked after',
  'leaving-care': 'Leaving care',
  other: 'Other',
};

export function isTransferReason(value: unknown): value is TransferReason {
  return typeof value === 'string' && (TRANSFER_REASONS as readonly string[]).includes(value);
}
