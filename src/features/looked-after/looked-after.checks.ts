/**
 * The looked-after forms' dates and codes checked against the child's record, inside the write's
 * transaction. Each names the SSDA903 rule it keeps: the timelines stay such that the episodes
 * derived from them (src/domain/looked-after/episodes.ts) are the ones the return accepts.
 */
import { isTemporaryPlacementType } from '../../domain/codes/index.js';
import type { FieldError } from '../../domain/errors.js';
import type { PlainDate } from '../../domain/time/index.js';
import type { CaseFile, LegalStatusRow, PeriodRow, PlacementRow } from '../casework/case-file.js';
import { before, long } from '../casework/date-checks.js';
import type { LegalStatusCommand, PlacedWith, PlacementCommand, StartCommand } from './looked-after.schema.js';

/** Placement types that need no provider or carer: with parents (PR0), temporary (T0-T4: rule 213), other arrangements (Z). */
export const needsNoProvider = (placementType: string) => placementType === 'P1' || isTemporaryPlacementType(placementType) || placementType.startsWith('Z');

function placedWithCheck(placementType: string, placedWith: PlacedWith): FieldError[] {
  if (placedWith.kind === 'none' && !needsNoProvider(placementType)) return [{ field: 'placedWith', message: 'Select the provider or foster carer for this type of placement' }];
  return [];
}

/**
 * Becoming looked after: not before the child was born, and after any earlier period of care
 * ended (periods never overlap: rule 501); a period does not start in a temporary placement
 * (rule 380).
 */
export function checkStart(c: CaseFile, cmd: StartCommand): FieldError[] {
  const errors: FieldError[] = [];
  if (c.person.dateOfBirth && before(cmd.startDate, c.person.dateOfBirth)) errors.push({ field: 'startDate-day', message: `Date the child became looked after must be on or after their date of birth, ${long(c.person.dateOfBirth)}` });
  const lastEnd = c.periodsOfCare.map((p) => p.endDate).filter((d): d is PlainDate => d !== null).sort().at(-1);
  if (lastEnd && before(cmd.startDate, lastEnd)) errors.push({ field: 'startDate-day', message: `Date the child became looked after must be on or after the end of the last period of care, ${long(lastEnd)}` });
  if (isTemporaryPlacementType(cmd.placementType)) errors.push({ field: 'placementType', message: 'A period of care cannot start in a temporary placement: select the placement the child went to' });
  return [...errors, ...placedWithCheck(cmd.placementType, cmd.placedWith)];
}

/** The open legal status of the open period: the one a change ends. */
export const currentLegalStatus = (c: CaseFile, period: PeriodRow): LegalStatusRow | null => c.legalStatuses.filter((l) => l.periodOfCareId === period.id && l.endDate === null).at(-1) ?? null;
export const currentPlacement = (c: CaseFile, period: PeriodRow): PlacementRow | null => c.placements.filter((p) => p.periodOfCareId === period.id && p.endDate === null).at(-1) ?? null;

/**
 * A legal status change ends the current status the day the new one starts (the episodes' DEC is
 * the next DECOM: rule 433), so the two never overlap; it starts after the current one did, and is
 * a different status (a change of legal status closes an episode: the same status would not).
 */
export function checkLegalStatus(period: PeriodRow, current: LegalStatusRow | null, cmd: LegalStatusCommand): FieldError[] {
  if (before(cmd.date, period.startDate)) return [{ field: 'date-day', message: `The new legal status must start on or after the child became looked after, ${long(period.startDate)}` }];
  if (current && !before(current.startDate, cmd.date)) return [{ field: 'date-day', message: `The new legal status must start after the current one did, ${long(current.startDate)}` }];
  if (current && current.code === cmd.legalStatus) return [{ field: 'legalStatus', message: 'The child already has this legal status: select the new one' }];
  return [];
}

/** A move ends the current placement the day the next starts (never before it started), with the reason (REASON_PLACE_CHANGE). */
export function checkPlacement(period: PeriodRow, current: PlacementRow | null, cmd: PlacementCommand): FieldError[] {
  const errors: FieldError[] = [];
  if (before(cmd.date, period.startDate)) errors.push({ field: 'date-day', message: `Date the child moved must be on or after the child became looked after, ${long(period.startDate)}` });
  else if (current && before(cmd.date, current.startDate)) errors.push({ field: 'date-day', message: `Date the child moved must be on or after the current placement started, ${long(current.startDate)}` });
  return [...errors, ...placedWithCheck(cmd.placementType, cmd.placedWith)];
}

/** Work of a period (a review, a visit) is dated within it. */
export function checkInPeriod(field: string, what: string, date: PlainDate, period: PeriodRow): FieldError[] {
  return before(date, period.startDate) ? [{ field, message: `${what} must be on or after the child became looked after, ${long(period.startDate)}` }] : [];
}
