/**
 * The placement market: the authority's own fostering service and homes, other authorities'
 * homes, independent fostering agencies, private and voluntary children's homes, secure homes,
 * supported accommodation, adoption agencies; their foster carer households; and weekly costs in
 * the ranges of domain.md §7.2.
 */
import { iso } from './calendar.js';
import type { Sink } from './batches.js';
import { postcodeIn, type SyntheticArea } from './geography.js';
import { familyName, givenName, type NameOrigin, type Pools } from './pools.js';
import { Rng, weighted } from './prng.js';

export type ProviderKind =
  | 'inhouse_fostering'
  | 'ifa'
  | 'children_home'
  | 'secure_home'
  | 'supported'
  | 'residential_school'
  | 'family_centre'
  | 'own_raa'
  | 'other_raa'
  | 'vaa'
  | 'yoi'
  | 'hospital'
  | 'care_home';

export interface Provider {
  id: string;
  kind: ProviderKind;
  name: string;
  ownership: 'PR1' | 'PR2' | 'PR3' | 'PR4' | 'PR5';
  urn: string | null;
  postcode: string;
  area: SyntheticArea;
  /** Bespoke (solo, unregistered-style) children's home placements cost £10k-£20k a week. */
  bespoke: boolean;
}

export interface Carer {
  id: string;
  providerId: string;
  provider: Provider;
  type: 'mainstream' | 'kinship' | 'ffa';
  postcode: string;
  name: string;
}

export interface Market {
  inHouse: Provider;
  ownRaa: Provider;
  byKind: Map<ProviderKind, Provider[]>;
  inHouseCarers: Carer[];
  ffaCarers: Carer[];
  ifaCarers: Carer[];
  areas: readonly SyntheticArea[];
  homeArea: SyntheticArea;
}

const ORIGINS = weighted<NameOrigin>([
  ['gb', 68],
  ['ng', 16],
  ['in', 10],
  ['pl', 6],
]);

function carerName(rng: Rng, pools: Pools): string {
  const origin = ORIGINS.sample(rng);
  const family = familyName(rng, pools, origin);
  if (rng.chance(0.6)) return `${givenName(rng, pools, origin, 'F')} and ${givenName(rng, pools, origin, 'M')} ${family}`;
  return `${givenName(rng, pools, origin, rng.chance(0.85) ? 'F' : 'M')} ${family}`;
}

export interface MarketOptions {
  scale: number;
  seed: number;
  pools: Pools;
  sink: Sink;
  areas: readonly SyntheticArea[];
  authorityName: string;
  historyStart: number;
}

