import { beforeAll, describe, expect, test } from 'vitest';
import '../helpers/sql-matchers';
import { startNodeEngine } from '../helpers/node-engine';
import { loadScorecardWorld } from './scorecard-world';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import {
  KEY_FIGURES, keyFiguresOfVintageSQL, keyFiguresSQL, scorecardOfVintageSQL, scorecardSQL, targetSeriesSQL, TARGET_MEASURES, type ScoredTarget,
} from '../../../src/db/sql/scorecard';
import { holdoutsSQL, type Holdout } from '../../../src/db/sql/scorecard-holdouts';
import { deleteUserTargetSQL, insertUserTargetSQL, userTargetParams, type UserTargetRow } from '../../../src/db/sql/targets';

let e: SqlEngine;
beforeAll(async () => {
  e = await startNodeEngine();
  await loadScorecardWorld(e);
});

const score = async (province: string | null, year: number) => rowsOf<ScoredTarget>(await e.query(scorecardSQL, [province, year]));
const byId = async (province: string | null, year: number) => Object.fromEntries((await score(province, year)).map((r) => [r.target_id, r]));
const holdouts = async (id: string, year: number) => {
  const t = (await score(null, year)).find((r) => r.target_id === id)!;
  return rowsOf<Holdout>(await e.query(holdoutsSQL(t.measure!), [id, year]));
};

const entered = (row: Partial<UserTargetRow> & Pick<UserTargetRow, 'target_id' | 'province_code' | 'target_year' | 'indicator' | 'value'>): UserTargetRow => ({
  province_name: '', value_num: Number(row.value), value_min: Number(row.value), value_max: Number(row.value), unit: 'percent', note: '',
  source: 'entered', parent_id: null, entered_at: '2026-11-30T00:00:00Z', ...row,
});

