// Targets tables in the data panel (issue 12): a table of 2026-2030 targets keyed by the post-reform province code
// (44 = new Quảng Trị) is read through the panel's own file input, the report says how many targets for which
// province of which vintage and lists the refused row, and the accepted target is scored in the scorecard of new
// Quảng Trị (kept in this browser: it is there after a reload). Reading the same file again replaces its targets.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Session } from './harness';
import { openApp } from './harness';
import { baseUrl, sql, startSession } from './session';

/** The scorecard's queries take about a second each in DuckDB-WASM here. */
const poll = { timeout: 20_000 };
const FILE = 'chi-tieu-quang-tri-2030.csv';
const TARGET = `file:${FILE}|44|target_share_communes_ntm|2030`;
const table = [
  'Tỉnh,Chỉ tiêu,Năm mục tiêu,Giá trị (%),Nguồn',
  '44,Tỷ lệ xã đạt chuẩn NTM,2030,90,Nghị quyết Đại hội tỉnh',
  '44,Tỷ lệ xã sạch đẹp,2030,50,',
].join('\r\n');

let s: Session;
beforeAll(async () => {
  s = await startSession('?vintage=2025-07&province=44&panel=data');
});
afterAll(async () => {
  await s?.close();
});

async function readTable() {
  await s.page.getByTestId('import-file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(table, 'utf8') });
  await s.page.getByTestId('targets-report').waitFor({ timeout: 20_000 });
}

describe('a targets table in the data panel', () => {
  test('is reported per province and vintage, its refused row listed, and its target scored for new Quảng Trị', async () => {
    await readTable();
    expect(await s.page.getByTestId('targets-summary').textContent()).toBe('1 chỉ tiêu cho Quảng Trị (Từ 1/7/2025)');
    expect(await s.page.getByTestId('targets-rows').textContent()).toContain('3 dòng trong tệp: 1 chỉ tiêu đọc được, 1 dòng bị từ chối');
    expect(await s.page.getByTestId('targets-refused').textContent()).toContain('Dòng 3, cột "Chỉ tiêu": không nhận ra chỉ tiêu "Tỷ lệ xã sạch đẹp"');
    await s.page.getByTestId('targets-apply').click();
    await s.page.getByTestId('import-message').filter({ hasText: `Đã thêm 1 chỉ tiêu của ${FILE}` }).waitFor();

    const stored = await sql<Record<string, unknown>>(s, 'SELECT province_code, target_year, value_num, source FROM user_targets WHERE target_id = ?', [TARGET]);
    expect(stored).toEqual([{ province_code: '44', target_year: 2030, value_num: 90, source: `Nghị quyết Đại hội tỉnh (${FILE}, dòng 2)` }]);

    // a reload: kept in this browser, and scored in new Quảng Trị's scorecard
    await openApp(s, baseUrl(), '?vintage=2025-07&province=44&panel=scorecard');
    const row = s.page.locator(`[data-target="${TARGET}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-origin')).toBe('entered');
    expect(await row.textContent()).toContain('Tỷ lệ xã đạt chuẩn NTM');
    // shown in 2025, a 2026-2030 target has not started (it read "on track" at base = now = line) and its chart's
    // value axis runs past the goal of 90 (its last tick was 80)
    expect(await s.page.locator('[data-testid="scorecard"] h2').textContent()).toContain('năm 2025');
    expect(await row.getAttribute('data-verdict')).toBe('not_started');
    await row.getByTestId('target-open').click();
    // the chart's tick labels: the years 2025-2030 and the values up to the axis's end
    const ticks = row.locator('[data-testid="target-detail"] svg text');
    await expect.poll(() => ticks.allTextContents(), { timeout: 20_000 }).toContain('100');
  });

  test('read again, the file replaces its targets instead of adding them twice', async () => {
    await openApp(s, baseUrl(), '?vintage=2025-07&province=44&panel=data');
    await readTable();
    await s.page.getByTestId('targets-apply').click();
    await s.page.getByTestId('import-message').waitFor();
    await expect.poll(() => sql<{ n: number }>(s, "SELECT count(*)::INTEGER AS n FROM user_targets WHERE target_id LIKE 'file:%'"), poll).toEqual([{ n: 1 }]);
  });
});

// window.ntmAtlas.importBytes takes the panel's path for a targets table too (the same addFileTargets), and a file
// read right after start-up on the pre-reform map, while the post-reform province list may still be loading in the
// background, waits for that list: its 2030 row is read in the post-reform provinces (44 = new Quảng Trị), never
// refused as "not loaded".
describe('a targets table through window.ntmAtlas.importBytes', () => {
  /** Imports a CSV as soon as the app is ready (not settled: the other vintage's list may still be loading). */
  const importText = (name: string, text: string) =>
    s.page.evaluate(async ([n, t]) => {
      const atlas = (window as any).ntmAtlas;
      await atlas.ready;
      return atlas.importBytes(n, new TextEncoder().encode(t));
    }, [name, text] as const);
  const EARLY = 'chi-tieu-som.csv';
  const early = [
    'Tỉnh,Chỉ tiêu,Năm mục tiêu,Giá trị (%)',
    '44,Tỷ lệ xã đạt chuẩn NTM,2030,95',
    'Quảng Trị,Tỷ lệ xã đạt chuẩn NTM,2025,70',
    '44,Tỷ lệ xã sạch đẹp,2030,50',
  ].join('\r\n');

  test('read at start-up on the pre-reform map: added as the panel adds them, with counts added and refused', async () => {
    await s.page.goto(new URL('?vintage=2024&province=45', baseUrl()).href);
    await s.page.waitForFunction(() => (window as any).ntmAtlas !== undefined);
    const importEarly = () => importText(EARLY, early);
    const r = await importEarly();
    expect(r.error).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.targets).toEqual({
      read: 2, added: 2, refused: 1,
      provinces: [
        { province_code: '44', province_name: 'Tỉnh Quảng Trị', vintage: '2025-07', count: 1 },
        { province_code: '45', province_name: 'Tỉnh Quảng Trị', vintage: '2024', count: 1 },
      ],
    });
    expect([r.accepted, r.rejected, r.dataset]).toEqual([2, 1, null]);
    expect(r.issues.byCode).toEqual({ indicator_unknown: 1 });
    expect(r.issues.first).toEqual(['Row 4, column "Chỉ tiêu": unknown indicator "Tỷ lệ xã sạch đẹp": write its name as the scorecard shows it (e.g. "Share of communes meeting NTM") or its code (target_share_communes_ntm).']);
    const stored = () => sql<Record<string, unknown>>(s, 'SELECT target_id, province_code, target_year, value_num, source FROM user_targets WHERE target_id LIKE ? ORDER BY target_id', [`file:${EARLY}|%`]);
    expect(await stored()).toEqual([
      { target_id: `file:${EARLY}|44|target_share_communes_ntm|2030`, province_code: '44', target_year: 2030, value_num: 95, source: `${EARLY}, dòng 2` },
      { target_id: `file:${EARLY}|45|target_share_communes_ntm|2025`, province_code: '45', target_year: 2025, value_num: 70, source: `${EARLY}, dòng 3` },
    ]);
    // no data set was loaded for it
    expect(await sql(s, 'SELECT file FROM import_dataset WHERE file = ?', [EARLY])).toEqual([]);

    // the same file again: its targets are replaced, not added twice
    const again = await importEarly();
    expect(again.targets.added).toBe(2);
    expect(await stored()).toHaveLength(2);
  });

  test('a table with no readable target adds nothing and says why', async () => {
    const r = await importText('chi-tieu-sai.csv', 'Tỉnh,Chỉ tiêu,Năm mục tiêu,Giá trị\r\n44,Tỷ lệ xã sạch đẹp,2030,50\r\n');
    expect(r.ok).toBe(false);
    expect(r.error).toBe('no target read');
    expect(r.targets).toMatchObject({ read: 0, added: 0, refused: 1 });
    expect(await sql(s, "SELECT target_id FROM user_targets WHERE target_id LIKE 'file:chi-tieu-sai.csv|%'")).toEqual([]);
  });
});
