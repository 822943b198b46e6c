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
