/**
 * Name and street pools, drawn once from seeded Faker instances (en_GB first, with Nigerian,
 * Indian and Polish English-script locales for a London borough's mix), then sampled with the
 * generator's own PRNG: calling Faker per person is too slow at scale 10.
 */
import { Faker, base, en, en_GB, en_IN, en_NG, pl, type LocaleDefinition } from '@faker-js/faker';
import type { Rng } from './prng.js';

export type NameOrigin = 'gb' | 'ng' | 'in' | 'pl';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

export interface Pools {
  names: Record<NameOrigin, NamePool>;
  streets: readonly string[];
  /** Words for schools, homes and agencies. */
  placeWords: readonly string[];
}

function draw(count: number, f: () => string): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const s = f().trim();
    // Keep names simple: letters, spaces, hyphens and apostrophes only.
    if (s.length >= 2 && /^[\p{L}][\p{L}' -]*$/u.test(s)) seen.add(s);
  }
  return [...seen].sort();
}

function localeFaker(locale: LocaleDefinition, seed: number): Faker {
  const f = new Faker({ locale: [locale, en, base] });
  f.seed(seed);
  return f;
}

export function buildPools(seed: number): Pools {
  const gb = localeFaker(en_GB, seed);
  const byOrigin: [NameOrigin, Faker][] = [
    ['gb', gb],
    ['ng', localeFaker(en_NG, seed + 1)],
    ['in', localeFaker(en_IN, seed + 2)],
    ['pl', localeFaker(pl, seed + 3)],
  ];
  const names = {} as Record<NameOrigin, NamePool>;
  for (const [origin, f] of byOrigin) {
    names[origin] = {
      female: draw(1500, () => f.person.firstName('female')),
      male: draw(1500, () => f.person.firstName('male')),
      family: draw(2000, () => f.person.lastName()),
    };
  }
  const streets = draw(2500, () => gb.location.street());
  const placeWords = draw(600, () => gb.location.city().split(/[ -]/)[0] ?? 'Oak').filter((w) => w.length >= 4);
  return { names, streets, placeWords };
}

export function givenName(rng: Rng, pools: Pools, origin: NameOrigin, sex: 'M' | 'F' | 'U'): string {
  const p = pools.names[origin];
  return rng.pick(sex === 'M' ? p.male : sex === 'F' ? p.female : rng.chance(0.5) ? p.male : p.female);
}

export function familyName(rng: Rng, pools: Pools, origin: NameOrigin): string {
  return rng.pick(pools.names[origin].family);
}

/** Names for unaccompanied children, by country of origin (romanised, common given names). */
export const UASC_NAMES: Record<string, { male: readonly string[]; female: readonly string[]; family: readonly string[]; ethnicity: string }> = {
  Afghanistan: {
    male: ['Ahmad', 'Mohammad', 'Ali', 'Hamid', 'Farid', 'Jawid', 'Rahim', 'Sami', 'Zabihullah', 'Nasir', 'Karim', 'Wahid'],
    female: ['Zahra', 'Mariam', 'Fatima', 'Shabnam'],
    family: ['Ahmadi', 'Rahimi', 'Karimi', 'Hashimi', 'Noori', 'Sultani', 'Hakimi', 'Safi', 'Stanikzai', 'Popal'],
    ethnicity: 'AOTH',
  },
  Eritrea: {
    male: ['Yonas', 'Filmon', 'Dawit', 'Robel', 'Samuel', 'Merhawi', 'Biniam', 'Tesfay', 'Yohannes'],
    female: ['Semhar', 'Helen', 'Selam', 'Luwam', 'Saba'],
    family: ['Tesfamariam', 'Gebremedhin', 'Haile', 'Kidane', 'Tekle', 'Ghebreyesus', 'Berhane', 'Woldu'],
    ethnicity: 'BAFR',
  },
  Sudan: {
    male: ['Mohamed', 'Ahmed', 'Osman', 'Abdelrahman', 'Ibrahim', 'Mustafa', 'Adam', 'Yousif', 'Hassan'],
    female: ['Amna', 'Fatima', 'Hawa', 'Asma'],
    family: ['Abdalla', 'Osman', 'Ibrahim', 'Adam', 'Yagoub', 'Hamid', 'Elamin', 'Babiker'],
    ethnicity: 'BAFR',
  },
  Iran: {
    male: ['Reza', 'Amir', 'Mehdi', 'Hossein', 'Arash', 'Kian', 'Omid', 'Saman'],
    female: ['Maryam', 'Shirin', 'Nazanin', 'Leila'],
    family: ['Rostami', 'Moradi', 'Karimi', 'Hosseini', 'Rezaei', 'Ahmadi', 'Jafari', 'Nazari'],
    ethnicity: 'OOTH',
  },
  Iraq: {
    male: ['Ahmed', 'Karwan', 'Rebwar', 'Shwan', 'Hawre', 'Ali', 'Dler', 'Sarkawt'],
    female: ['Shilan', 'Zhino', 'Rezan', 'Hana'],
    family: ['Aziz', 'Mahmood', 'Qadir', 'Rasul', 'Hama', 'Salih', 'Omar', 'Kareem'],
    ethnicity: 'OOTH',
  },
  Albania: {
    male: ['Arben', 'Klajdi', 'Ergys', 'Erion', 'Kristian', 'Endri', 'Marsel', 'Redon', 'Elton'],
    female: ['Ana', 'Elira', 'Klea', 'Sara'],
    family: ['Hoxha', 'Shehu', 'Gashi', 'Krasniqi', 'Dervishi', 'Leka', 'Berisha', 'Kola'],
    ethnicity: 'WOTH',
  },
  Vietnam: {
    male: ['Minh', 'Tuan', 'Duc', 'Hung', 'Quang', 'Long', 'Huy', 'Nam'],
    female: ['Linh', 'Thao', 'Mai', 'Hoa'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui'],
    ethnicity: 'AOTH',
  },
  Syria: {
    male: ['Omar', 'Khaled', 'Mahmoud', 'Yazan', 'Ahmad', 'Bilal', 'Hamza', 'Firas'],
    female: ['Rama', 'Lana', 'Noor', 'Sidra'],
    family: ['Al-Ahmad', 'Haddad', 'Khalil', 'Hamdan', 'Darwish', 'Aldabbagh', 'Sabbagh', 'Zein'],
    ethnicity: 'OOTH',
  },
  Ethiopia: {
    male: ['Abel', 'Dawit', 'Henok', 'Kaleb', 'Mikias', 'Natnael', 'Yared'],
    female: ['Bethlehem', 'Hana', 'Meron', 'Tigist'],
    family: ['Alemu', 'Bekele', 'Tadesse', 'Girma', 'Mekonnen', 'Tesfaye', 'Wolde'],
    ethnicity: 'BAFR',
  },
};
