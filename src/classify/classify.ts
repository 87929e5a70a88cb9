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

/**
 * Natural breaks: Jenks' criterion (minimum within-class squared deviation), solved exactly: by Ckmeans, or where
 * the values take few distinct values (criteria met: 0-19, years) over those values weighted by their counts, which
 * is the same optimum at a fraction of the cost (10,600 values in 20 distinct: 0.05 ms against 4-9 ms in Node).
 */
export function jenksBreaks(sorted: number[], k: number): number[] {
  const distinct = distinctCounts(sorted);
  const classes = Math.min(k, distinct.values.length);
  if (distinct.values.length <= FEW_DISTINCT) return weightedJenksBreaks(distinct.values, distinct.counts, classes);
  const clusters = ckmeans(sorted, classes);
  return clusters.slice(1).map((c) => c[0]);
}

/** Up to this many distinct values, the O(k·u²) optimum over the distinct values is the cheaper exact solution. */
const FEW_DISTINCT = 256;

function distinctCounts(sorted: number[]): { values: number[]; counts: number[] } {
  const values: number[] = [];
  const counts: number[] = [];
  for (const x of sorted) {
    if (values.length > 0 && values[values.length - 1] === x) {
      counts[counts.length - 1]++;
    } else {
      // past the threshold the count no longer matters: Ckmeans takes over
      if (values.length > FEW_DISTINCT) break;
      values.push(x);
      counts.push(1);
    }
  }
  return { values, counts };
}

/** Exact Jenks over distinct ascending values with their counts: dynamic programming on prefix sums. */
function weightedJenksBreaks(values: number[], counts: number[], k: number): number[] {
  const u = values.length;
  if (k <= 1 || u <= 1) return [];
  const w = new Float64Array(u + 1), wx = new Float64Array(u + 1), wxx = new Float64Array(u + 1);
  for (let i = 0; i < u; i++) {
    // shifted to the smallest value: the same deviations, less cancellation in the sums (years, household counts)
    const x = values[i] - values[0];
    w[i + 1] = w[i] + counts[i];
    wx[i + 1] = wx[i] + counts[i] * x;
    wxx[i + 1] = wxx[i] + counts[i] * x * x;
  }
  // squared deviation of the values i..j-1 (distinct indices) from their mean
  const ssd = (i: number, j: number) => {
    const n = w[j] - w[i], s = wx[j] - wx[i];
    return wxx[j] - wxx[i] - (s * s) / n;
  };
  // cost[c][j]: best cost of the first j distinct values in c+1 classes; from[c][j]: where its last class starts
  const cost = Array.from({ length: k }, () => new Float64Array(u + 1).fill(Infinity));
  const from = Array.from({ length: k }, () => new Int32Array(u + 1));
  for (let j = 1; j <= u; j++) cost[0][j] = ssd(0, j);
  for (let c = 1; c < k; c++) {
    for (let j = c + 1; j <= u; j++) {
      for (let i = c; i < j; i++) {
        const v = cost[c - 1][i] + ssd(i, j);
        if (v < cost[c][j]) {
          cost[c][j] = v;
          from[c][j] = i;
        }
      }
    }
  }
  const breaks: number[] = [];
  for (let c = k - 1, j = u; c > 0; c--) {
    const i = from[c][j];
    breaks.unshift(values[i]);
    j = i;
  }
  return breaks;
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
