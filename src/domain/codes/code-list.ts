/** A DfE or local code with its label and the collection years in which it may be returned. */
export interface Code {
  code: string;
  label: string;
  /** First collection year the code is valid, e.g. '2022-23'; undefined = before Hearth's earliest return. */
  validFrom?: string;
  /** Last collection year the code is valid; undefined = still valid. */
  validTo?: string;
}

export interface CodeList {
  name: string;
  source: string;
  codes: readonly Code[];
  has(code: string): boolean;
  label(code: string): string;
}

export function codeList(name: string, source: string, codes: readonly Code[]): CodeList {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  return {
    name,
    source,
    codes,
    has: (code) => byCode.has(code),
    label: (code) => byCode.get(code)?.label ?? code,
  };
}

const COLLECTION_YEAR = /^(\d{4})-(\d{2})$/;

/** True for a DfE collection year written like '2024-25' (1 April 2024 to 31 March 2025). */
export function isCollectionYear(year: string): boolean {
  const m = COLLECTION_YEAR.exec(year);
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

function assertCollectionYear(year: string): void {
  if (!isCollectionYear(year)) throw new RangeError(`Not a collection year (expected e.g. '2024-25'): ${JSON.stringify(year)}`);
}

/** True when `code` is in `list` and may be returned in collection year `year` ('2024-25'). */
export function isCodeValidIn(list: CodeList, code: string, year: string): boolean {
  assertCollectionYear(year);
  const c = list.codes.find((x) => x.code === code);
  if (c === undefined) return false;
  // 'YYYY-YY' strings of the same shape sort chronologically.
  return (c.validFrom === undefined || c.validFrom <= year) && (c.validTo === undefined || year <= c.validTo);
}

/** The codes of `list` that may be returned in collection year `year` ('2024-25'), in list order. */
export function codesValidIn(list: CodeList, year: string): Code[] {
  assertCollectionYear(year);
  return list.codes.filter((c) => isCodeValidIn(list, c.code, year));
}

/** The DfE collection year ('2025-26', 1 April to 31 March) a date falls in: the year whose codes apply to it. */
export function collectionYearOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
