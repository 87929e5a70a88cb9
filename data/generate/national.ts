/**
 * Per-province cumulative targets for the provinces without published figures: count_p = round(n_p · σ(a_p + g)),
 * with one shift g per year solved so the national total (focus provinces included) reaches the national share.
 */
function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export interface ProvinceShareInput {
  n: number; // Xã in the province
  logit: number; // province propensity
  cap?: number; // upper bound of the count (e.g. last year's NTM count for the advanced tier)
}

/** Counts per province whose sum is the smallest reachable total ≥ target (shift g found by bisection, not below minShift). */
export function solveCounts(provinces: readonly ProvinceShareInput[], target: number, minShift: number): { counts: number[]; shift: number } {
  const countsAt = (g: number): number[] => provinces.map((p) => Math.min(p.cap ?? p.n, Math.round(p.n * sigmoid(p.logit + g))));
  const total = (g: number): number => countsAt(g).reduce((a, b) => a + b, 0);
  if (target <= 0) return { counts: provinces.map(() => 0), shift: minShift };
  let lo = minShift;
  let hi = 40;
  if (total(lo) >= target) return { counts: countsAt(lo), shift: lo };
  if (total(hi) < target) throw new Error(`National target ${target} exceeds what the provinces can hold (${total(hi)})`);
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (total(mid) >= target) hi = mid;
    else lo = mid;
  }
  return { counts: countsAt(hi), shift: hi };
}
