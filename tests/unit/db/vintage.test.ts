// The two vintages in SQL on the real assets: each vintage's unit list and matrices, codes that collide across
// vintages kept apart by the year rule (2026 on: post-reform codes), the re-aggregation through the crosswalk, the
// planner's historical grouping by former district and sponsorships carried onto the post-reform units.
import { beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { indicatorsMatrixSQL } from '../../../src/db/sql/indicator-values';
import { rowProvenanceSQL } from '../../../src/db/sql/provenance';
import { newProvincePovertySQL } from '../../../src/db/sql/reform';
import {
  formerNtmViewSQL, provinceSuccessionSQL, rowProvenance2025SQL, sponsorFootprint2025SQL, sponsoredLabels2025SQL, unitListOfVintageSQL,
  yearsOfVintageSQL,
} from '../../../src/db/sql/vintage';
import { plannerTable2025SQL } from '../../../src/db/sql/vintage-planner';
import { plannerTableSQL } from '../../../src/db/sql/planner';
import { deleteUserTargetSQL, insertUserTargetSQL, userTargetParams } from '../../../src/db/sql/targets';
import { approximateBit } from '../../../src/db/sql/provenance';
import { engineWithAssets } from '../helpers/real-assets';
import '../helpers/sql-matchers';

let e: SqlEngine;
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => rowsOf<T>(await e.query(sql, params));
const one = async <T>(sql: string, params: unknown[] = []) => (await q<T>(sql, params))[0];

/** A 2026 NTM row imported for a post-reform commune (criteria of QĐ 51/2025, x/10), as the import service lays it. */
async function import2026(code: string, tier: string, met: number): Promise<void> {
  await e.query(`INSERT INTO import_dataset VALUES ('vintage-test', 'qt-2026.csv', '2026-12-31T00:00:00Z', 'beside', 99)`);
  await e.query(
    `INSERT INTO import_commune_year BY NAME SELECT 'vintage-test' AS dataset, $1 AS commune_code, 2026 AS year, 'qd51_2025' AS criteria_set,
       $2::INTEGER AS criteria_met_count, (1 << $2::INTEGER) - 1 AS criteria_met_mask, $3 AS tier, FALSE AS fell_back, 'imported' AS provenance`,
    [code, met, tier],
  );
}

let camLoNew: string;
let camLoOld: string;

beforeAll(async () => {
  e = await engineWithAssets();
  camLoNew = (await one<{ commune_code: string }>("SELECT commune_code FROM unit_commune_2025 WHERE commune_name = 'Xã Cam Lộ' AND province_code = '44'")).commune_code;
  camLoOld = (await one<{ commune_code: string }>("SELECT commune_code FROM unit_commune WHERE commune_name = 'Thị trấn Cam Lộ'")).commune_code;
});

describe('unit lists of both vintages', () => {
  test('focus provinces: 125 / 138 / 157 communes before the reform; 78 / 124 / 124 after', async () => {
    const count = async (v: '2024' | '2025-07', p: string) => (await q<{ province_code: string }>(unitListOfVintageSQL(v))).filter((r) => r.province_code === p).length;
    expect([await count('2024', '45'), await count('2024', '08'), await count('2024', '83')]).toEqual([125, 138, 157]);
    expect([await count('2025-07', '44'), await count('2025-07', '08'), await count('2025-07', '86')]).toEqual([78, 124, 124]);
  });

  test('old Quảng Trị (45) and Quảng Bình (44) went into new Quảng Trị (44); Bến Tre (83) into Vĩnh Long (86)', async () => {
    const next = new Map((await q<{ old_province: string; new_province: string }>(provinceSuccessionSQL)).map((r) => [r.old_province, r.new_province]));
    expect(next.size).toBe(63);
    expect([next.get('45'), next.get('44'), next.get('08'), next.get('02'), next.get('83'), next.get('84'), next.get('86')]).toEqual(['44', '44', '08', '08', '86', '86', '86']);
    expect(new Set(next.values()).size).toBe(34);
  });

  test('the post-reform list gives each commune the former district that gave it most (Xã Cam Lộ: Huyện Cam Lộ)', async () => {
    const rows = await q<{ commune_code: string; district_name: string | null }>(unitListOfVintageSQL('2025-07'));
    expect(rows).toHaveLength(3321);
    expect(rows.find((r) => r.commune_code === camLoNew)?.district_name).toBe('Huyện Cam Lộ');
    expect(rows.filter((r) => r.district_name === null).length).toBeLessThan(10);
  });
});

describe('matrices of the post-reform units', () => {
  test('every year before 2026 is shown through the crosswalk; a rate is the ratio of apportioned sums', async () => {
    const years = (await q<{ year: number }>(yearsOfVintageSQL('2025-07'))).map((r) => r.year);
    expect(years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const t = await e.query(indicatorsMatrixSQL(['poor_rate', 'status'], '2025-07'));
    const poor = t.getChild('value')!.toArray() as Float64Array;
    const status = t.getChild('value_1')!.toArray() as Float64Array;
    expect(poor.length).toBe(3321 * years.length);
    const units = (await q<{ commune_code: string }>(unitListOfVintageSQL('2025-07'))).map((r) => r.commune_code);
    const u = units.indexOf(camLoNew);
    const yi = years.indexOf(2024);
    const own = await one<{ poor: number; households: number }>(
      `SELECT sum(p.poor) AS poor, sum(p.households) AS households FROM crosswalk_2024_2025 c JOIN poverty_year p ON p.unit_code = c.old_commune_code AND p.year = 2024
       WHERE c.new_commune_code = ?`, [camLoNew],
    );
    expect(poor[u * years.length + yi]).toBeCloseTo(own.poor / own.households, 12);
    // no post-reform commune has a status of its own before 2026 (never inherited from its former communes)
    const statusOf = (v: number) => ['kieu_mau', 'nang_cao', 'dat_chuan', 'chua_dat', 'no_data', 'out_of_scope'][v];
    expect(new Set(Array.from(status, statusOf))).toEqual(new Set(['no_data', 'out_of_scope']));
  });

  test('k of n former communes NTM: the share over the former rural communes with a row', async () => {
    const years = (await q<{ year: number }>(yearsOfVintageSQL('2025-07'))).map((r) => r.year);
    const m = (await e.query(indicatorsMatrixSQL(['former_ntm'], '2025-07'))).getChild('value')!.toArray() as Float64Array;
    const units = (await q<{ commune_code: string }>(unitListOfVintageSQL('2025-07'))).map((r) => r.commune_code);
    const f = await one<{ n_rural: number; n_ntm: number; n_no_data: number }>('SELECT * FROM former_ntm_2025 WHERE commune_code = ? AND year = 2024', [camLoNew]);
    expect(f.n_rural).toBe(3); // Cam Thành, Cam Chính, Cam Nghĩa; thị trấn Cam Lộ is out of NTM scope
    expect(m[units.indexOf(camLoNew) * years.length + years.indexOf(2024)]).toBeCloseTo(f.n_ntm / (f.n_rural - f.n_no_data), 12);
    // the pre-reform units have no former communes
    const old = (await e.query(indicatorsMatrixSQL(['former_ntm'], '2024'))).getChild('value')!.toArray() as Float64Array;
    expect(old.every((v) => Number.isNaN(v))).toBe(true);
    expect(formerNtmViewSQL).toContain('former_ntm_2025');
  });
});

describe('codes that collide across vintages', () => {
  test('a 2026 row of new Xã Cam Lộ colours it on the post-reform map, never old thị trấn Cam Lộ with the same code', async () => {
    expect(camLoNew).toBe(camLoOld); // 19597 in both lists
    await import2026(camLoNew, 'dat_chuan', 10);
    try {
      const postYears = (await q<{ year: number }>(yearsOfVintageSQL('2025-07'))).map((r) => r.year);
      const preYears = (await q<{ year: number }>(yearsOfVintageSQL('2024'))).map((r) => r.year);
      expect(postYears).toContain(2026);
      expect(preYears).not.toContain(2026);
      const post = await e.query(indicatorsMatrixSQL(['status', 'criteria'], '2025-07'));
      const postUnits = (await q<{ commune_code: string }>(unitListOfVintageSQL('2025-07'))).map((r) => r.commune_code);
      const k = postUnits.indexOf(camLoNew) * postYears.length + postYears.indexOf(2026);
      expect((post.getChild('value')!.toArray() as Float64Array)[k]).toBe(2); // dat_chuan
      expect((post.getChild('value_1')!.toArray() as Float64Array)[k]).toBe(10); // 10 of QĐ 51/2025's 10
      // the pre-reform matrix has no 2026 column and reads no post-reform row
      const pre = (await e.query(indicatorsMatrixSQL(['status'], '2024'))).getChild('value')!.toArray() as Float64Array;
      expect(pre.length).toBe(10598 * preYears.length);
      // provenance: the 2026 row is the post-reform commune's (x/10), and no pre-reform unit has a 2026 row
      const postRows = await q<{ unit: number; year: number; n_criteria: number | null }>(rowProvenance2025SQL, ['44']);
      expect(postRows.find((r) => r.unit === postUnits.indexOf(camLoNew) && r.year === 2026)?.n_criteria).toBe(10);
      const preRows = await q<{ year: number }>(rowProvenanceSQL, ['45']);
      expect(preRows.some((r) => r.year === 2026)).toBe(false);
    } finally {
      await e.query("DELETE FROM import_commune_year WHERE dataset = 'vintage-test'");
      await e.query("DELETE FROM import_dataset WHERE dataset = 'vintage-test'");
    }
  });
});

describe('re-aggregation through the crosswalk', () => {
  test('every split old commune: its apportioned households over all the new communes it went to sum to its own', async () => {
    const rows = await q<{ old_commune_code: string; n: number; own: number; parts: number }>(`
      SELECT c.old_commune_code, count(*)::INTEGER AS n, any_value(p.households)::DOUBLE AS own, sum(p.households * c.share) AS parts
      FROM crosswalk_2024_2025 c JOIN poverty_year p ON p.unit_code = c.old_commune_code AND p.year = 2024
      WHERE c.n_targets > 1 OR c.share < 1 GROUP BY ALL`);
    expect(rows.length).toBeGreaterThan(400);
    for (const r of rows) expect(r.parts, r.old_commune_code).toBeCloseTo(r.own, 6);
  });

  test('the post-reform poverty view adds up per province to newProvincePovertySQL; its approximate values are flagged', async () => {
    const view = await q<{ province_code: string; households: number }>(`
      SELECT n.province_code, sum(v.households) AS households FROM poverty_year_2025 v JOIN unit_commune_2025 n ON n.commune_code = v.unit_code
      WHERE v.year = 2024 GROUP BY ALL`);
    const expected = new Map((await q<{ province_code: string; year: number; households: number }>(newProvincePovertySQL)).filter((r) => r.year === 2024).map((r) => [r.province_code, r.households]));
    expect(view).toHaveLength(34);
    for (const r of view) expect(r.households, r.province_code).toBeCloseTo(expected.get(r.province_code)!, 6);
    const marks = await q<{ illustrative: number }>(rowProvenance2025SQL, ['44']);
    expect(marks.some((r) => (r.illustrative & approximateBit) !== 0)).toBe(true);
  });
});

describe('planner on the post-reform units', () => {
  test('the tables of both vintages, made from one parameterised unit source, bind at both levels and answer the same columns, typed alike', async () => {
    for (const [level, province] of [['district', '44'], ['province', null]] as const) {
      for (const [year, base] of [[2024, 2020], [2026, 2024]]) {
        const params = [province, year, base, 12];
        await expect(plannerTableSQL(level)).toBindIn(e, params);
        await expect(plannerTable2025SQL(level)).toBindIn(e, params);
        const columns = async (sql: string) => (await e.query(sql, params)).schema.fields.map((f) => `${f.name} ${String(f.type)}`);
        const pre = await columns(plannerTableSQL(level));
        expect(pre).toContain('expected_share Float64');
        expect(await columns(plannerTable2025SQL(level))).toEqual(pre);
      }
    }
  });

  test('nationally one row per new province; households equal to the sum of its former communes', async () => {
    const rows = await q<{ group_code: string; households: number; in_scope: number }>(plannerTable2025SQL('province'), [null, 2024, 2020, 12]);
    expect(rows).toHaveLength(34);
    const qt = rows.find((r) => r.group_code === '44')!;
    const own = await one<{ households: number; xa: number }>(`
      SELECT sum(p.households)::DOUBLE AS households, count(*) FILTER (WHERE u.commune_type = 'Xã')::INTEGER AS xa
      FROM unit_commune u JOIN poverty_year p ON p.unit_code = u.commune_code AND p.year = 2024 WHERE u.province_code IN ('44', '45')`);
    expect(Number(qt.households)).toBe(own.households);
    expect(qt.in_scope).toBe(own.xa);
  });

  test('a 2026-2030 target entered for new Quảng Trị (44) is the post-reform table’s, never old Quảng Bình’s (44)', async () => {
    const row = {
      target_id: 'vintage-2030', province_code: '44', province_name: 'Tỉnh Quảng Trị', target_year: 2030, indicator: 'target_share_communes_ntm',
      value: '90', value_num: 90, value_min: 90, value_max: 90, unit: 'percent', note: '', source: 'entered', parent_id: null, entered_at: '2026-11-30T00:00:00Z',
    };
    await e.query(insertUserTargetSQL, userTargetParams(row));
    try {
      const post = await q<{ group_code: string; target_share: number; target_year: number }>(plannerTable2025SQL('province'), [null, 2025, 2020, 12]);
      expect(post.find((r) => r.group_code === '44')).toMatchObject({ target_share: 0.9, target_year: 2030 });
      const pre = await q<{ group_code: string; target_year: number | null }>(plannerTableSQL('province'), [null, 2025, 2020, 12]);
      expect(pre.find((r) => r.group_code === '44')?.target_year ?? null).not.toBe(2030);
    } finally {
      await e.query(deleteUserTargetSQL, [row.target_id]);
    }
  });

  test('communes below the floor are counted only where the year’s criteria set has at least the floor’s criteria', async () => {
    for (const sql of [plannerTableSQL('province'), plannerTable2025SQL('province')]) {
      const counted = await q<{ below_floor: number | null }>(sql, [null, 2024, 2020, 12]);
      expect(counted.every((r) => r.below_floor !== null)).toBe(true);
      expect(counted.some((r) => Number(r.below_floor) > 0)).toBe(true);
      // 20 of QĐ 318's 19 criteria (as 12 of QĐ 51/2025's 10): no floor, so no count (not zero)
      const none = await q<{ below_floor: number | null }>(sql, [null, 2024, 2020, 20]);
      expect(none.every((r) => r.below_floor === null)).toBe(true);
    }
  });

  test('in new Quảng Trị, grouped by the former districts of old Quảng Bình and Quảng Trị', async () => {
    const rows = await q<{ group_code: string; group_name: string }>(plannerTable2025SQL('district'), ['44', 2024, 2020, 12]);
    const districts = await q<{ district_code: string }>("SELECT district_code FROM unit_district WHERE province_code IN ('44', '45') AND n_communes > 0");
    expect(rows.map((r) => r.group_code).sort()).toEqual(districts.map((d) => d.district_code).sort());
    expect(rows.map((r) => r.group_name)).toContain('Huyện Hướng Hóa');
  });
});

describe('sponsorships carry over', () => {
  test("the Farmers' Union's Hướng Lộc shows on new Xã Tân Lập", async () => {
    const [sponsor] = await q<{ sponsor_id: string }>("SELECT s.sponsor_id FROM sponsorship s JOIN unit_commune u USING (commune_code) WHERE u.commune_name = 'Xã Hướng Lộc'");
    const footprint = await q<{ commune_code: string; province_code: string }>(sponsorFootprint2025SQL, [sponsor.sponsor_id]);
    const tanLap = await one<{ commune_code: string }>("SELECT commune_code FROM unit_commune_2025 WHERE commune_name = 'Xã Tân Lập' AND province_code = '44'");
    expect(footprint.map((r) => r.commune_code)).toContain(tanLap.commune_code);
    expect(footprint.every((r) => r.province_code === '44')).toBe(true);
    const labels = await q<{ commune_code: string; label: string }>(sponsoredLabels2025SQL, [null]);
    expect(labels.find((l) => l.commune_code === tanLap.commune_code)?.label).toBeTruthy();
  });
});
