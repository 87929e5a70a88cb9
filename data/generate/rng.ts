import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** FNV-1a hash of `${seed}:${key}` → 32-bit seed of an independent stream. */
export function streamSeed(seed: number, key: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}:${key}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Seeded random numbers (xoroshiro128+ from pure-rand). One stream per (seed, key), so a province's values
 * do not depend on which other provinces are generated. Only arithmetic and Math.sqrt are used here.
 */
export class Rng {
  private readonly g: RandomGenerator;
  constructor(seed: number, key: string) {
    this.g = xoroshiro128plus(streamSeed(seed, key));
  }
  /** Uniform in [0, 1). */
  float(): number {
    return (this.g.unsafeNext() >>> 0) / 4294967296;
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  /** Approximately standard normal (Irwin-Hall sum of 4 uniforms, scaled to unit variance). */
  normal(): number {
    return (this.float() + this.float() + this.float() + this.float() - 2) * Math.sqrt(3);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  /** Index drawn with the given (non-negative) weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}
