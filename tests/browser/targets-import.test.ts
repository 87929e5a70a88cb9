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
  });

  test('read again, the file replaces its targets instead of adding them twice', async () => {
    await openApp(s, baseUrl(), '?vintage=2025-07&province=44&panel=data');
    await readTable();
    await s.page.getByTestId('targets-apply').click();
    await s.page.getByTestId('import-message').waitFor();
    await expect.poll(() => sql<{ n: number }>(s, "SELECT count(*)::INTEGER AS n FROM user_targets WHERE target_id LIKE 'file:%'"), poll).toEqual([{ n: 1 }]);
  });
});
