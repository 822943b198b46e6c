/**
 * Small, fast, seeded pseudo-random numbers for the synthetic authority. Never Math.random: the
 * same seed must give the same authority on every machine. sfc32 (Chris Doty-Humphrey's Small
 * Fast Counting generator) seeded through splitmix32, so that independent streams (one per family,
 * one for the workforce...) can be derived from (seed, stream, index) without sharing state.
 */

/** splitmix32: a good 32-bit mixer, used to derive seeds. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** A 32-bit hash of a few integers (order matters), from a starting value. */
export function hashInts(init: number, ...parts: number[]): number {
  let h = init >>> 0;
  for (const p of parts) {
    h = mix32((h ^ mix32((p | 0) + init)) >>> 0);
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return mix32(h);
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0, index = 0) {
    // Three independent hash chains: streams collide only if all 96 bits do.
    this.a = hashInts(0x811c9dc5, seed, stream, index);
    this.b = hashInts(0x1b873593, seed, stream, index);
    this.c = hashInts(0xcc9e2d51, seed, stream, index);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    let c = (this.c << 21) | (this.c >>> 11);
    c = (c + t) | 0;
    this.c = c;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  /** A real number in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** A standard normal deviate (Box-Muller; one of the pair is discarded for simplicity). */
  normal(mean = 0, sd = 1): number {
    let u = this.float();
    if (u < 1e-12) u = 1e-12;
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponentially distributed with the given mean. */
  exp(mean: number): number {
    let u = this.float();
    if (u < 1e-12) u = 1e-12;
    return -Math.log(u) * mean;
  }

  /** Log-normal with the given median and log-scale sigma. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Poisson-distributed count with mean lambda. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.float();
    } while (p > l);
    return k - 1;
  }

  /** A random version 4 UUID (deterministic for the stream). */
  uuid(): string {
    const a = this.next();
    const b = (this.next() & 0xffff0fff) | 0x00004000;
    const c = (this.next() & 0x3fffffff) | 0x80000000;
    const d = this.next();
    const hb = hex32(b);
    const hc = hex32(c);
    return `${hex32(a)}-${hb.slice(0, 4)}-${hb.slice(4)}-${hc.slice(0, 4)}-${hc.slice(4)}${hex32(d)}`;
  }
}

/** A weighted choice table, built once and sampled many times. */
export class Weighted<T> {
  private readonly cumulative: number[];
  private readonly total: number;
  constructor(readonly entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    this.cumulative = entries.map(([, w]) => (sum += w));
    this.total = sum;
  }
  sample(rng: Rng): T {
    const x = rng.float() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < c[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.entries[lo]![0];
  }
}

export const weighted = <T>(entries: readonly (readonly [T, number])[]) => new Weighted(entries);
