// Two administrative vintages (issue 12) in the browser: a link to the post-reform units, the switch between the
// vintages (map, legend, footer, address bar), "where did my commune go" both ways, the former districts, an import
// of 2026 figures keyed by post-reform codes, the remembered choice and the notice for a code of both vintages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { atlasState, openApp, type Session } from './harness';
import { api, baseUrl, settle, sql, startSession } from './session';

let s: Session;
beforeAll(async () => {
  s = await startSession('?vintage=2025-07&province=44');
});
afterAll(async () => {
  await s?.close();
});

const drawnCodes = () => api<string[]>(s, 'drawnCodes').then((c) => [...c].sort());
const listed = (table: string, province: string) =>
  sql<{ commune_code: string }>(s, `SELECT commune_code FROM ${table} WHERE province_code = ? ORDER BY 1`, [province]).then((r) => r.map((x) => x.commune_code));
const param = (name: string) => new URL(s.page.url()).searchParams.get(name);
/** The districts the map outlines as behind their trajectory (the dashed line's filter). */
const flaggedOnMap = () => s.page.evaluate(() => [...((window as any).ntmAtlas.debugMap().getFilter('district-flagged')[2][1] as string[])].sort());
const laggingMark = () => s.page.locator('[data-mark="lagging"]');

describe('a link to the post-reform units', () => {
  test('?vintage=2025-07&province=44 opens new Quảng Trị: its 78 communes, the legend and footer name the vintage', async () => {
    const st = await atlasState(s.page);
    expect(st).toMatchObject({ phase: 'ready', vintage: '2025-07', province: '44', drawnLayer: 'communes_2025', communesDrawn: 78 });
    expect(await drawnCodes()).toEqual(await listed('unit_commune_2025', '44'));
    expect(await s.page.getByTestId('province-picker').locator('option:checked').textContent()).toContain('Quảng Trị');
    expect(await s.page.getByTestId('legend-vintage').textContent()).toContain('sau sắp xếp');
    expect(await s.page.getByTestId('footer').textContent()).toContain('sau sắp xếp');
    // before 2026 a new commune has no status of its own: the map shows the share of its former communes NTM
    expect(st.indicator).toBe('former_ntm');
    expect(param('vintage')).toBe('2025-07');
  });
});

describe('switching vintage', () => {
  test('the pre-reform units: old Quảng Trị (45) with its 125 communes; the legend, footer and address bar say so', async () => {
    await s.page.locator('[data-testid="vintage-switch"] button[data-vintage="2024"]').click();
    await expect.poll(async () => (await atlasState(s.page)).vintage).toBe('2024');
    await settle(s);
    const st = await atlasState(s.page);
    // new Quảng Trị (44) was old Quảng Trị (45) and Quảng Bình (44): back to the one the link's focus province is
    expect(['44', '45']).toContain(st.province);
    await api(s, 'setProvince', '45');
    await settle(s);
    expect((await atlasState(s.page)).communesDrawn).toBe(125);
    expect(await drawnCodes()).toEqual(await listed('unit_commune', '45'));
    expect((await atlasState(s.page)).indicator).toBe('status');
    expect(await s.page.getByTestId('legend-vintage').textContent()).toContain('trước sắp xếp');
    expect(await s.page.getByTestId('footer').textContent()).toContain('trước sắp xếp');
    await expect.poll(() => param('vintage')).toBe('2024');
  });

  test('and back: the map is redrawn with the post-reform units of the province the old one went into', async () => {
    await s.page.locator('[data-testid="vintage-switch"] button[data-vintage="2025-07"]').click();
    await expect.poll(async () => (await atlasState(s.page)).vintage).toBe('2025-07');
    await settle(s);
    const st = await atlasState(s.page);
    expect(st).toMatchObject({ province: '44', drawnLayer: 'communes_2025', communesDrawn: 78 });
    expect(await drawnCodes()).toEqual(await listed('unit_commune_2025', '44'));
    const total = (st.legend as { count: number }[]).reduce((a, l) => a + l.count, 0);
    expect(total).toBe(78);
    expect(await s.page.getByTestId('notice').textContent()).toMatch(/tỷ lệ xã cũ đạt chuẩn/);
  });
});

