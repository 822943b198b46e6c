/**
 * Characters a name must not hold (issue 9): control characters (Unicode Cc, which include tabs
 * and line breaks) and the bidirectional formatting characters (U+200E/F marks, U+202A-U+202E
 * embeddings and overrides, U+2066-U+2069 isolates). A right-to-left override in a name reorders
 * what staff see after it on the page, so that one child's record can be made to read as another's
 * (Unicode Technical Report 36, "Unicode Security Considerations", §2.4 bidirectional text spoofing).
 * Names in right-to-left scripts need none of them: the browser orders those letters itself.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function hasUnsafeNameCharacters(value: string): boolean {
  return UNSAFE.test(value);
}

/** The GOV.UK-style message for a name field that holds one. */
export function unsafeNameMessage(label: string): string {
  return `${label} must not contain control characters or text-direction marks`;
}
