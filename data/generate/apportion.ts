/**
 * Splits an integer total into integers proportional to weights, each at most caps[i]
 * (largest remainder; ties go to the lower index). Throws when the caps cannot hold the total.
 */
export function apportion(total: number, weights: ArrayLike<number>, caps?: ArrayLike<number>): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  if (total === 0 || n === 0) {
    if (total !== 0) throw new Error(`apportion: total ${total} over no units`);
    return out;
  }
  const cap = (i: number): number => (caps ? Math.floor(caps[i]) : Number.MAX_SAFE_INTEGER);
  let capSum = 0;
  for (let i = 0; i < n; i++) capSum += cap(i);
  if (capSum < total) throw new Error(`apportion: total ${total} exceeds the sum of caps ${capSum}`);

  const share = new Float64Array(n);
  const fixed = new Uint8Array(n);
  let remaining = total;
  for (;;) {
    let w = 0;
    for (let i = 0; i < n; i++) if (!fixed[i]) w += Math.max(weights[i], 1e-12);
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      share[i] = (remaining * Math.max(weights[i], 1e-12)) / w;
      if (share[i] > cap(i)) {
        share[i] = cap(i);
        fixed[i] = 1;
        remaining -= cap(i);
        changed = true;
      }
    }
    if (!changed) break;
  }
  let assigned = 0;
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    out[i] = Math.floor(share[i]);
    assigned += out[i];
    if (out[i] < cap(i)) order.push(i);
  }
  order.sort((a, b) => share[b] - Math.floor(share[b]) - (share[a] - Math.floor(share[a])) || a - b);
  for (let k = 0; assigned < total; k++) {
    out[order[k % order.length]] += 1;
    assigned++;
  }
  return out;
}

/** Percentage rounded to 2 decimals, as published rates are compared. */
export function pct2(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 10000) / 100;
}

/** True when numerator/denominator, as a percentage, rounds to ratePct at 2 decimals (with a safety margin). */
export function roundsTo(ratePct: number, numerator: number, denominator: number): boolean {
  return Math.abs((100 * numerator) / denominator - ratePct) < 0.005 - 1e-9;
}

/** Integer count whose share of the denominator rounds to ratePct (2 decimals); the nearest to the exact product. */
export function countForRate(ratePct: number, denominator: number): number {
  const c0 = Math.round((ratePct / 100) * denominator);
  for (const d of [0, 1, -1, 2, -2]) if (roundsTo(ratePct, c0 + d, denominator)) return c0 + d;
  throw new Error(`No integer count gives ${ratePct}% of ${denominator}`);
}

/** Open interval of denominators for which count/denominator rounds to ratePct (2 decimals). */
export function denominatorRange(ratePct: number, count: number): [number, number] {
  const lo = Math.floor((100 * count) / (ratePct + 0.005)) + 1;
  const hi = Math.ceil((100 * count) / (ratePct - 0.005)) - 1;
  return [lo, hi];
}
