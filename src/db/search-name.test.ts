import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consonantSkeleton, nameKeys, normaliseName, queryWordKeys, searchNameOf } from './search-name.js';

/** True when a typed word and a stored name meet on their phonetic keys (the search's rule for one word). */
const soundsLike = (typedWord: string, storedName: string) => {
  const stored = new Set(nameKeys(normaliseName(storedName)));
  return queryWordKeys(normaliseName(typedWord)).some((k) => stored.has(k));
};

describe('normaliseName: the searchable form of a name', () => {
  const cases: [string, string, string][] = [
    ['Harry Potter', 'harry potter', 'lower case, one space between words'],
    ['  HARRY   potter ', 'harry potter', 'spaces collapsed and trimmed'],
    ['Seán O’Brien-Smith', 'sean obrien smith', 'accents removed, apostrophes join, hyphens separate'],
    ["D'Souza", 'dsouza', 'a straight apostrophe joins too'],
    ['Zoë Łukasz Żółć Müller Øyvind', 'zoe lukasz zolc muller oyvind', 'Latin letters with marks become plain letters'],
    ['Ng\u0303uye\u0302\u0303n', 'nguyen', 'combining marks (decomposed text) go too'],
    ['Straße', 'strasse', 'ß is ss'],
    ['Дмитрий Иванов', 'dmitriy ivanov', 'Cyrillic transliterated'],
    ['Наталья', 'natalya', 'the soft sign is an apostrophe in transliteration, and apostrophes join'],
    ['Σωκράτης Γιώργος', 'sokratis giorgos', 'Greek transliterated'],
    ['محمد', 'mhmd', 'Arabic transliterated: its short vowels are not written'],
    ['فاطمة', 'ftmh', 'Arabic ta marbuta is h'],
    ['王伟', 'wang wei', 'Chinese: a syllable per character, kept apart'],
    ['李秀英', 'li xiu ying', 'Chinese given names too'],
    ['김민준', 'gim min jun', 'Korean: a syllable per block'],
    ['😀 Amy ★', 'amy', 'emoji and symbols are not part of a name'],
    ['Mary-Jane 2nd', 'mary jane 2nd', 'digits are kept'],
    ['!!!', '', 'nothing but punctuation is nothing'],
  ];
  for (const [input, expected, why] of cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}: ${why}`, () => {
      assert.equal(normaliseName(input), expected);
    });
  }

  test('a stored name is the given name then the family name', () => {
    assert.equal(searchNameOf('Seán', 'O’Brien-Smith'), 'sean obrien smith');
  });
});

describe('consonantSkeleton: the letters that carry a name written without vowels', () => {
  for (const [word, skeleton] of [
    ['muhammad', 'md'],
    ['mohamed', 'md'],
    ['mhmd', 'md'],
    ['fatima', 'ftm'],
    ['ftmh', 'ftm'],
    ['yusuf', 'sf'],
    ['khalid', 'kld'],
    ['qasim', 'ksm'],
    ['aoife', 'f'],
  ] as const) {
    test(`${word} → ${skeleton}`, () => assert.equal(consonantSkeleton(word), skeleton));
  }
});

describe('phonetic keys: names that sound alike meet, names that do not stay apart', () => {
  const alike: [string, string][] = [
    ['Catherine', 'Katherine'],
    ['Jonson', 'Johnson'],
    ['Mohamed', 'Muhammad'],
    ['Mohammed', 'Muhammad'],
    ['Stephen', 'Steven'],
    ['Smyth', 'Smith'],
    ['Yousef', 'Yusuf'],
    ['Dmitry', 'Дмитрий'],
    ['Muhammad', 'محمد'],
    ['محمد', 'Mohamed'],
    ['Fatima', 'فاطمة'],
    ['Aoife', 'Eva'],
  ];
  for (const [typed, stored] of alike) {
    test(`"${typed}" sounds like "${stored}"`, () => assert.ok(soundsLike(typed, stored)));
  }
  const apart: [string, string][] = [
    ['Sean', 'Shane'],
    ['Catherine', 'Caroline'],
    ['Muhammad', 'Mahmoud'],
    ['Smith', 'Jones'],
    ['Ali', 'Leo'],
  ];
  for (const [typed, stored] of apart) {
    test(`"${typed}" does not sound like "${stored}"`, () => assert.ok(!soundsLike(typed, stored)));
  }

  test('a consonant skeleton matches only when one side is written without vowels', () => {
    // Ali and Leo share the skeleton "l", but both are written with vowels, so the skeleton is not compared.
    assert.ok(nameKeys('ali').includes('Sl'));
    assert.ok(!nameKeys('ali').includes('Nl'));
    assert.deepEqual(queryWordKeys('leo').filter((k) => !k.startsWith('D')), ['Nl']);
    // An unvowelled stored name (from Arabic script) carries "N…", so a vowelled search meets it.
    assert.ok(nameKeys('mhmd').includes('Nmd'));
  });

  test('keys are sorted and unique', () => {
    const keys = nameKeys('anna anna smith');
    assert.deepEqual(keys, [...new Set(keys)].sort());
  });
});
