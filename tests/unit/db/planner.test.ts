import { beforeAll, describe, expect, test } from 'vitest';
import '../helpers/sql-matchers';
import { startNodeEngine } from '../helpers/node-engine';
import { loadScorecardWorld } from './scorecard-world';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { isBehind, plannerTableSQL, type PlannerRow } from '../../../src/db/sql/planner';
import { districtCommunesSQL, type DistrictCommuneRow } from '../../../src/db/sql/district-communes';
import { sponsorCommunesSQL } from '../../../src/db/sql/sponsor';
import { deleteUserTargetSQL, insertUserTargetSQL, userTargetParams, type UserTargetRow } from '../../../src/db/sql/targets';

let e: SqlEngine;
beforeAll(async () => {
  e = await startNodeEngine();
  await loadScorecardWorld(e);
});

const planner = async (year: number, base = 2020) =>
  Object.fromEntries(rowsOf<PlannerRow>(await e.query(plannerTableSQL('district'), ['45', year, base, 12])).map((r) => [r.group_code, r]));

const target = (id: string, year: number, value: string, province = '45'): UserTargetRow => ({
  target_id: id, province_code: province, province_name: '', target_year: year, indicator: 'target_share_communes_ntm', value,
  value_num: Number(value), value_min: Number(value), value_max: Number(value), unit: 'percent', note: '', source: 'entered', parent_id: null,
  entered_at: '2026-11-30T00:00:00Z',
});

describe('planner table: the target it works towards', () => {
  test('binds at both levels', async () => {
    await expect(plannerTableSQL('district')).toBindIn(e, ['45', 2024, 2020, 12]);
    await expect(plannerTableSQL('province')).toBindIn(e, [null, 2024, 2020, 12]);
  });

  test('the gap to the target is signed: short of it positive, beyond it negative', async () => {
    const rows = await planner(2024);
    expect(rows['468'].target_gap).toBeCloseTo(0.75, 12); // no Xã NTM
    expect(rows['464'].target_gap).toBeCloseTo(-0.25, 12); // both NTM: 25 points beyond 75 %
    expect(isBehind(rows['468'])).toBe(true);
    expect(isBehind(rows['464'])).toBe(false);
  });

  test('an entered target is scored like a published one, and preferred for the same year; 2026-2030 targets are not the old province’s', async () => {
    const rows = [target('u-60', 2025, '60'), target('u-2030', 2030, '100')];
    for (const r of rows) await e.query(insertUserTargetSQL, userTargetParams(r));
    try {
      expect((await planner(2024))['468'].target_share).toBeCloseTo(0.6, 12);
      // targets from 2026 are keyed by post-reform province codes (src/common/vintage.ts; vintage-planner.ts reads them):
      // the pre-reform table keeps working towards its own 2025 target
      const later = await planner(2026, 2025);
      expect([later['468'].target_share, later['468'].target_year]).toEqual([0.6, 2025]);
    } finally {
      for (const r of rows) await e.query(deleteUserTargetSQL, [r.target_id]);
    }
    expect((await planner(2024))['468'].target_share).toBeCloseTo(0.75, 12);
  });
});

describe('drill-down: the communes of a district', () => {
  test('binds', async () => {
    await expect(districtCommunesSQL).toBindIn(e, ['464', 2024]);
  });

  test('status, criteria x/N and the ones missing, poor rate, the sponsors of that year; urban units listed out of scope', async () => {
    const rows = rowsOf<DistrictCommuneRow>(await e.query(districtCommunesSQL, ['464', 2023]));
    expect(rows.map((r) => [r.commune_name, r.in_scope, r.tier, r.criteria_met, r.criteria_total, r.missing, r.sponsors])).toEqual([
      ['Thị trấn Khe Sanh', false, null, null, null, null, null],
      ['Xã Hướng Lộc', true, 'chua_dat', 18, 19, '3', 'Hội A'],
      ['Xã Tân Liên', true, 'nang_cao', 19, 19, null, null],
    ]);
    expect(rows[1].poor_rate).toBeCloseTo(130 / 500, 12);
    // Hội B's assignment (2016-2020) covered 2020, not 2023
    expect(rowsOf<DistrictCommuneRow>(await e.query(districtCommunesSQL, ['464', 2020]))[1]).toMatchObject({ sponsors: 'Hội B', missing: '3, 17, 18, 19' });
  });
});

describe('sponsor view: poverty change split at the change of the poverty standard', () => {
  test('from 2021 to 2025: 2021 alone under QĐ 59 (no change measured), 2022-2025 under NĐ 07', async () => {
    const [r] = rowsOf<Record<string, unknown>>(await e.query(sponsorCommunesSQL, ['qt-a', 2025]));
    expect(r).toMatchObject({ standard_changed_in: 2022, change_before: null, before_from: 2021, before_to: 2021, after_from: 2022, after_to: 2025 });
    expect(r.change_after as number).toBeCloseTo(100 / 500 - 160 / 500, 12);
    // the change since the start spans both standards (kept, flagged by standard_changed_in)
    expect(r.poor_rate_change as number).toBeCloseTo(100 / 500 - 80 / 500, 12);
    expect(r.next_tier).toBe('nang_cao');
  });

  test('within one standard there is nothing to split', async () => {
    const [r] = rowsOf<Record<string, unknown>>(await e.query(sponsorCommunesSQL, ['qt-b', 2020]));
    expect(r).toMatchObject({ standard_changed_in: null, change_before: null, change_after: null, before_from: 2020 }); // the first year with poverty rows
  });
});
