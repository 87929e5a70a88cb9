// Re-aggregation through the crosswalk, on the real assets: apportioned counts add up, rates come from sums, NTM is
// counted over former communes and never inherited.
import { beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { formerCommunesSQL, formerNtmSQL, newCommunePovertySQL, newProvincePovertySQL, successorsSQL } from '../../../src/db/sql/reform';
import { engineWithAssets } from '../helpers/real-assets';

let e: SqlEngine;
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => rowsOf<T>(await e.query(sql, params));

beforeAll(async () => {
  e = await engineWithAssets(); // the post-reform tables load with the rest (src/db/load.ts)
});

describe('poverty carried onto the post-reform units', () => {
  test('household totals of each new province equal the sum over its former communes, exactly where no commune was split', async () => {
    const year = 2024;
    const provinces = await q<{ province_code: string; households: number; approximate: boolean }>(
      `SELECT * FROM (${newProvincePovertySQL}) WHERE year = ?`, [year],
    );
    expect(provinces).toHaveLength(34);
    // independent: every old commune's households, apportioned by hand from the crosswalk in JS
    const old = await q<{ unit_code: string; households: number }>('SELECT unit_code, households FROM poverty_year WHERE year = ?', [year]);
    const cw = await q<{ old_commune_code: string; new_commune_code: string; share: number; share_method: string }>('SELECT * FROM crosswalk_2024_2025');
    const provinceOf = new Map((await q<{ commune_code: string; province_code: string }>('SELECT commune_code, province_code FROM unit_commune_2025')).map((r) => [r.commune_code, r.province_code]));
    const households = new Map(old.map((r) => [r.unit_code, r.households]));
    const expected = new Map<string, number>();
    for (const r of cw) {
      const p = provinceOf.get(r.new_commune_code)!;
      expected.set(p, (expected.get(p) ?? 0) + (households.get(r.old_commune_code) ?? 0) * r.share);
    }
    for (const p of provinces) expect(p.households, p.province_code).toBeCloseTo(expected.get(p.province_code)!, 6);
    // all old households are somewhere: the national total is kept (but for the one ward the lists cannot place)
    const placed = new Set(cw.map((r) => r.old_commune_code));
    const total = old.filter((r) => placed.has(r.unit_code)).reduce((s, r) => s + r.households, 0);
    expect(provinces.reduce((s, p) => s + p.households, 0)).toBeCloseTo(total, 3);
    // a province none of whose communes rests on a split is exact: a whole number of households
    for (const p of provinces.filter((x) => !x.approximate)) expect(p.households).toBe(Math.round(p.households));
  });

  test('a split old commune appears in every new commune it went to, flagged partial; its parts sum to its own households', async () => {
    const [split] = await q<{ old_commune_code: string }>(
      `SELECT old_commune_code FROM crosswalk_2024_2025 c JOIN poverty_year p ON p.unit_code = c.old_commune_code AND p.year = 2024
       WHERE n_targets = 3 ORDER BY old_commune_code LIMIT 1`,
    );
    const targets = await q<{ commune_code: string; part_type: string; share: number }>(successorsSQL, [split.old_commune_code]);
    expect(targets).toHaveLength(3);
    expect(targets.every((t) => t.part_type === 'partial')).toBe(true);
    const [own] = await q<{ households: number }>('SELECT households FROM poverty_year WHERE unit_code = ? AND year = 2024', [split.old_commune_code]);
    const parts = targets.reduce((s, t) => s + own.households * t.share, 0);
    expect(parts).toBeCloseTo(own.households, 9);
    for (const t of targets) {
      const [province] = await q<{ province_code: string }>('SELECT province_code FROM unit_commune_2025 WHERE commune_code = ?', [t.commune_code]);
      const rows = await q<{ commune_code: string; year: number; approximate: boolean }>(newCommunePovertySQL, [province.province_code]);
      expect(rows.find((r) => r.commune_code === t.commune_code && r.year === 2024)?.approximate).toBe(true);
    }
  });

  test('a rate is the ratio of the sums, not a mean of rates', async () => {
    const rows = await q<{ commune_code: string; year: number; poor: number; households: number; poor_rate: number; n_former: number }>(newCommunePovertySQL, ['44']);
    const merged = rows.find((r) => r.n_former >= 3 && r.year === 2024)!;
    expect(merged.poor_rate).toBeCloseTo(merged.poor / merged.households, 12);
  });
});

describe('NTM over the former communes', () => {
  test('new Xã Cam Lộ: 4 former communes, k of the 3 rural ones NTM, none inherited', async () => {
    const [camLo] = await q<{ commune_code: string }>("SELECT commune_code FROM unit_commune_2025 WHERE commune_name = 'Xã Cam Lộ' AND province_code = '44'");
    const former = await q<{ commune_name: string; share: number; share_method: string; last_tier: string | null }>(formerCommunesSQL, [camLo.commune_code, 2025]);
    expect(former.map((f) => f.commune_name).sort()).toEqual(['Thị trấn Cam Lộ', 'Xã Cam Chính', 'Xã Cam Nghĩa', 'Xã Cam Thành']);
    expect(former.every((f) => f.share === 1 && f.share_method === 'whole')).toBe(true);
    const ntm = (await q<{ commune_code: string; n_rural: number; n_ntm: number; n_dat_chuan: number; n_nang_cao: number; n_kieu_mau: number; n_no_data: number }>(formerNtmSQL, ['44', 2024]))
      .find((r) => r.commune_code === camLo.commune_code)!;
    expect(ntm.n_rural).toBe(3);
    const tiers = former.filter((f) => f.commune_name.startsWith('Xã')).map((f) => f.last_tier);
    expect(ntm.n_ntm).toBe(tiers.filter((t) => t !== null && t !== 'chua_dat').length);
    expect(ntm.n_dat_chuan + ntm.n_nang_cao + ntm.n_kieu_mau).toBe(ntm.n_ntm);
  });

  test('where did Hướng Lộc go: one new commune, whole', async () => {
    const [old] = await q<{ commune_code: string }>("SELECT commune_code FROM unit_commune WHERE commune_name = 'Xã Hướng Lộc'");
    const to = await q<{ commune_name: string; province_name: string; share: number }>(successorsSQL, [old.commune_code]);
    expect(to).toEqual([expect.objectContaining({ commune_name: 'Xã Tân Lập', province_name: 'Tỉnh Quảng Trị', share: 1 })]);
  });
});
