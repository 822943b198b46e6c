/**
 * UK postcodes: whether a typed postcode is well formed, and its stored form (capitals, no space:
 * the addresses table's check). The pattern is the format the Royal Mail publishes (the outward
 * code: area letters, district digits, an optional sub-district letter; the inward code: a digit
 * and two letters from the allowed set), as in the UK government data standard for postcodes; it
 * says a postcode could exist, not that it does (no postcode directory is shipped).
 * ../shared/reference/libraries.md names `postcode@5.1.0` for parsing; it is not installed here,
 * and this check is the part of it the forms need.
 */
const POSTCODE = /^(GIR0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$/;

/** The postcode as stored ('SW1A2AA'), or null when it is not a well-formed UK postcode. */
export function normalisePostcode(typed: string): string | null {
  const s = typed.replace(/\s+/g, '').toUpperCase();
  return POSTCODE.test(s) ? s : null;
}
