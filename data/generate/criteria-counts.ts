import type { CriteriaAnchor } from './calibration.ts';
import type { Rng } from './rng.ts';

/** Criteria numbers from usually met first to usually met last (ILLUSTRATIVE order; 17, 10, 13, 2, 5 are the hard ones). */
export const TYPICAL_ORDER = [19, 4, 8, 1, 12, 18, 15, 16, 9, 3, 14, 7, 11, 6, 5, 2, 13, 10, 17];
export const ALL_19 = (1 << 19) - 1;

/** prefix[c] = mask of the first c criteria this commune meets (its own order: the typical order, shuffled a little). */
export function criteriaPrefixMasks(rng: Rng): Int32Array {
  const keyed = TYPICAL_ORDER.map((n, rank) => ({ n, key: rank + 3 * rng.normal() }));
  keyed.sort((a, b) => a.key - b.key || a.n - b.n);
  const prefix = new Int32Array(20);
  for (let c = 1; c <= 19; c++) prefix[c] = prefix[c - 1] | (1 << (keyed[c - 1].n - 1));
  return prefix;
}

export function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

/** Anchor-year criteria counts for n communes, sorted high → low, band by band. */
export function drawAnchorValues(n: number, anchor: CriteriaAnchor, rng: Rng): number[] {
  const fixed = anchor.bands.reduce((s, b) => s + (b.count === 'rest' ? 0 : b.count), 0);
  if (fixed > n) throw new Error(`criteria anchor ${anchor.year}: bands hold ${fixed} communes but only ${n} are not NTM`);
  const sizes = anchor.bands.map((b) => (b.count === 'rest' ? n - fixed : b.count));
  const values: number[][] = anchor.bands.map((b, i) =>
    Array.from({ length: sizes[i] }, () => Math.min(b.max, Math.max(b.min, Math.round(anchor.center + anchor.spread * rng.normal())))),
  );
  if (anchor.exactMean !== undefined && n > 0) {
    const target = Math.round(anchor.exactMean * n);
    let sum = values.flat().reduce((a, b) => a + b, 0);
    for (let guard = 0; sum !== target; guard++) {
      if (guard > 100_000) throw new Error(`criteria anchor ${anchor.year}: mean ${anchor.exactMean} is out of the bands' reach`);
      const bi = rng.int(0, values.length - 1);
      const band = anchor.bands[bi];
      if (values[bi].length === 0) continue;
      const k = rng.int(0, values[bi].length - 1);
      if (sum < target && values[bi][k] < band.max) {
        values[bi][k]++;
        sum++;
      } else if (sum > target && values[bi][k] > band.min) {
        values[bi][k]--;
        sum--;
      }
    }
  }
  return values.flatMap((v) => v.sort((a, b) => b - a));
}
