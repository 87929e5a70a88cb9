import { describe, expect, it } from 'vitest';
import { checkPublishedFigures } from '../../../data/generate/report.ts';
import type { Tier } from '../../../data/model/tables.ts';
import { aggregates, generated, realInputs } from './fixture.ts';

const NTM: Tier[] = ['dat_chuan', 'nang_cao', 'kieu_mau'];
const agg = aggregates();
const { tables, facts } = generated();
const checks = checkPublishedFigures(agg, facts.published);
const key = (c: (typeof checks)[number]): string => `${c.row.province_code} ${c.row.ref_date} ${c.row.indicator}`;

describe('published figures reproduced by the generated tables', () => {
  it.each(checks.filter((c) => c.status !== 'not_covered').map((c) => [key(c), c] as const))('%s', (_, c) => {
    expect(c.ok, `expected ${c.expected}, got ${c.actual}`).toBe(true);
  });

  it('lists the rows that are not reproduced: the targets only; the national row by share only', () => {
    const notCovered = checks.filter((c) => c.status === 'not_covered').map(key);
    expect(notCovered).toEqual([
      '45 2025-12-31 target_share_communes_ntm',
      '08 2025-12-31 target_share_communes_ntm',
      '83 2020-12-31 target_communes_ntm',
      '45 2025-12-31 target_share_communes_advanced_or_model',
      '45 2025-12-31 target_min_criteria_per_commune',
      '45 2025-12-31 target_districts_ntm',
      '45 2025-12-31 target_poor_households_reduced_per_year',
      '45 2025-12-31 target_rural_income_ratio_vs_2020',
      '45 2025-12-31 target_difficult_villages_ntm_share',
      '08 2025-12-31 target_health_insurance_coverage',
      '08 2025-12-31 target_stunting_under5_max',
      '08 2025-12-31 target_forest_cover_min',
    ]);
    expect(checks.filter((c) => c.status === 'share_only').map(key)).toEqual(['00 2025-06-30 communes_ntm']);
    expect(checks.filter((c) => c.status === 'matched')).toHaveLength(16);
  });
});

describe('Quảng Trị (45)', () => {
  it('has 101 Xã in NTM scope', () => expect(agg.xaCount('45')).toBe(101));
  it('averages 14.5 criteria (±0.3) over the Xã not yet NTM in 2024, with a few below the floor of 12', () => {
    expect(Math.abs(agg.avgCriteria('45', 2024, true) - 14.5)).toBeLessThanOrEqual(0.3);
    const below = agg.countBand('45', 2024, 0, 11);
    expect(below).toBeGreaterThanOrEqual(2);
    expect(below).toBeLessThanOrEqual(6);
  });
  it('Đakrông is far poorer than the rest of the province in 2023', () => {
    const code = agg.districtCode('45', 'Huyện Đakrông');
    expect(code).toBe('467');
    const d = agg.poverty(2023, (u) => u.district_code === code);
    const rest = agg.poverty(2023, (u) => u.province_code === '45' && u.district_code !== code);
    expect(d.poor / d.households).toBeGreaterThan(4 * (rest.poor / rest.households));
  });
  it('poverty falls about 1-1.5 points a year after 2022 (target) and jumps at the standard change', () => {
    const rate = (y: number): number => { const s = agg.provincePoverty('45', y); return (100 * s.poor) / s.households; };
    expect(rate(2022)).toBeGreaterThan(rate(2021));
    for (const y of [2023, 2024, 2025]) expect(rate(y - 1) - rate(y)).toBeGreaterThan(0.9);
  });
});

describe('Tuyên Quang (08)', () => {
  it('2021: 54 NTM of which 7 nâng cao and 1 kiểu mẫu = Xã Thái Bình', () => {
    expect(agg.tierCount('08', 2021, ['nang_cao'])).toBe(7);
    expect(agg.tierCount('08', 2021, ['kieu_mau'])).toBe(1);
    const t = tables.commune_year;
    const row = t.commune_code.findIndex((c, i) => c === '02494' && t.year[i] === 2021);
    expect(t.tier[row]).toBe('kieu_mau');
  });
  it('2022: the newly NTM communes are exactly the published 2022 batch', () => {
    const t = tables.commune_year;
    const ntm = (y: number): Set<string> => new Set(agg.rows('08', y).filter((i) => NTM.includes(t.tier[i])).map((i) => t.commune_code[i]));
    const before = ntm(2021);
    const added = [...ntm(2022)].filter((c) => !before.has(c)).sort();
    const batch = facts.communeRecognitions.filter((f) => f.province_code === '08' && f.year === 2022).map((f) => f.commune_code).sort();
    expect(batch).toHaveLength(8);
    expect(added).toEqual(batch);
  });
});

describe('Bến Tre (83)', () => {
  it('2022: 20 nâng cao (no kiểu mẫu yet), 24 communes at 15-18 criteria, none below 10', () => {
    expect(agg.tierCount('83', 2022, ['nang_cao', 'kieu_mau'])).toBe(20);
    expect(agg.tierCount('83', 2022, ['kieu_mau'])).toBe(0);
    expect(agg.countBand('83', 2022, 15, 18)).toBe(24);
    expect(agg.countBand('83', 2022, 0, 9, false)).toBe(0);
  });
});

describe('national', () => {
  it('share of Xã NTM rises from 35-40% (2016) to 79.3% ±1 (2025), never falling', () => {
    const n = agg.xaCount('00');
    const shares = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => agg.ntmCount('00', y) / n);
    expect(shares[0]).toBeGreaterThanOrEqual(0.35);
    expect(shares[0]).toBeLessThanOrEqual(0.4);
    expect(Math.abs(shares[9] - 6084 / 7669)).toBeLessThanOrEqual(0.01);
    for (let k = 1; k < shares.length; k++) expect(shares[k]).toBeGreaterThanOrEqual(shares[k - 1]);
  });
  it('every Xã of all 63 provinces has rows', () => {
    const xa = realInputs().communes.filter((c) => c.commune_type === 'Xã').length;
    expect(xa).toBe(8200);
    expect(new Set(tables.commune_year.commune_code).size).toBe(xa);
  });
});
