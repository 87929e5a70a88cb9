import { ckmeans } from 'simple-statistics';
import type { RGBA } from './palettes';

export type ClassMethod = 'jenks' | 'quantile' | 'equal' | 'manual';

export const noDataClass = 255;

export interface Classification {
  method: ClassMethod;
  /** Inner thresholds, ascending: class i holds values in [breaks[i-1], breaks[i]) ; the last class is closed. */
  breaks: number[];
  /** Lower and upper bound of each class, for legends. */
  ranges: [number, number][];
  /** Class per value; noDataClass (255) for NaN. */
  classOf: Uint8Array;
  counts: number[];
  noData: number;
}

/** One row of a map legend: a category or a class range, its colour and how many units in scope it holds. */
export interface LegendItem {
  /** i18n key for categories, or a numeric range for classes */
  category?: string;
  range?: [number, number];
  noData?: boolean;
  colour: RGBA;
  count: number;
}

function finiteSorted(values: ArrayLike<number>): number[] {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[n++] = values[i];
  // a typed array sorts numerically without a comparator call per pair: several times faster
  return Array.from(out.subarray(0, n).sort());
}

/** Natural breaks: Jenks' criterion (minimum within-class squared deviation), solved exactly by Ckmeans. */
export function jenksBreaks(sorted: number[], k: number): number[] {
  const clusters = ckmeans(sorted, Math.min(k, new Set(sorted).size));
  return clusters.slice(1).map((c) => c[0]);
}

export function quantileBreaks(sorted: number[], k: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < k; i++) out.push(sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / k))]);
  return [...new Set(out)].filter((b) => b > sorted[0]);
}

export function equalBreaks(sorted: number[], k: number): number[] {
  const lo = sorted[0], hi = sorted[sorted.length - 1];
  if (hi === lo) return [];
  return Array.from({ length: k - 1 }, (_, i) => lo + ((i + 1) * (hi - lo)) / k);
}

/** Classifies values into k classes (fewer when there are fewer distinct values). NaN is "no data". */
export function classify(values: ArrayLike<number>, method: ClassMethod, k: number, manualBreaks: number[] = []): Classification {
  const sorted = finiteSorted(values);
  let breaks: number[] = [];
  if (sorted.length > 0) {
    if (method === 'jenks') breaks = jenksBreaks(sorted, k);
    else if (method === 'quantile') breaks = quantileBreaks(sorted, k);
    else if (method === 'equal') breaks = equalBreaks(sorted, k);
    else breaks = [...manualBreaks].sort((a, b) => a - b);
  }
  const nClasses = breaks.length + 1;
  const classOf = new Uint8Array(values.length);
  const counts = new Array<number>(nClasses).fill(0);
  let noData = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      classOf[i] = noDataClass;
      noData++;
      continue;
    }
    let c = 0;
    while (c < breaks.length && v >= breaks[c]) c++;
    classOf[i] = c;
    counts[c]++;
  }
  const lo = sorted.length ? sorted[0] : NaN, hi = sorted.length ? sorted[sorted.length - 1] : NaN;
  const bounds = [lo, ...breaks, hi];
  const ranges = Array.from({ length: nClasses }, (_, i) => [bounds[i], bounds[i + 1]] as [number, number]);
  return { method, breaks, ranges, classOf, counts, noData };
}