describe('scorecard SQL', () => {
  test('binds for a province and nationally; every measure’s holdouts bind', async () => {
    await expect(scorecardSQL).toBindIn(e, ['45', 2024]);
    await expect(scorecardSQL).toBindIn(e, [null, 2024]);
    await expect(targetSeriesSQL).toBindIn(e, ['45-2025-share_communes_ntm', 2024]);
    for (const { measure } of Object.values(TARGET_MEASURES)) await expect(holdoutsSQL(measure)).toBindIn(e, ['45-2025-share_communes_ntm', 2024]);
  });

  test('2024: each target’s value now and at the base year, its trajectory and verdict', async () => {
    const r = await byId('45', 2024);
    const pick = (id: string) => [r[id].base_year, r[id].eval_year, r[id].value_base, r[id].value_now, r[id].expected_now, r[id].verdict];
    // 1 of 4 Xã NTM in 2020, 2 in 2024; the straight line from 25 % to 75 % in 2025 stands at 65 % in 2024
    expect(pick('45-2025-share_communes_ntm')).toEqual([2020, 2024, 25, 50, 65, 'behind']);
    expect(pick('45-2025-share_communes_advanced_or_model')).toEqual([2020, 2024, 0, 25, 20, 'met']);
    // below 12 criteria: 2 Xã in 2020, 1 in 2024, against 0.4 on the line to none
    expect(pick('45-2025-min_criteria_per_commune').map((v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))).toEqual([2020, 2024, 2, 1, 0.4, 'behind']);
    expect(r['45-2025-min_criteria_per_commune'].goal).toBe(0);
    // recognised in the period: Hướng Hóa (2024); Hải Lăng (2019) was before it
    expect(pick('45-2025-districts_ntm')).toEqual([2020, 2024, 0, 1, 0.8, 'met']);
    expect(pick('45-2025-poor_rate_max')).toEqual([2020, 2024, 20, 21, 16, 'behind']);
    expect(r['45-2025-forest_cover_min'].verdict).toBe('not_measurable');
    expect(r['45-2025-forest_cover_min'].measure).toBeNull();
  });

  test('poverty per year: averaged over the pairs of years with one standard; the pair across the 2022 change is left out', async () => {
    const r = await byId('45', 2024);
    const households = r['45-2025-poor_households_reduced_per_year'];
    // 2020→21: 20 fewer; 2021→22 spans the change; 22→23: 30; 23→24: 20
    expect([households.value_now, households.pairs, households.skipped_pairs, households.goal, households.verdict]).toEqual([70 / 3, 3, 1, 20, 'on_track']);
    expect([households.poor_base, households.poor_now]).toEqual([200, 210]);
    const points = r['45-2025-poor_rate_reduction_points_per_year'];
    expect(points.value_now).toBeCloseTo(7 / 3, 9);
    expect(points.verdict).toBe('on_track');
    // at the target year a per-year rate is final: 20 a year (20, 30, 20, 10) meets 20-30
    const end = await byId('45', 2025);
    expect([end['45-2025-poor_households_reduced_per_year'].value_now, end['45-2025-poor_households_reduced_per_year'].verdict]).toEqual([20, 'met']);
    expect(end['45-2025-poor_rate_reduction_points_per_year'].value_now).toBeCloseTo(2, 9);
    expect(end['45-2025-poor_rate_reduction_points_per_year'].verdict).toBe('met');
  });

  test('at and after the target year a target is met or missed; the shown year past it reads the target year', async () => {
    for (const year of [2025, 2030]) {
      const r = await byId('45', year);
      expect(r['45-2025-share_communes_ntm'].eval_year).toBe(2025);
      expect(r['45-2025-share_communes_ntm'].verdict).toBe('missed');
      expect(r['45-2025-min_criteria_per_commune'].verdict).toBe('missed');
      expect(r['45-2025-districts_ntm'].verdict).toBe('met');
      expect(r['45-2025-poor_rate_max'].verdict).toBe('missed');
    }
    expect((await byId('45', 2023))['45-2025-districts_ntm']).toMatchObject({ value_now: 0, verdict: 'behind' });
  });

  test('published targets in order, each sub-target after its parent; the unmeasurable last', async () => {
    expect((await score('45', 2024)).map((r) => r.target_id)).toEqual([
      '45-2025-share_communes_ntm', '45-2025-share_communes_advanced_or_model', '45-2025-min_criteria_per_commune', '45-2025-districts_ntm',
      '45-2025-poor_households_reduced_per_year', '45-2025-poor_rate_reduction_points_per_year', '45-2025-poor_rate_max', '45-2025-forest_cover_min',
    ]);
  });

  test('targets a user enters score the same way: another province, the country, 2026-2030, a province without data', async () => {
    const rows = [
      entered({ target_id: 'u-1', province_code: '83', target_year: 2025, indicator: 'target_share_communes_ntm', value: '50' }),
      entered({ target_id: 'u-2', province_code: '00', target_year: 2030, indicator: 'target_share_communes_ntm', value: '90' }),
      entered({ target_id: 'u-3', province_code: '44', target_year: 2025, indicator: 'target_share_communes_ntm', value: '50' }),
    ];
    for (const row of rows) await e.query(insertUserTargetSQL, userTargetParams(row));
    try {
      const r = await byId(null, 2024);
      expect(r['u-1']).toMatchObject({ origin: 'entered', value_base: 0, value_now: 0, expected_now: 40, verdict: 'behind' });
      // 2026-2030: its base year is 2025, after the year shown
      expect(r['u-2']).toMatchObject({ base_year: 2025, verdict: 'not_started', expected_now: null });
      expect(r['u-3'].verdict).toBe('no_data');
      // nationally: 2 of 5 Xã NTM in 2025, its base year; the period starts in 2026, so not started (not 'on track' at base = now)
      expect((await byId('00', 2025))['u-2']).toMatchObject({ period_from: 2026, value_base: 40, value_now: 40, expected_now: null, verdict: 'not_started' });
      expect((await score('83', 2024)).map((t) => t.target_id)).toEqual(['u-1']);
    } finally {
      for (const row of rows) await e.query(deleteUserTargetSQL, [row.target_id]);
    }
    expect((await score(null, 2024)).some((t) => t.origin === 'entered')).toBe(false);
  });

  test('key figures of a place whatever its targets: shares, communes under the floor, districts recognised in the period, poverty per year', async () => {
    await expect(keyFiguresSQL).toBindIn(e, ['45', 2024, 12]);
    const figures = async (province: string | null, year: number, floor: number) =>
      Object.fromEntries(rowsOf<ScoredTarget>(await e.query(keyFiguresSQL, [province, year, floor])).map((r) => [r.indicator, r.value_now]));
    const f = await figures('45', 2024, 12);
    expect(Object.keys(f)).toEqual([...KEY_FIGURES]);
    expect(f).toMatchObject({
      target_share_communes_ntm: 50, target_share_communes_advanced_or_model: 25, target_share_communes_model: 0,
      target_min_criteria_per_commune: 1, target_districts_ntm: 1, target_poor_households_reduced_per_year: 70 / 3,
    });
    expect((await figures('45', 2024, 15)).target_min_criteria_per_commune).toBe(2);
    // 2020 lies in 2016-2020: Hải Lăng's recognition (2019) counts there
    expect((await figures('45', 2020, 12)).target_districts_ntm).toBe(1);
    // the country: 2 of 5 Xã NTM in 2024
    expect((await figures(null, 2024, 12)).target_share_communes_ntm).toBe(40);
  });

  test('the trajectory chart reads the measure in every year', async () => {
    const series = rowsOf<{ year: number; value: number }>(await e.query(targetSeriesSQL, ['45-2025-share_communes_ntm', 2024]));
    expect(series.map((s) => [s.year, s.value])).toEqual([[2020, 25], [2021, 25], [2022, 25], [2023, 25], [2024, 50], [2025, 50]]);
  });

  test('the places holding a target back', async () => {
    // Hải Lăng: no Xã NTM in 2024 where its line from 0 % stands at 60 %; Hướng Hóa is at 100 %
    expect((await holdouts('45-2025-share_communes_ntm', 2024)).map((h) => [h.level, h.code, h.value, h.expected, h.extra])).toEqual([['district', '468', 0, 60, 2]]);
    expect((await holdouts('45-2025-min_criteria_per_commune', 2024)).map((h) => [h.level, h.code, h.name, h.district_name, h.value, h.expected, h.extra])).toEqual([
      ['commune', '19711', 'Xã Hải Dương', 'Huyện Hải Lăng', 10, 12, 19],
    ]);
    // not recognised by 2023: Hướng Hóa (one Xã left); Hải Lăng was recognised in 2019
    expect((await holdouts('45-2025-districts_ntm', 2023)).map((h) => [h.code, h.extra])).toEqual([['464', 1]]);
    expect((await holdouts('45-2025-poor_rate_max', 2024)).map((h) => [h.code, h.value])).toEqual([['464', 21]]);
    expect(await holdouts('45-2025-poor_households_reduced_per_year', 2024)).toEqual([]);
  });
});