describe('where did my commune go', () => {
  test('Hướng Lộc, searched on the post-reform map: its successor Xã Tân Lập selected and outlined, the old commune dashed', async () => {
    const [tanLap] = await sql<{ commune_code: string }>(s, "SELECT commune_code FROM unit_commune_2025 WHERE commune_name = 'Xã Tân Lập' AND province_code = '44'");
    await s.page.getByTestId('search').fill('huong loc');
    const old = s.page.locator('[data-testid="search-results"] li[data-vintage="2024"]', { hasText: 'Xã Hướng Lộc' });
    await expect.poll(() => old.count()).toBeGreaterThan(0);
    expect(await old.first().textContent()).toContain('Trước 1/7/2025');
    await old.first().click();
    await expect.poll(async () => (await atlasState(s.page)).traced).toBe('19474');
    await settle(s);
    expect((await atlasState(s.page)).selectedCode).toBe(tanLap.commune_code);
    const lineageOf = (role: string) => api<{ role: string; code: string }[]>(s, 'baseSource', 'lineage').then((l) => l.filter((f) => f.role === role).map((f) => f.code));
    await expect.poll(() => lineageOf('former'), { timeout: 20_000 }).toEqual(['19474']);
    const lineage = await api<{ role: string; code: string }[]>(s, 'baseSource', 'lineage');
    expect(lineage.filter((f) => f.role === 'successor').map((f) => f.code)).toEqual([tanLap.commune_code]);
    const panel = s.page.getByTestId('lineage');
    await expect.poll(() => panel.textContent()).toContain('Xã Tân Lập');
    expect(await panel.textContent()).toContain('toàn bộ');
    expect(param('former')).toBe('19474');
  });

  test('the reverse: new Xã Cam Lộ lists and outlines its four former communes, k of n NTM, never a status of its own', async () => {
    const [camLo] = await sql<{ commune_code: string }>(s, "SELECT commune_code FROM unit_commune_2025 WHERE commune_name = 'Xã Cam Lộ' AND province_code = '44'");
    await api(s, 'select', camLo.commune_code);
    await settle(s);
    const rows = s.page.locator('[data-testid="former-communes"] tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const names = (await rows.allTextContents()).join(' ');
    for (const n of ['Thị trấn Cam Lộ', 'Xã Cam Thành', 'Xã Cam Chính', 'Xã Cam Nghĩa']) expect(names).toContain(n);
    expect(await s.page.getByTestId('former-ntm').textContent()).toMatch(/\d\/3 xã cũ đạt chuẩn NTM/);
    await expect.poll(async () => (await api<{ role: string }[]>(s, 'baseSource', 'lineage')).filter((f) => f.role === 'former').length, { timeout: 20_000 }).toBe(4);
    expect((await api<{ status: string }>(s, 'details', camLo.commune_code)).status).toBe('no_data');
    // its facts (as in the tooltip) say so instead of "no data": no post-reform recognition yet, k of n former communes NTM
    const facts = s.page.getByTestId('selection');
    expect(await facts.locator('.status').textContent()).toBe('Chưa có công nhận sau sắp xếp');
    await expect.poll(() => facts.getByTestId('former-ntm-line').textContent()).toMatch(/^\d\/3 xã cũ đạt chuẩn NTM năm 2025/);
  });

  test('the former districts outlined and labelled over the new communes; the district table groups by them', async () => {
    await s.page.getByTestId('former-districts').check();
    await settle(s);
    const labels = (await api<{ name: string }[]>(s, 'baseSource', 'district-labels')).map((f) => f.name);
    expect(labels).toContain('Hướng Hóa (cũ)');
    expect(labels).toContain('Quảng Ninh (cũ)'); // of old Quảng Bình
    await s.page.getByTestId('tab-districts').click();
    await expect.poll(() => s.page.getByTestId('grouped-by-former').isVisible()).toBe(true);
    const planner = await api<{ group_name: string }[]>(s, 'planner');
    expect(planner.map((r) => r.group_name)).toContain('Huyện Hướng Hóa');
    await s.page.getByTestId('tab-legend').click();
  });
});

describe('imports keyed by either vintage', () => {
  test('a 2026 table keyed by post-reform codes (criteria x/10) colours the new map; the old map never shows it', async () => {
    const communes = await sql<{ commune_code: string; commune_name: string }>(
      s, "SELECT commune_code, commune_name FROM unit_commune_2025 WHERE province_code = '44' AND commune_type = 'Xã' ORDER BY commune_code LIMIT 12",
    );
    const lines = ['Mã xã,Tên xã,Năm,Số tiêu chí đạt,Xếp loại', ...communes.map((c, i) => `${c.commune_code},"${c.commune_name}",2026,${i % 2 ? 10 : 8}/10,${i % 2 ? 'Đạt chuẩn' : 'Chưa đạt'}`)];
    const result = await s.page.evaluate(
      async (text) => (window as any).ntmAtlas.importBytes('qt-moi-2026.csv', new TextEncoder().encode(text), 'beside'),
      lines.join('\r\n'),
    );
    expect(result).toMatchObject({ ok: true, rowsLoaded: communes.length });
    await api(s, 'setYear', 2026);
    await api(s, 'setIndicator', 'status');
    await settle(s);
    const st = await atlasState(s.page);
    expect(st.years).toContain(2026);
    expect(st.counts.dat_chuan).toBe(6);
    expect(st.counts.chua_dat).toBe(6);
    const d = await api<{ criteriaMet: number; criteriaTotal: number }>(s, 'details', communes[0].commune_code);
    expect([d.criteriaMet, d.criteriaTotal]).toEqual([8, 10]);
    // the same digits on the pre-reform units (a different commune, or none) have no 2026, and their years end in 2025
    await api(s, 'setVintage', '2024');
    await settle(s);
    expect((await atlasState(s.page)).years).not.toContain(2026);
    await api(s, 'setVintage', '2025-07');
    await settle(s);
  });
});

describe('the scorecard on the post-reform units', () => {
  test('new Quảng Trị’s key figures: 2025 over the pre-reform communes that went into it, 2026 from its own rows (the import above)', async () => {
    await openApp(s, baseUrl(), '?vintage=2025-07&province=44&year=2025&panel=scorecard');
    const [before] = await sql<{ share: number }>(
      s,
      `WITH main AS (SELECT old_commune_code, arg_max(new_commune_code, share) AS new_code FROM crosswalk_2024_2025 GROUP BY ALL)
       SELECT 100.0 * count(*) FILTER (WHERE y.tier <> 'chua_dat') / count(*) AS share
       FROM main m JOIN unit_commune_2025 n ON n.commune_code = m.new_code JOIN unit_commune o ON o.commune_code = m.old_commune_code
       JOIN commune_year y ON y.commune_code = o.commune_code AND y.year = 2025
       WHERE n.province_code = '44' AND o.commune_type = 'Xã'`,
    );
    const figure = (id: string) => s.page.locator(`[data-testid="key-figures"] [data-figure="${id}"] dd`);
    const pct = (v: number) => `${v.toFixed(1).replace('.', ',')}%`;
    await expect.poll(() => figure('target_share_communes_ntm').textContent(), { timeout: 20_000 }).toContain(pct(before.share));
    // districts were abolished with the reform: none to count on a post-reform province
    expect(await figure('target_districts_ntm').textContent()).toContain('–');
    // 2026: the twelve communes imported above, six of them recognised (x/10)
    await api(s, 'setYear', 2026);
    await expect.poll(() => figure('target_share_communes_ntm').textContent(), { timeout: 20_000 }).toContain(pct(50));
    await s.page.getByTestId('tab-legend').click();
  });
});

describe('the dashed outline of lagging districts', () => {
  test('named in the legend of the post-reform map only while the former districts, the lines it dashes, are drawn', async () => {
    await openApp(s, baseUrl(), '?vintage=2025-07&province=44&year=2024');
    // a 2030 target for new Quảng Trị gives its former districts a trajectory: some are behind it in 2024
    const table = ['Tỉnh,Chỉ tiêu,Năm mục tiêu,Giá trị (%)', '44,Tỷ lệ xã đạt chuẩn NTM,2030,90'].join('\r\n');
    const result = await s.page.evaluate(async (text) => (window as any).ntmAtlas.importBytes('chi-tieu-44.csv', new TextEncoder().encode(text)), table);
    expect(result).toMatchObject({ ok: true });
    await settle(s);
    const lagging = () => api<{ group_code: string; behind: boolean }[]>(s, 'planner').then((r) => r.filter((x) => x.behind).map((x) => x.group_code).sort());
    await expect.poll(() => lagging().then((c) => c.length), { timeout: 20_000 }).toBeGreaterThan(0);
    const behind = await lagging();
    // no district lines on the post-reform map: nothing dashed, and the legend names no dashed outline
    await expect.poll(() => s.page.getByTestId('map-marks').isVisible()).toBe(true);
    expect(await flaggedOnMap()).toEqual([]);
    expect(await laggingMark().count()).toBe(0);
    // the former districts drawn: those behind are dashed, and the legend says how many
    await api(s, 'setShowFormerDistricts', true);
    await settle(s);
    await expect.poll(flaggedOnMap).toEqual(behind);
    await expect.poll(() => laggingMark().textContent()).toContain(`${behind.length} huyện chậm`);
    await api(s, 'setShowFormerDistricts', false);
    await settle(s);
    await expect.poll(() => laggingMark().count()).toBe(0);
    expect(await flaggedOnMap()).toEqual([]);
  });
});

describe('the choice remembered, codes qualified', () => {
  test('a link without a vintage opens on the one chosen last; a code of both vintages is read on it and the notice says so', async () => {
    await openApp(s, baseUrl(), '?province=44');
    const st = await atlasState(s.page);
    expect(st).toMatchObject({ vintage: '2025-07', province: '44', communesDrawn: 78 });
    const notice = await s.page.getByTestId('notice').textContent();
    expect(notice).toContain('province=44');
    expect(notice).toContain('Tỉnh Quảng Trị');
    expect(notice).toContain('Tỉnh Quảng Bình');
    expect(notice).toContain('vintage=2024');
  });

  test('the page made no request outside its own origin and logged no errors', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
