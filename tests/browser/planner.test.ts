import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Session } from './harness';
import { api, settle, sql, startSession } from './session';

let s: Session;
beforeAll(async () => {
  // the app opens on the latest year with data; this file checks 2024, the year of the published 69/101
  s = await startSession('?year=2024');
});
afterAll(async () => {
  await s?.close();
});

interface Row {
  group_code: string;
  in_scope: number;
  ntm: number | null;
  nang_cao: number | null;
  kieu_mau: number | null;
  avg_criteria: number | null;
  below_floor: number | null;
  poor_rate: number | null;
  near_poor_rate: number | null;
  ntm_share: number | null;
  expected_share: number | null;
  behind: boolean;
}

/** The district table, computed here independently: plain aggregates, no shared SQL with the app. */
const independentSQL = `
SELECT d.district_code AS group_code,
  (SELECT count(*) FROM unit_commune u WHERE u.district_code = d.district_code AND u.commune_type = 'Xã')::INTEGER AS in_scope,
  (SELECT count(*) FROM unit_commune u JOIN commune_year y USING (commune_code)
     WHERE u.district_code = d.district_code AND u.commune_type = 'Xã' AND y.year = 2024 AND y.tier IN ('dat_chuan', 'nang_cao', 'kieu_mau'))::INTEGER AS ntm,
  (SELECT count(*) FROM unit_commune u JOIN commune_year y USING (commune_code)
     WHERE u.district_code = d.district_code AND u.commune_type = 'Xã' AND y.year = 2020 AND y.tier IN ('dat_chuan', 'nang_cao', 'kieu_mau'))::INTEGER AS ntm_2020,
  (SELECT count(*) FROM unit_commune u JOIN commune_year y USING (commune_code)
     WHERE u.district_code = d.district_code AND u.commune_type = 'Xã' AND y.year = 2024 AND y.criteria_met_count < 12)::INTEGER AS below_floor,
  (SELECT avg(y.criteria_met_count) FROM unit_commune u JOIN commune_year y USING (commune_code)
     WHERE u.district_code = d.district_code AND u.commune_type = 'Xã' AND y.year = 2024) AS avg_criteria,
  (SELECT sum(p.poor) / sum(p.households) FROM unit_commune u JOIN poverty_year p ON p.unit_code = u.commune_code
     WHERE u.district_code = d.district_code AND p.year = 2024) AS poor_rate
FROM unit_district d WHERE d.province_code = '45' ORDER BY 1`;

describe('planner view, Quảng Trị 2024', () => {
  test('district table matches an independent SQL', async () => {
    await api(s, 'setCompareYear', 2020);
    const table = await s.page.evaluate(() => (window as any).ntmAtlas.planner() as Row[]);
    const expected = await sql<Record<string, number | null>>(s, independentSQL);
    expect(table.map((r) => r.group_code)).toEqual(expected.map((r) => r.group_code));
    for (const [i, e] of expected.entries()) {
      const r = table[i];
      expect(r.in_scope).toBe(e.in_scope);
      if (e.in_scope === 0) {
        expect(r.ntm).toBeNull();
        continue;
      }
      expect(r.ntm).toBe(e.ntm);
      expect(r.below_floor).toBe(e.below_floor);
      expect(r.avg_criteria).toBeCloseTo(e.avg_criteria!, 9);
      expect(r.ntm_share).toBeCloseTo(e.ntm! / e.in_scope!, 12);
      expect(r.poor_rate).toBeCloseTo(e.poor_rate!, 12);
    }
    // the published province totals hold in the table too: 69 of 101 rural communes NTM in 2024
    expect(table.reduce((a, r) => a + (r.ntm ?? 0), 0)).toBe(69);
    expect(table.reduce((a, r) => a + r.in_scope, 0)).toBe(101);
  });

  test('flagged districts are exactly those below the linear trajectory to the 75% target in 2025', async () => {
    const table = await s.page.evaluate(() => (window as any).ntmAtlas.planner() as Row[]);
    const expected = await sql<{ group_code: string; in_scope: number; ntm: number; ntm_2020: number }>(s, independentSQL);
    const behind = expected
      .filter((e) => e.in_scope > 0)
      .filter((e) => {
        const base = e.ntm_2020 / e.in_scope;
        const trajectory = base + ((0.75 - base) * (2024 - 2020)) / (2025 - 2020);
        return e.ntm / e.in_scope < trajectory;
      })
      .map((e) => e.group_code);
    expect(behind.length).toBeGreaterThan(0);
    expect(table.filter((r) => r.behind).map((r) => r.group_code)).toEqual(behind);
    const onMap = await s.page.evaluate(() => (window as any).ntmAtlas.debugMap().getFilter('district-flagged')[2][1]);
    expect([...onMap].sort()).toEqual([...behind].sort());
    await s.page.getByTestId('tab-districts').click();
    const flaggedRows = await s.page.locator('[data-testid="district-table"] tbody tr.behind').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    expect(flaggedRows.sort()).toEqual([...behind].sort());
  });

  test.each([
    ['huong loc', 'Xã Hướng Lộc', '19474'],
    ['trieu do', 'Xã Triệu Độ', '19636'],
    ['Hai Thuong', 'Xã Hải Thượng', '19708'],
  ])('search "%s" without diacritics finds %s', async (text, name, code) => {
    await s.page.getByTestId('search').fill(text);
    const first = s.page.getByTestId('search-results').locator('button').first();
    expect(await first.textContent()).toContain(name);
    await first.click();
    await settle(s);
    expect((await api<{ selectedCode: string }>(s, 'state')).selectedCode).toBe(code);
    expect(await s.page.getByTestId('breadcrumbs').textContent()).toContain(name);
  });

  test('the year animation steps through every year', async () => {
    const years = (await api<{ years: number[] }>(s, 'state')).years;
    await api(s, 'setYear', years[0]);
    await s.page.evaluate(() => {
      const w = window as any;
      w.__seenYears = [w.ntmAtlas.state().year];
      w.ntmAtlas.onYear((y: number) => w.__seenYears.push(y));
    });
    await s.page.getByTestId('play').click();
    await s.page.waitForFunction(() => (window as any).ntmAtlas.state().playing === false, undefined, { timeout: 60_000 });
    const seen = await s.page.evaluate(() => (window as any).__seenYears as number[]);
    expect(seen).toEqual(years);
    expect(years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(await s.page.getByTestId('year-value').textContent()).toBe('2025');
  });

  test('indicators recolour the map with classified legends', async () => {
    await api(s, 'setIndicator', 'poor_rate');
    await settle(s);
    const st = await api<{ legend: { range?: [number, number]; noData?: boolean; count: number }[] }>(s, 'state');
    const classes = st.legend.filter((l) => !l.noData);
    expect(classes.length).toBe(5);
    expect(st.legend.reduce((a, l) => a + l.count, 0)).toBe(125);
    for (let i = 1; i < classes.length; i++) expect(classes[i].range![0]).toBeGreaterThanOrEqual(classes[i - 1].range![0]);
    await api(s, 'setIndicator', 'status');
  });
});
