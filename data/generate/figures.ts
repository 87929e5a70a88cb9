import type { PublishedFigure } from '../facts/parse.ts';

/** The published figure of a province, indicator and year; throws when absent or ambiguous. */
export function figure(published: readonly PublishedFigure[], province: string, indicator: string, year: number): PublishedFigure {
  const rows = published.filter((r) => r.province_code === province && r.indicator === indicator && r.year === year);
  if (rows.length !== 1) throw new Error(`published_figures: expected one ${indicator} row for ${province}/${year}, found ${rows.length}`);
  return rows[0];
}

export function figureValue(row: PublishedFigure): number {
  if (row.value_num === null) throw new Error(`published_figures: ${row.indicator} ${row.province_code}/${row.year} is a range`);
  return row.value_num;
}

/** A number written in the scope note, e.g. /(\d+) poor households/; null when the pattern is absent. */
export function scopeNumber(row: PublishedFigure, pattern: RegExp): number | null {
  const m = pattern.exec(row.scope_note);
  return m ? Number(m[1]) : null;
}

export const POOR_COUNT = /^(\d+) poor households/;
export const NEAR_POOR_COUNT = /^(\d+) near-poor households/;

/** National shares from the '00' communes_ntm row: NTM, advanced-or-model, model, and the average criteria count. */
export function nationalFigures(published: readonly PublishedFigure[]): { ntm: number; advanced: number; model: number; avgCriteria: number; row: PublishedFigure } {
  const rows = published.filter((r) => r.province_code === '00' && r.indicator === 'communes_ntm');
  if (rows.length !== 1) throw new Error(`published_figures: expected one national communes_ntm row, found ${rows.length}`);
  const row = rows[0];
  const of = scopeNumber(row, /of (\d+)/);
  const adv = scopeNumber(row, /(\d+) advanced/);
  const model = scopeNumber(row, /(\d+) model/);
  const avg = scopeNumber(row, /average ([\d.]+) criteria/);
  if (of === null || adv === null || model === null || avg === null)
    throw new Error(`published_figures: national scope note not understood: "${row.scope_note}"`);
  return { ntm: figureValue(row) / of, advanced: (adv + model) / of, model: model / of, avgCriteria: avg, row };
}