export function buildMarket(o: MarketOptions): Market {
  const rng = new Rng(o.seed, 202, 0);
  const S = o.scale;
  const count = (n: number, min = 1) => Math.max(min, Math.round(n * S));
  const homeArea = o.areas.find((a) => a.home)!;
  const area = (name: string) => o.areas.find((a) => a.area === name)!;
  const awayAreas = weighted(o.areas.filter((a) => !a.home).map((a) => [a, a.milesFrom < 10 ? 3 : a.milesFrom < 50 ? 3 : 1.5] as const));
  let urnCounter = 0;
  const nextUrn = () => `SC9${String(10000 + urnCounter++ * 7 + rng.int(0, 6)).padStart(5, '0')}`;
  const byKind = new Map<ProviderKind, Provider[]>();
  const usedNames = new Set<string>();
  const uniqueName = (make: () => string) => {
    for (let i = 0; i < 20; i++) {
      const n = make();
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
    const n = `${make()} ${usedNames.size}`;
    usedNames.add(n);
    return n;
  };
  const word = () => rng.pick(o.pools.placeWords);
  const authority = homeArea.authority;

  const add = (kind: ProviderKind, providerType: string, ownership: Provider['ownership'], name: string, where: SyntheticArea, urn: string | null, beds: number | null, bespoke = false): Provider => {
    const { postcode } = postcodeIn(rng, where);
    const p: Provider = { id: rng.uuid(), kind, name, ownership, urn, postcode, area: where, bespoke };
    o.sink.push('providers', {
      id: p.id,
      name,
      provider_type: providerType,
      ownership,
      ofsted_urn: urn,
      postcode,
      local_authority_area: where.authority,
      beds,
    });
    const list = byKind.get(kind) ?? [];
    list.push(p);
    byKind.set(kind, list);
    return p;
  };

  const inHouse = add('inhouse_fostering', 'in_house_fostering', 'PR1', `${authority} Fostering Service`, homeArea, nextUrn(), null);
  const ownRaa = add('own_raa', 'other', 'PR1', `Adopt ${authority} (regional adoption agency)`, homeArea, null, null);
  for (let i = 0; i < 2; i++) add('other_raa', 'other', 'PR2', uniqueName(() => `${word()} Regional Adoption Agency`), awayAreas.sample(rng), null, null);
  for (let i = 0; i < 3; i++) add('vaa', 'other', 'PR5', uniqueName(() => `${word()} Adoption Society`), awayAreas.sample(rng), nextUrn(), null);
  const ifaSuffix = ['Fostering', 'Family Placements', 'Foster Care', 'Families'];
  for (let i = 0; i < count(15, 3); i++) add('ifa', 'ifa', rng.chance(0.8) ? 'PR4' : 'PR5', uniqueName(() => `${word()} ${rng.pick(ifaSuffix)}`), awayAreas.sample(rng), nextUrn(), null);
  const homeName = () => rng.pick([`${word()} House`, `${word()} Lodge`, `The ${word()} Children’s Home`, `${word()} View`]);
  for (let i = 0; i < count(3, 1); i++) add('children_home', 'children_home', 'PR1', uniqueName(homeName), homeArea, nextUrn(), rng.int(3, 5));
  for (let i = 0; i < count(5, 1); i++) add('children_home', 'children_home', 'PR2', uniqueName(homeName), awayAreas.sample(rng), nextUrn(), rng.int(3, 6));
  for (let i = 0; i < count(44, 3); i++) add('children_home', 'children_home', 'PR4', uniqueName(homeName), rng.chance(0.15) ? homeArea : awayAreas.sample(rng), nextUrn(), rng.int(2, 6));
  for (let i = 0; i < count(8, 1); i++) add('children_home', 'children_home', 'PR5', uniqueName(homeName), awayAreas.sample(rng), nextUrn(), rng.int(3, 6));
  for (let i = 0; i < count(6, 2); i++) add('children_home', 'children_home', 'PR4', uniqueName(() => `${word()} Cottage (solo placement)`), awayAreas.sample(rng), nextUrn(), 1, true);
  for (let i = 0; i < count(3, 2); i++) add('secure_home', 'secure_home', 'PR2', uniqueName(() => `${word()} Secure Children’s Home`), rng.pick([area('FM'), area('NM'), area('WX')]), nextUrn(), rng.int(6, 16));
  for (let i = 0; i < count(20, 2); i++) add('supported', 'supported_accommodation', rng.chance(0.8) ? 'PR4' : 'PR5', uniqueName(() => `${word()} Supported Living`), rng.chance(0.35) ? homeArea : awayAreas.sample(rng), nextUrn(), rng.int(4, 12));
  add('supported', 'supported_accommodation', 'PR1', `${authority} Supported Lodgings`, homeArea, nextUrn(), 10);
  for (let i = 0; i < count(4, 1); i++) add('residential_school', 'residential_school', rng.chance(0.6) ? 'PR4' : 'PR5', uniqueName(() => `${word()} School`), awayAreas.sample(rng), nextUrn(), rng.int(20, 60));
  for (let i = 0; i < count(3, 1); i++) add('family_centre', 'other', rng.chance(0.6) ? 'PR4' : 'PR5', uniqueName(() => `${word()} Family Assessment Centre`), awayAreas.sample(rng), nextUrn(), rng.int(3, 8));
  for (let i = 0; i < count(2, 1); i++) add('care_home', 'other', rng.chance(0.5) ? 'PR4' : 'PR5', uniqueName(() => `${word()} Residential Care Home`), awayAreas.sample(rng), null, rng.int(4, 10));
  for (let i = 0; i < 2; i++) add('yoi', 'other', 'PR3', uniqueName(() => `HMYOI ${word()}`), rng.pick([area('FM'), area('NM'), area('WX')]), null, null);
  for (let i = 0; i < 2; i++) add('hospital', 'other', 'PR3', uniqueName(() => `${word()} Hospital`), rng.chance(0.5) ? homeArea : area('EM'), null, null);

  const carers = (n: number, provider: Provider, type: Carer['type'], where: () => SyntheticArea): Carer[] => {
    const out: Carer[] = [];
    for (let i = 0; i < n; i++) {
      const { postcode } = postcodeIn(rng, where());
      const c: Carer = { id: rng.uuid(), providerId: provider.id, provider, type, postcode, name: carerName(rng, o.pools) };
      o.sink.push('foster_carers', {
        id: c.id,
        name: c.name,
        provider_id: provider.id,
        carer_type: type,
        approved_date: iso(o.historyStart - rng.int(60, 4000)),
        approval_end_date: null,
        temporary_approval: false,
        places: type === 'ffa' ? 1 : rng.pick([1, 2, 2, 3]),
        postcode,
      });
      out.push(c);
    }
    return out;
  };
  // The authority's own carers live in its area: SSDA903 rule 1015 queries own provision (PR1) placed outside it.
  const inHouseCarers = carers(count(170, 4), inHouse, 'mainstream', () => homeArea);
  const ffaCarers = carers(count(10, 2), inHouse, 'ffa', () => homeArea);
  const ifaCarers: Carer[] = [];
  for (const ifa of byKind.get('ifa')!) {
    ifaCarers.push(...carers(Math.max(2, Math.round(rng.int(6, 14) * Math.min(1, S * 2))), ifa, 'mainstream', () => (rng.chance(0.15) ? homeArea : rng.chance(0.6) ? ifa.area : awayAreas.sample(rng))));
  }
  return { inHouse, ownRaa, byKind, inHouseCarers, ffaCarers, ifaCarers, areas: o.areas, homeArea };
}

/** Weekly cost in pounds for a placement of the given type with the given provider. */
export function weeklyCost(rng: Rng, placeType: string, provider: Provider | null, carer: Carer | null): number | null {
  const round = (n: number) => Math.round(n / 5) * 5;
  const tri = (lo: number, hi: number) => round(lo + (hi - lo) * ((rng.float() + rng.float()) / 2));
  if (placeType.startsWith('U')) {
    if (carer?.type === 'kinship') return tri(300, 500);
    if (provider?.kind === 'ifa') return tri(900, 1300);
    return tri(350, 600);
  }
  switch (placeType) {
    case 'K2':
      return provider?.bespoke ? tri(10000, 20000) : tri(5000, 8000);
    case 'K1':
      return tri(7000, 11000);
    case 'K3':
    case 'H5':
      return tri(800, 3000);
    case 'S1':
      return tri(4000, 7000);
    case 'R3':
      return tri(3000, 5500);
    case 'R1':
      return tri(3500, 6000);
    default:
      return null;
  }
}
