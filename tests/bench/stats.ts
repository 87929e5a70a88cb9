export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const summary = (values: number[]) => ({
  median: Math.round(quantile(values, 0.5)),
  p95: Math.round(quantile(values, 0.95)),
  runs: values.map(Math.round),
});
