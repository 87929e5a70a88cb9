// The sponsor view on the post-reform units, on the real assets: an assignment to a pre-reform commune shows on the
// new commune(s) it went to (a split one on each, flagged partial), with the former commune's history; a new
// commune's status only from its own 2026 rows (never inherited); the same queries on the pre-reform units unchanged.
import { beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { sponsorCommunes2025SQL, sponsorCommunesSQL, sponsoredComparisonSQLOf, sponsorsSQLOf } from '../../../src/db/sql/sponsor';
import { formerText, povertySpans, progressSummary, statusText, type SponsoredCommuneRow } from '../../../src/export/sponsor-report-file';
import { translator } from '../../../src/i18n/catalogue';
import { sponsoredLabels2025SQL } from '../../../src/db/sql/vintage';
import { engineWithAssets } from '../helpers/real-assets';

/** a row as the SQL returns it (the view names the missing criteria afterwards; the helpers below do not read them) */
type Row = SponsoredCommuneRow & { commune_code: string; province_code: string; criteria_set: string | null };

let e: SqlEngine;
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => rowsOf<T>(await e.query(sql, params));
const t = translator('vi') as (key: string, options?: Record<string, unknown>) => string;

beforeAll(async () => {
  e = await engineWithAssets();
  // an assignment to Xã Việt Lâm (2024 code 00967), split in 2025 between new 00913 and new 00967 (the same digits)
  await e.query(`INSERT INTO sponsorship BY NAME SELECT 'tq-test' AS sponsor_id, 'Hội thử' AS sponsor_org, 'HT' AS sponsor_short,
    '02' AS province_code, '00967' AS commune_code, 'Xã Việt Lâm' AS commune_name, 2021 AS from_year, 2025 AS to_year, 'QĐ thử' AS basis, 'thử' AS source`);
}, 60_000);

describe('a sponsor on the post-reform units', () => {
  test('LMHTX: its four communes listed as the new communes they went to, each formerly its old commune, in new Quảng Trị', async () => {
    const rows = await q<Row>(sponsorCommunes2025SQL, ['qt-lmhtx', 2025]);
    const successors = await q<{ old_commune_code: string; new_commune_code: string }>(
      `SELECT c.old_commune_code, c.new_commune_code FROM crosswalk_2024_2025 c JOIN sponsorship s ON s.commune_code = c.old_commune_code
       WHERE s.sponsor_id = 'qt-lmhtx' ORDER BY 1`,
    );
    expect(rows.map((r) => [r.former_code, r.commune_code]).sort()).toEqual(successors.map((s) => [s.old_commune_code, s.new_commune_code]).sort());
    expect(rows.every((r) => r.province_code === '44')).toBe(true);
    const tanLap = rows.find((r) => r.former_name === 'Xã Tân Liên')!;
    expect(tanLap).toMatchObject({ commune_name: 'Xã Tân Lập', district_name: 'Huyện Hướng Hóa', part_type: 'full', share_method: 'whole', approximate: false });
    // history: the former commune's own last status and poor rate (its 2025 row on the pre-reform units)
    const [old] = await q<{ commune_name: string; tier: string; poor_rate: number }>(sponsorCommunesSQL, ['qt-lmhtx', 2025]).then((r) => r.filter((x) => x.commune_name === 'Xã Tân Liên'));
    expect([tanLap.last_tier, tanLap.last_tier_year, tanLap.last_poverty_year]).toEqual([old.tier, 2025, 2025]);
    expect(tanLap.last_poor_rate).toBeCloseTo(old.poor_rate, 12);
    expect(formerText(tanLap, t, 'vi')).toMatch(/^trước là Xã Tân Liên \(Huyện Hướng Hóa\), toàn bộ · Đạt chuẩn NTM năm 2025 · tỷ lệ nghèo .* năm 2025$/);
    // the report's "Xã cũ" column: the same without "trước là"
    expect(formerText(tanLap, t, 'vi', { formerly: false })).toMatch(/^Xã Tân Liên \(Huyện Hướng Hóa\), toàn bộ · Đạt chuẩn NTM/);
  });

  test('before 2026 a new commune has no status of its own: k of n former communes NTM, the status at the start the old one’s', async () => {
    const rows = await q<Row>(sponsorCommunes2025SQL, ['qt-lmhtx', 2025]);
    expect(rows.every((r) => r.tier === null && r.criteria_met === null && r.criteria_total === null)).toBe(true);
    const tanLap = rows.find((r) => r.former_name === 'Xã Tân Liên')!;
    const [k] = await q<{ n_ntm: number; n_rural: number }>(`SELECT n_ntm, n_rural FROM former_ntm_2025 WHERE commune_code = ? AND year = 2025`, [tanLap.commune_code]);
    expect([tanLap.former_ntm, tanLap.former_rural, tanLap.former_year]).toEqual([k.n_ntm, k.n_rural, 2025]);
    expect(statusText(tanLap, t)).toBe(`Chưa có công nhận sau sắp xếp; ${k.n_ntm}/${k.n_rural} xã cũ đạt chuẩn NTM năm 2025`);
    const [start] = await q<{ tier: string }>(`SELECT tier FROM commune_year WHERE commune_code = '19465' AND year = 2020`);
    expect(tanLap.tier_at_start).toBe(start.tier);
    // the summary counts no new commune as NTM: the former communes assigned, by their last status
    const old = await q<{ tier: string }>(sponsorCommunesSQL, ['qt-lmhtx', 2025]);
    expect(progressSummary(rows)).toMatchObject({ ntmNow: 0, former: { count: 4, ntm: old.filter((r) => r.tier !== 'chua_dat').length, year: 2025 } });
    expect(progressSummary(old as Row[]).former).toBeNull();
  });

  test('poverty of the new commune (apportioned before 2026), its change split at the 2022 standard change', async () => {
    const rows = await q<Row>(sponsorCommunes2025SQL, ['qt-lmhtx', 2025]);
    const r = rows.find((x) => x.former_name === 'Xã Tân Liên')!;
    const rate = async (year: number) =>
      (await q<{ r: number }>(`SELECT poor / households AS r FROM poverty_year_2025 WHERE unit_code = ? AND year = ?`, [r.commune_code, year]))[0].r;
    expect(r.poor_rate).toBeCloseTo(await rate(2025), 12);
    expect(r.standard_changed_in).toBe(2022);
    expect(r.change_before).toBeCloseTo((await rate(2021)) - (await rate(2020)), 12);
    expect(r.change_after).toBeCloseTo((await rate(2025)) - (await rate(2022)), 12);
    expect(povertySpans(r)?.map((s) => [s.from, s.to])).toEqual([[2020, 2021], [2022, 2025]]);
  });

  test('a split old commune appears in every new commune it went to, flagged partial, its poverty approximate', async () => {
    const rows = await q<Row>(sponsorCommunes2025SQL, ['tq-test', 2024]);
    expect(rows.map((r) => r.commune_code).sort()).toEqual(['00913', '00967']);
    expect(rows.every((r) => r.former_code === '00967' && r.former_name === 'Xã Việt Lâm' && r.part_type === 'partial' && r.approximate)).toBe(true);
    expect(rows.reduce((a, r) => a + r.share!, 0)).toBeCloseTo(1, 9);
    expect(formerText(rows.find((r) => r.commune_code === '00913')!, t, 'vi')).toMatch(/^trước là Xã Việt Lâm \(.*\), một phần \(~1%\)/);
    // on the pre-reform units the same assignment is the one old commune
    expect((await q<Row>(sponsorCommunesSQL, ['tq-test', 2024])).map((r) => [r.commune_code, r.commune_name])).toEqual([['00967', 'Xã Việt Lâm']]);
  });

  test('from 2026 a new commune’s own recognition is its status (criteria of QĐ 51/2025, x/10); a 2024 code never reads it', async () => {
    const rows = await q<Row>(sponsorCommunes2025SQL, ['qt-lmhtx', 2025]);
    const tanLap = rows.find((r) => r.former_name === 'Xã Tân Liên')!;
    await e.query(`INSERT INTO import_dataset VALUES ('sponsor-vintage', 'qt-2026.csv', '2026-12-31T00:00:00Z', 'beside', 98)`);
    await e.query(
      `INSERT INTO import_commune_year BY NAME SELECT 'sponsor-vintage' AS dataset, $1 AS commune_code, 2026 AS year, 'qd51_2025' AS criteria_set,
         8 AS criteria_met_count, 255 AS criteria_met_mask, 'chua_dat' AS tier, FALSE AS fell_back, 'imported' AS provenance`,
      [tanLap.commune_code],
    );
    try {
      const now = (await q<Row>(sponsorCommunes2025SQL, ['qt-lmhtx', 2026])).find((r) => r.former_name === 'Xã Tân Liên')!;
      expect([now.tier, now.criteria_met, now.criteria_total, now.criteria_set]).toEqual(['chua_dat', 8, 10, 'qd51_2025']);
      expect(statusText(now, t)).toBe('Chưa đạt chuẩn');
      expect(progressSummary(await q<Row>(sponsorCommunes2025SQL, ['qt-lmhtx', 2026])).former).toBeNull();
      // the history still ends with the former commune's last pre-reform year
      expect(now.last_tier_year).toBe(2025);
    } finally {
      await e.query(`DELETE FROM import_commune_year WHERE dataset = 'sponsor-vintage'`);
      await e.query(`DELETE FROM import_dataset WHERE dataset = 'sponsor-vintage'`);
    }
  });

  test('the new map names the sponsor’s new communes; with every sponsored commune shown, with their sponsors', async () => {
    const view = await q<{ commune_code: string; label: string }>(sponsoredLabels2025SQL, ['qt-lmhtx']);
    const rows = await q<Row>(sponsorCommunes2025SQL, ['qt-lmhtx', 2025]);
    expect(view.map((l) => [l.commune_code, l.label])).toEqual(rows.map((r) => [r.commune_code, r.commune_name]).sort());
    const all = await q<{ commune_code: string; label: string }>(sponsoredLabels2025SQL, [null]);
    const tanLap = rows.find((r) => r.former_name === 'Xã Tân Liên')!;
    // Hướng Lộc (HND) and Tân Liên (LMHTX) both went into Xã Tân Lập
    expect(all.find((l) => l.commune_code === tanLap.commune_code)?.label).toBe('Xã Tân Lập (HND, LMHTX)');
  });

  test('the sponsor list names the post-reform province and counts the new communes', async () => {
    const post = await q<{ sponsor_id: string; province_code: string; communes: number }>(sponsorsSQLOf('2025-07'));
    const pre = await q<{ sponsor_id: string; province_code: string; communes: number }>(sponsorsSQLOf('2024'));
    expect(post.find((s) => s.sponsor_id === 'qt-lmhtx')).toMatchObject({ province_code: '44', communes: 4 });
    expect(pre.find((s) => s.sponsor_id === 'qt-lmhtx')).toMatchObject({ province_code: '45', communes: 4 });
    // HND's two communes and LMHTX's Tân Liên: Hướng Lộc and Tân Liên both went into Xã Tân Lập
    expect(post.find((s) => s.sponsor_id === 'qt-hnd')).toMatchObject({ province_code: '44', communes: 2 });
    expect(post.find((s) => s.sponsor_id === 'tq-test')).toMatchObject({ province_code: '08', communes: 2 });
  });

  test('sponsored vs other communes on the post-reform units: only years of their own rows, never before 2026', async () => {
    expect(await q(sponsoredComparisonSQLOf('2025-07'), ['44', 2025, 2020])).toEqual([]);
    const pre = await q<{ sponsored: boolean; communes: number }>(sponsoredComparisonSQLOf('2024'), ['45', 2025, 2020]);
    expect(pre.find((r) => r.sponsored)?.communes).toBe(6);
  });
});