describe('targets of 2026-2030 on the post-reform units', () => {
  const post = [
    entered({ target_id: 'p-ntm', province_code: '44', target_year: 2030, indicator: 'target_share_communes_ntm', value: '100' }),
    entered({ target_id: 'p-poor', province_code: '44', target_year: 2030, indicator: 'target_poor_rate_max', value: '4' }),
    entered({ target_id: 'p-districts', province_code: '44', target_year: 2030, indicator: 'target_districts_ntm', value: '2', unit: 'districts' }),
  ];
  const withPost = async (run: () => Promise<void>) => {
    for (const row of post) await e.query(insertUserTargetSQL, userTargetParams(row));
    try {
      await run();
    } finally {
      for (const row of post) await e.query(deleteUserTargetSQL, [row.target_id]);
    }
  };

  test('new Quảng Trị (44): now from its communes’ own 2026 rows, the base year from the pre-reform communes that went into it', () =>
    withPost(async () => {
      await expect(scorecardOfVintageSQL('2025-07')).toBindIn(e, ['44', 2026]);
      const r = Object.fromEntries(rowsOf<ScoredTarget>(await e.query(scorecardOfVintageSQL('2025-07'), ['44', 2026])).map((x) => [x.target_id, x]));
      expect(Object.keys(r).sort()).toEqual(['p-districts', 'p-ntm', 'p-poor']);
      // 2025: 2 of old 45's 4 Xã NTM; 2026: 1 of the 3 new Xã with a row (x/10 rows, never a 2024 commune's row)
      expect(r['p-ntm']).toMatchObject({ vintage: '2025-07', base_year: 2025, eval_year: 2026, value_base: 50, expected_now: 60, verdict: 'behind' });
      expect(r['p-ntm'].value_now).toBeCloseTo(100 / 3, 9);
      // poverty now from new 19474's own 2026 row only (50 of 1,000), at the base year every old commune's
      expect(r['p-poor']).toMatchObject({ value_now: 5, poor_now: 50 });
      expect(r['p-poor'].value_base).toBeCloseTo((100 * (100 + 100)) / 1000, 9);
      // districts were abolished: nothing to count on a post-reform province
      expect(r['p-districts']).toMatchObject({ value_now: null, verdict: 'no_data' });
      const series = rowsOf<{ year: number; value: number }>(await e.query(targetSeriesSQL, ['p-ntm', 2026]));
      expect(series.find((x) => x.year === 2026)?.value).toBeCloseTo(100 / 3, 9);
      expect(series.find((x) => x.year === 2025)?.value).toBe(50);
    }));

  test('in 2025, the base year, a 2026-2030 target of new Quảng Trị (44) has not started: no trajectory, not “on track” at base = now', () =>
    withPost(async () => {
      const r = Object.fromEntries(rowsOf<ScoredTarget>(await e.query(scorecardOfVintageSQL('2025-07'), ['44', 2025])).map((x) => [x.target_id, x]));
      expect(r['p-ntm']).toMatchObject({ period_from: 2026, base_year: 2025, eval_year: 2025, value_base: 50, value_now: 50, expected_now: null, verdict: 'not_started' });
      expect(r['p-poor']).toMatchObject({ expected_now: null, verdict: 'not_started' });
      // a year earlier still: not started either
      const y2024 = rowsOf<ScoredTarget>(await e.query(scorecardOfVintageSQL('2025-07'), ['44', 2024]));
      expect(y2024.map((x) => x.verdict)).toEqual(['not_started', 'not_started', 'not_started']);
      // the 2021-2025 targets of old 45 are scored in 2021, their period's first year
      expect((await byId('45', 2021))['45-2025-share_communes_ntm'].verdict).not.toBe('not_started');
      expect((await byId('45', 2020))['45-2025-share_communes_ntm']).toMatchObject({ verdict: 'not_started', expected_now: null });
    }));

  test('each vintage’s view lists only the targets of its codes: 44 is old Quảng Bình before 2026, new Quảng Trị after', () =>
    withPost(async () => {
      const ids = async (vintage: '2024' | '2025-07', province: string | null) =>
        rowsOf<ScoredTarget>(await e.query(scorecardOfVintageSQL(vintage), [province, 2025])).map((x) => x.target_id);
      expect(await ids('2024', '44')).toEqual([]);
      expect(await ids('2025-07', '45')).toEqual([]);
      expect((await ids('2024', '45')).length).toBe(8);
      expect((await ids('2025-07', null)).sort()).toEqual(['p-districts', 'p-ntm', 'p-poor']);
    }));

  test('key figures of a post-reform province: before 2026 over the pre-reform communes that went into it, then its own', async () => {
    const figures = async (vintage: '2024' | '2025-07', province: string, year: number) =>
      Object.fromEntries(rowsOf<ScoredTarget>(await e.query(keyFiguresOfVintageSQL(vintage), [province, year, 12])).map((r) => [r.indicator, r]));
    expect((await figures('2025-07', '44', 2025)).target_share_communes_ntm).toMatchObject({ vintage: '2025-07', value_now: 50 });
    // on the pre-reform units 44 is another province (none of the world's communes)
    expect((await figures('2024', '44', 2025)).target_share_communes_ntm.value_now).toBeNull();
    const y2026 = await figures('2025-07', '44', 2026);
    expect(y2026.target_share_communes_ntm.value_now).toBeCloseTo(100 / 3, 9);
    expect(y2026.target_share_communes_ntm).toMatchObject({ period_from: 2026, base_year: 2025, value_base: 50 });
    // the floor (12 of QĐ 318's 19 criteria) is no figure for a year of QĐ 51/2025's 10 criteria
    expect((await figures('2025-07', '44', 2025)).target_min_criteria_per_commune).toBeDefined();
    expect(y2026.target_min_criteria_per_commune).toBeUndefined();
    // the pre-reform key figures of 45 never read a 2026 row of the colliding code 19474
    expect((await figures('2024', '45', 2025)).target_share_communes_ntm.value_now).toBe(50);
  });
});
