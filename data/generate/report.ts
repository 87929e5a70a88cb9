import type { PublishedFigure } from '../facts/parse.ts';
import { resolveDistrictCode } from '../facts/names.ts';
import type { DataTables, Tier } from '../model/tables.ts';
import { RURAL_COMMUNE_TYPE, type CommuneUnit, type DistrictUnit } from '../model/units.ts';
import { pct2 } from './apportion.ts';
import { FOCUS, YEARS } from './calibration.ts';
import { NEAR_POOR_COUNT, POOR_COUNT, nationalFigures, scopeNumber } from './figures.ts';

/** Province-year aggregates of the generated tables (what the app's views would compute). */
export class Aggregates {
  private readonly unit: Map<string, CommuneUnit>;
  constructor(readonly tables: DataTables, readonly communes: readonly CommuneUnit[], readonly districts: readonly DistrictUnit[]) {
    this.unit = new Map(communes.map((c) => [c.commune_code, c]));
  }

  private communeRows(filter: (u: CommuneUnit, year: number) => boolean): number[] {
    const t = this.tables.commune_year;
    const out: number[] = [];
    for (let i = 0; i < t.year.length; i++) if (filter(this.unit.get(t.commune_code[i])!, t.year[i])) out.push(i);
    return out;
  }

  /** Xã of a province ('00' = all) in a year, optionally restricted to tiers. */
  rows(province: string, year: number): number[] {
    return this.communeRows((u, y) => y === year && (province === '00' || u.province_code === province));
  }

  tierCount(province: string, year: number, tiers: readonly Tier[]): number {
    return this.rows(province, year).filter((i) => tiers.includes(this.tables.commune_year.tier[i])).length;
  }

  ntmCount(province: string, year: number): number {
    return this.tierCount(province, year, ['dat_chuan', 'nang_cao', 'kieu_mau']);
  }

  xaCount(province: string): number {
    return this.communes.filter((c) => c.commune_type === RURAL_COMMUNE_TYPE && (province === '00' || c.province_code === province)).length;
  }

  avgCriteria(province: string, year: number, onlyNotNtm = false): number {
    const t = this.tables.commune_year;
    const rows = this.rows(province, year).filter((i) => !onlyNotNtm || t.tier[i] === 'chua_dat');
    return rows.reduce((s, i) => s + t.criteria_met_count[i], 0) / rows.length;
  }

  countBand(province: string, year: number, min: number, max: number, onlyNotNtm = true): number {
    const t = this.tables.commune_year;
    return this.rows(province, year).filter((i) => (!onlyNotNtm || t.tier[i] === 'chua_dat') && t.criteria_met_count[i] >= min && t.criteria_met_count[i] <= max).length;
  }

  /** Sums of poverty rows of the units matching the filter in a year. */
  poverty(year: number, filter: (u: CommuneUnit) => boolean): { households: number; poor: number; nearPoor: number } {
    const t = this.tables.poverty_year;
    let households = 0;
    let poor = 0;
    let nearPoor = 0;
    for (let i = 0; i < t.year.length; i++) {
      if (t.year[i] !== year || !filter(this.unit.get(t.unit_code[i])!)) continue;
      households += t.households[i];
      poor += t.poor[i];
      nearPoor += t.near_poor[i];
    }
    return { households, poor, nearPoor };
  }

  provincePoverty(province: string, year: number): { households: number; poor: number; nearPoor: number } {
    return this.poverty(year, (u) => province === '00' || u.province_code === province);
  }

  districtCode(province: string, name: string): string {
    return resolveDistrictCode(this.districts, province, name, true).district.district_code;
  }
}

export type CoverageStatus = 'matched' | 'share_only' | 'not_covered';

export interface FigureCheck {
  row: PublishedFigure;
  status: CoverageStatus;
  expected: string;
  actual: string;
  ok: boolean;
  note: string;
}

