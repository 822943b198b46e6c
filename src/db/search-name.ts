/**
 * The searchable form of a person's name, stored beside it in `people.search_name` (trigram
 * search) and `people.search_keys` (phonetic keys), and computed the same way from what a user
 * types into a search. One module for both sides, so that the stored form and the query always
 * agree; the database only compares them (pg_trgm's similarity, array overlap).
 *
 * - search_name: Latin ASCII, lower case, words separated by single spaces. Names in other scripts
 *   are transliterated (any-ascii: Дмитрий → dmitriy, Σωκράτης → sokratis, محمد → mhmd,
 *   王伟 → wang wei); accents go (Seán → sean); apostrophes join (O’Brien → obrien); hyphens and
 *   other punctuation separate words (Smith-Jones → smith jones).
 * - search_keys: per word, the Double Metaphone codes ("D…": Catherine and Katherine are both
 *   K0RN) and a consonant skeleton ("S…"/"N…") that lets a name written without vowels (Arabic,
 *   Persian, Urdu and Hebrew scripts mostly do not write them: محمد → mhmd) meet its Latin
 *   spellings (Muhammad, Mohamed → md).
 *
 * Rows written without these columns (bulk loads, other code) have search_name null; a partial
 * index finds them and `fillSearchNames` computes them (at migrate, after a bulk load, and before
 * each search). A change of name that does not also set search_name sets it back to null (a
 * trigger), so it is recomputed rather than left stale.
 */
import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from './database.js';

/** Scripts written without spaces between syllables: each character is a syllable, kept apart (王伟 → wang wei, not wangwei). */
const SYLLABIC = /[\p{Script=Han}\p{Script=Hangul}]/u;
/** Letters, combining marks, digits and apostrophes carry a name; anything else (emoji, symbols, punctuation) only separates words. */
const NOT_NAME = /[^\p{L}\p{M}\p{N}'’ʼʻ`]+/gu;

/** A name (or any text typed as one) in its searchable form: "Seán O’Brien-Smith" → "sean obrien smith". */
export function normaliseName(text: string): string {
  const cleaned = text.normalize('NFC').replace(NOT_NAME, ' ');
  let ascii = '';
  for (const ch of cleaned) {
    if (ch.charCodeAt(0) < 0x80) ascii += ch;
    else if (SYLLABIC.test(ch)) ascii += ` ${anyAscii(ch)} `;
    else ascii += anyAscii(ch);
  }
  return ascii
    .toLowerCase()
    .replace(/['`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The stored search name of a person. */
export function searchNameOf(givenName: string, familyName: string): string {
  return normaliseName(`${givenName} ${familyName}`);
}

const hasVowel = (word: string) => /[aeiou]/.test(word);

/** The consonants that carry a name when vowels are not written: muhammad, mohamed and mhmd are all "md". */
export function consonantSkeleton(word: string): string {
  return word
    .replace(/[^a-z]|[aeiouyhw]/g, '')
    .replace(/[cq]/g, 'k')
    .replace(/(.)\1+/g, '$1');
}

function metaphoneKeys(word: string): string[] {
  if (!/[a-z]/.test(word)) return [];
  const [primary, alternate] = doubleMetaphone(word);
  return [...new Set([primary, alternate].filter(Boolean))].map((code) => `D${code}`);
}

/**
 * The phonetic keys stored for a search name. A skeleton is stored as "S…" for every word, and
 * also as "N…" for a word written without vowels; a query word asks for "S…" when it has no
 * vowels itself, and "N…" otherwise. So two spellings meet on their skeleton only when one of
 * them is unvowelled: Mohamed finds محمد (mhmd) and the reverse, but Ali does not find Leo (both "l").
 */
export function nameKeys(searchName: string): string[] {
  const keys = new Set<string>();
  for (const word of new Set(searchName.split(' ').filter(Boolean))) {
    for (const key of metaphoneKeys(word)) keys.add(key);
    const skeleton = consonantSkeleton(word);
    if (skeleton) {
      keys.add(`S${skeleton}`);
      if (!hasVowel(word)) keys.add(`N${skeleton}`);
    }
  }
  return [...keys].sort();
}

/** The keys one word of a search may meet in a stored name's keys (any one of them is a match for that word). */
export function queryWordKeys(word: string): string[] {
  const keys = metaphoneKeys(word);
  const skeleton = consonantSkeleton(word);
  if (skeleton) keys.push(`${hasVowel(word) ? 'N' : 'S'}${skeleton}`);
  return keys;
}

/**
 * Computes search_name and search_keys for rows that have none (search_name is null: found
 * through a small partial index), in batches of `batch`, at most `limit` rows. Returns how many
 * rows it filled.
 */
export async function fillSearchNames(db: Executor, options: { batch?: number; limit?: number } = {}): Promise<number> {
  const batch = options.batch ?? 5_000;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let filled = 0;
  while (filled < limit) {
    const take = Math.min(batch, limit - filled);
    const rows = rowsOf<{ id: string; given_name: string; family_name: string }>(
      await db.execute(sql`select id, given_name, family_name from people where search_name is null limit ${take}`),
    );
    if (rows.length === 0) break;
    const ids: string[] = [];
    const names: string[] = [];
    const keys: string[] = [];
    for (const row of rows) {
      const name = searchNameOf(row.given_name, row.family_name);
      ids.push(row.id);
      names.push(name);
      keys.push(nameKeys(name).join(' '));
    }
    await db.execute(sql`
      update people p set search_name = v.name, search_keys = string_to_array(v.keys, ' ')
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(names)}::text[], ${sql.param(keys)}::text[]) as v(id, name, keys)
       where p.id = v.id`);
    filled += rows.length;
    if (rows.length < take) break;
  }
  return filled;
}
