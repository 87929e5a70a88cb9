// The short table printed after the JSON: ours, baseline, ratio ours/baseline, target.
import type { Summary } from './stats';

export interface Row {
  metric: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? `${Math.round(v)}` : v.toFixed(1)) : '-');

export const medP95 = (s: Summary | undefined) => (s ? `${ms(s.median)} / ${ms(s.p95)}` : '-');

/** ours/baseline of the medians, and how many times faster ours is. */
export function ratio(ours: number | undefined, baseline: number | undefined): string {
  if (ours === undefined || baseline === undefined || !Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return '-';
  const r = ours / baseline;
  return `${r.toFixed(r < 0.1 ? 3 : 2)} (${(1 / r).toFixed(1)}x)`;
}

export function table(rows: Row[]): string {
  const head: Row = { metric: 'metric', ours: 'ours', baseline: 'baseline', ratio: 'ours/baseline', target: 'target', met: 'met' };
  const cols = Object.keys(head) as (keyof Row)[];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))])) as Record<keyof Row, number>;
  const line = (r: Row) => cols.map((c) => r[c].padEnd(width[c])).join(' | ');
  return [line(head), cols.map((c) => '-'.repeat(width[c])).join('-|-'), ...rows.map(line)].join('\n');
}

export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
