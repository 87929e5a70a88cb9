export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : NaN);

export interface Summary {
  median: number;
  p95: number;
  mean: number;
  n: number;
  runs?: number[];
}

/** Median, p95 and mean (0.1 ms resolution); `keep` lists the samples too (cold loads: one per run). */
export function summary(values: number[], keep = true): Summary {
  const finite = values.filter(Number.isFinite);
  const s: Summary = {
    median: round(quantile(finite, 0.5)),
    p95: round(quantile(finite, 0.95)),
    mean: round(finite.reduce((a, b) => a + b, 0) / (finite.length || NaN)),
    n: finite.length,
  };
  if (keep) s.runs = finite.map(round);
  return s;
}
