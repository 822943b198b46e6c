/**
 * Identifiers that look real and are plainly synthetic: NHS numbers in the 9xx range (never issued,
 * reserved for testing) with a valid modulus-11 check digit; UPNs with a valid check letter; Ofsted
 * URNs in an unissued SC9xxxxx range; Social Work England numbers SW9xxxxx.
 */

/** The NHS number check digit for the first nine digits, or null when the remainder makes it invalid (10). */
export function nhsCheckDigit(nine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(nhs: string): boolean {
  if (!/^[0-9]{10}$/.test(nhs)) return false;
  return nhsCheckDigit(nhs.slice(0, 9)) === Number(nhs[9]);
}

/** Issues unique synthetic NHS numbers 9000000000 upward, skipping those with no valid check digit. */
export class NhsNumbers {
  private n = 0;
  next(): string {
    for (;;) {
      const nine = `9${String(this.n++).padStart(8, '0')}`;
      const check = nhsCheckDigit(nine);
      if (check !== null) return nine + String(check);
    }
  }
}

/** UPN check letters: remainder 0-22 -> A..Z without I, O and S. */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The UPN check letter for the last 12 characters (all digits here), per the DfE UPN guidance. */
export function upnCheckLetter(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i + 2);
  return UPN_LETTERS[sum % 23]!;
}

export function isValidUpn(upn: string): boolean {
  if (!/^[A-Z][0-9]{12}$/.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}

/**
 * Issues unique UPNs for an LA code: LA (3) + establishment (4) + year allocated (2) + serial (3).
 * Numbers whose check letter would be Y or Z are skipped (some validators only know A..X).
 */
export class Upns {
  private n = 0;
  constructor(private readonly laCode: string) {}
  next(yearAllocated: number): string {
    for (;;) {
      const k = this.n++;
      const establishment = 2000 + (Math.floor(k / 1000) % 7000);
      const serial = k % 1000;
      const twelve = `${this.laCode}${establishment}${String(yearAllocated % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i + 2);
      if (sum % 23 > 20) continue;
      return UPN_LETTERS[sum % 23]! + twelve;
    }
  }
}

export function laChildId(n: number): string {
  return `C${String(n).padStart(7, '0')}`;
}
