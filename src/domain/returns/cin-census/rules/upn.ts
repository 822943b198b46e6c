/**
 * The UPN check letter (DfE, "Unique pupil numbers (UPN): guidance for local authorities and
 * schools", annex: check letter calculation): characters 2 to 13 are multiplied by weights 2 to 13,
 * the products summed, and the remainder on dividing by 23 gives the letter from the table below
 * (0 = A ... 22 = Z, without I, O and S). A temporary UPN's 13th character is a letter, counted as
 * its place in the same table.
 */
export const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter for characters 2-13 of a UPN; null when they are not digits (with an optional letter at 13). */
export function upnCheckLetter(upn: string): string | null {
  if (!/^.[0-9]{11}[0-9A-Z]$/.test(upn)) return null;
  let sum = 0;
  for (let i = 1; i <= 12; i++) {
    const ch = upn[i]!;
    const value = /[0-9]/.test(ch) ? Number(ch) : UPN_CHECK_LETTERS.indexOf(ch);
    if (value < 0) return null;
    sum += value * (i + 1);
  }
  return UPN_CHECK_LETTERS[sum % 23]!;
}