/** How the generated tables reproduce each published figure (or why a row is not reproduced). */
export function checkPublishedFigures(agg: Aggregates, published: readonly PublishedFigure[]): FigureCheck[] {
  return published.map((row): FigureCheck => {
    const p = row.province_code;
    const y = row.year;
    const base = { row, expected: row.value };
    if (row.indicator.startsWith('target_'))
      return { ...base, status: 'not_covered', actual: '', ok: true, note: 'target: stored in the targets table, not a calibration point' };
    if (row.indicator === 'communes_ntm' && p === '00') {
      const nat = nationalFigures(published);
      const share = agg.ntmCount('00', y) / agg.xaCount('00');
      return {
        ...base, status: 'share_only', expected: `${(100 * nat.ntm).toFixed(2)}% (${row.value} of a different unit count)`,
        actual: `${(100 * share).toFixed(2)}% (${agg.ntmCount('00', y)} of ${agg.xaCount('00')} Xã)`, ok: Math.abs(share - nat.ntm) <= 0.01,
        note: 'count refers to the 2025 post-merger communes; only the share is matched (±1 point)',
      };
    }
    if (!agg.tables.commune_year.year.length || (p !== '00' && !agg.rows(p, y).length))
      return { ...base, status: 'not_covered', actual: '', ok: true, note: 'province not generated' };
    if (row.indicator === 'communes_ntm') {
      const n = agg.ntmCount(p, y);
      return { ...base, status: 'matched', actual: String(n), ok: n === row.value_num, note: `of ${agg.xaCount(p)} Xã` };
    }
    if (row.indicator === 'poor_rate' || row.indicator === 'near_poor_rate') {
      const s = agg.provincePoverty(p, y);
      const num = row.indicator === 'poor_rate' ? s.poor : s.nearPoor;
      const count = scopeNumber(row, row.indicator === 'poor_rate' ? POOR_COUNT : NEAR_POOR_COUNT);
      const rate = pct2(num, s.households);
      return {
        ...base, status: 'matched', expected: `${row.value}%${count !== null ? ` (${count})` : ''}`,
        actual: `${rate.toFixed(2)}% (${num} of ${s.households})`, ok: rate === row.value_num && (count === null || count === num), note: '',
      };
    }
    if (row.indicator === 'combined_poverty_rate') {
      const s = agg.provincePoverty(p, y);
      const rate = pct2(s.poor + s.nearPoor, s.households);
      return { ...base, status: 'matched', expected: `${row.value}%`, actual: `${rate.toFixed(2)}% (${s.poor}+${s.nearPoor} of ${s.households})`, ok: rate === row.value_num, note: 'poor + near-poor' };
    }
    const district = FOCUS.find((f) => f.districtPoor?.indicator === row.indicator)?.districtPoor;
    if (district) {
      const code = agg.districtCode(p, district.district_name);
      const s = agg.poverty(y, (u) => u.district_code === code);
      const rate = pct2(s.poor, s.households);
      return { ...base, status: 'matched', expected: `${row.value}%`, actual: `${rate.toFixed(2)}% (${s.poor} of ${s.households}, district ${code})`, ok: rate === row.value_num, note: '' };
    }
    return { ...base, status: 'not_covered', actual: '', ok: true, note: 'indicator not modelled' };
  });
}

/** Short printable summary of the calibrated figures, computed from the tables. */
export function calibrationSummary(agg: Aggregates, published: readonly PublishedFigure[]): string[] {
  const lines: string[] = [];
  for (const c of checkPublishedFigures(agg, published)) {
    if (c.status === 'not_covered') continue;
    lines.push(`${c.ok ? 'ok ' : 'BAD'} ${c.row.province_code} ${c.row.year} ${c.row.indicator}: expected ${c.expected}, got ${c.actual}`);
  }
  if (agg.rows('45', 2024).length) {
    lines.push(`    45 2024 avg criteria: ${agg.avgCriteria('45', 2024, true).toFixed(2)} (Xã not NTM), ${agg.avgCriteria('45', 2024).toFixed(2)} (all 101 Xã); below 12: ${agg.countBand('45', 2024, 0, 11)}`);
    lines.push(`    08 2021 tiers: nâng cao ${agg.tierCount('08', 2021, ['nang_cao'])}, kiểu mẫu ${agg.tierCount('08', 2021, ['kieu_mau'])}; 83 2022 nâng cao ${agg.tierCount('83', 2022, ['nang_cao', 'kieu_mau'])}, 15-18 criteria ${agg.countBand('83', 2022, 15, 18)}, below 10 ${agg.countBand('83', 2022, 0, 9)}`);
  }
  if (agg.xaCount('00') > 0 && agg.rows('01', 2025).length) {
    const share = YEARS.map((y) => `${y} ${((100 * agg.ntmCount('00', y)) / agg.xaCount('00')).toFixed(1)}%`).join(', ');
    lines.push(`    national share of Xã NTM: ${share}`);
    const adv = (100 * agg.tierCount('00', 2025, ['nang_cao', 'kieu_mau'])) / agg.xaCount('00');
    const model = (100 * agg.tierCount('00', 2025, ['kieu_mau'])) / agg.xaCount('00');
    lines.push(`    national 2025: nâng cao or kiểu mẫu ${adv.toFixed(1)}%, kiểu mẫu ${model.toFixed(1)}%, average criteria ${agg.avgCriteria('00', 2025).toFixed(2)}`);
  }
  return lines;
}
