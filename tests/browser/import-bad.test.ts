/**
 * The bad-input corpus (tests/fixtures/bad, issue 15) read in the app as a provincial officer would, after a
 * good import: each file shows its message (in Vietnamese, as shown), the report's buckets add up to the rows of
 * the file, the panel stays usable, and the earlier import and the sample survive everything. Also: choosing the
 * same file again reads it again, the year box is the default, a million-row workbook is refused within
 * seconds, the province a file belongs to is proposed, conflicting duplicates are settled side by side, and a
 * 10 kB URL value is quoted short and dropped from the address bar.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bigWorkbook } from '../fixtures/bad/zip-writer';
import type { Session } from './harness';
import { openApp } from './harness';
import { api, baseUrl, settle, sql, startSession } from './session';

const bad = (name: string) => join(process.cwd(), 'tests', 'fixtures', 'bad', name);
const good = join(process.cwd(), 'tests', 'fixtures', 'import', 'qt_poverty_2023_two_row_header.xlsx');

let s: Session;
let tmp: string;
beforeAll(async () => {
  s = await startSession('?panel=data');
  tmp = mkdtempSync(join(tmpdir(), 'ntm-bad-'));
});
afterAll(async () => {
  await s?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const shownSelector = '[data-testid="import-report"], [data-testid="import-error"]';
const shownText = () => s.page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, shownSelector);
/** Picks a file and waits for its report or refusal (naming the file, and not the one shown before); returns the text shown. */
async function pick(path: string): Promise<string> {
  const before = await shownText();
  await s.page.getByTestId('import-file').setInputFiles(path);
  const name = path.split('/').pop()!;
  await s.page.waitForFunction(
    ([sel, n, b]) => {
      const t = document.querySelector(sel!)?.textContent ?? null;
      return t !== null && t.includes(n!) && t !== b;
    },
    [shownSelector, name, before] as const,
  );
  return (await shownText())!;
}
const cancel = async () => {
  if (await s.page.getByTestId('import-report').count()) await s.page.getByRole('button', { name: 'Huỷ' }).click();
};
/** The report's buckets: the rows of the file and each bucket shown (all must add up). */
async function buckets(): Promise<{ rows: number; sum: number; of: Record<string, number> }> {
  const cells = await s.page.locator('[data-testid="import-counts"] tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-count'), Number(tr.querySelector('td')?.textContent)] as const));
  const of = Object.fromEntries(cells.filter(([k]) => k !== 'rowsInFile')) as Record<string, number>;
  const rows = cells.find(([k]) => k === 'rowsInFile')?.[1] ?? 0;
  return { rows, sum: Object.values(of).reduce((a, b) => a + b, 0), of };
}
const count = (q: string) => sql<{ n: number }>(s, q).then((r) => r[0].n);
const sampleCounts = () => Promise.all([count('SELECT count(*)::INTEGER AS n FROM sample_commune_year'), count('SELECT count(*)::INTEGER AS n FROM sample_poverty_year')]);
const earlier = () => sql<Record<string, unknown>>(s, 'SELECT poor, provenance FROM poverty_year WHERE unit_code = ? AND year = 2023', ['19474']);

/** File, and the Vietnamese message it must show (the unit test tests/unit/import/bad-corpus.test.ts has the same). */
const SHOWN: [string, string][] = [
  ['year_in_name_2025.csv', 'Năm 2025 lấy từ tên tệp "year_in_name_2025.csv".'],
  ['year_1900.csv', 'Năm 1900 nằm ngoài các năm của chương trình (2016-2030): không nhập.'],
  ['mixed_utf8_1258.csv', 'Tệp trộn hai bảng mã: 7 dòng UTF-8 (dòng 1-7) và 6 dòng Windows-1258 (CP1258) (dòng 8-13)'],
  ['truncated.xlsx', 'Tệp XLSX bị cắt cụt: thiếu phần cuối (mục lục của tệp nén), thường do tải về hoặc sao chép chưa xong. Hãy lấy lại tệp gốc. (bảng tính)'],
  ['damaged.xlsx', 'Tệp XLSX bị hỏng: một phần của bảng tính không đọc được. Hãy mở tệp bằng Excel và lưu lại. (bảng tính)'],
  ['subtotals.csv', 'Dòng tổng, cộng nhóm (bỏ qua)3'],
  ['empty.csv', 'Tệp rỗng (0 byte). (byte 0)'],
  ['header_only.csv', 'Bảng không có dòng dữ liệu nào dưới dòng tiêu đề. (tệp, dưới dòng 1)'],
  ['binary.csv', 'Tệp không phải bảng tính CSV/TSV/XLSX mà là tệp nhị phân. (byte 4)'],
  ['zip_bomb.xlsx', 'Tệp XLSX giải nén ra lớn bất thường (hơn 100 lần kích thước nén): có thể là tệp độc hại ("zip bomb"), không đọc. (bảng tính)'],
  ['columns_200.csv', '196 cột không được nhận dạng và không được nhập: "Chỉ số 5", "Chỉ số 6"'],
  ['nul_bytes.csv', 'Tệp có 4 byte NUL (ký tự rỗng, không phải chữ): đã bỏ qua.'],
  ['rates_out_of_range.csv', 'Tỷ lệ 120,5% nằm ngoài khoảng 0-100.'],
  ['poor_gt_households.csv', 'Số hộ nghèo (650) lớn hơn tổng số hộ (500).'],
];

describe('the bad-input corpus in the app', () => {
  let sampleBefore: number[];

  test('an earlier import is loaded first', async () => {
    await pick(good);
    await s.page.getByTestId('import-apply').click();
    await s.page.waitForSelector('[data-testid="import-message"]');
    await settle(s);
    expect(await earlier()).toEqual([{ poor: 64, provenance: 'imported' }]);
    sampleBefore = await sampleCounts();
    // the limits are stated before a file is chosen
    expect(await s.page.getByTestId('import-limits').textContent()).toBe('Mỗi tệp tối đa 50 MB, 200.000 dòng và 500 cột.');
  });

  test.each(SHOWN)('%s shows its message; the buckets add up', async (name, message) => {
    const text = await pick(bad(name));
    expect(text).toContain(message);
    const b = await buckets();
    expect(b.sum).toBe(b.rows);
    expect(text).not.toMatch(/\((none|default|workbook|the file[^)]*)\)|commune_name/);
    await cancel();
  });

  test('a file without a year: the year box’s shown year is used and said; a year out of range blocks the button, saying why; the same file chosen again is read again', async () => {
    const shownYear = await s.page.getByTestId('import-year-box').getAttribute('placeholder');
    let text = await pick(bad('no_year.csv'));
    expect(text).toContain(`Tệp không ghi năm (không có cột năm, tiêu đề và tên tệp không ghi năm): dùng năm ${shownYear} ở ô "Năm".`);
    expect((await buckets()).of.accepted).toBe(20);
    // a year outside the programme typed in the box: the file is read again, nothing can be imported, and why
    await s.page.getByTestId('import-year-box').fill('1900');
    await expect.poll(() => s.page.getByTestId('apply-blocked').count()).toBe(1);
    expect(await s.page.getByTestId('apply-blocked').textContent()).toBe('Chưa nhập được: 20 dòng chưa có năm hợp lệ. Hãy nhập năm vào ô "Năm" (tệp sẽ được đọc lại).');
    expect(await s.page.getByTestId('import-apply').isDisabled()).toBe(true);
    await s.page.getByTestId('import-year-box').fill('2025');
    await expect.poll(() => s.page.getByTestId('import-apply').isDisabled()).toBe(false);
    // cancelled, then the same file chosen again: read again
    await cancel();
    expect(await s.page.getByTestId('import-report').count()).toBe(0);
    text = await pick(bad('no_year.csv'));
    expect(text).toContain('dùng năm 2025 ở ô "Năm"');
    await s.page.getByTestId('import-apply').click();
    await expect.poll(async () => (await s.page.getByTestId('import-message').textContent()) ?? '').toContain('Đã nhập 20 dòng của no_year.csv');
    await s.page.getByTestId('import-year-box').fill('');
  });

  test('an exact duplicate is loaded once, with both rows named; sponsorships are counted as rows loaded', async () => {
    expect(await pick(bad('exact_duplicate.csv'))).toContain('Dòng 10 lặp lại y hệt dòng 4 (Xã Vĩnh Chấp, năm 2024): chỉ tính một lần.');
    expect((await buckets()).of).toMatchObject({ accepted: 10, duplicate: 1 });
    await s.page.getByTestId('import-apply').click();
    await expect.poll(async () => (await s.page.getByTestId('import-message').textContent()) ?? '').toContain('Đã nhập 10 dòng của exact_duplicate.csv');
    await settle(s);
    expect(await sql(s, "SELECT households FROM poverty_year WHERE unit_code = '19375' AND year = 2024")).toEqual([{ households: 974 }]);
    await pick(bad('sponsors_only.csv'));
    await s.page.getByTestId('import-apply').click();
    await expect.poll(async () => (await s.page.getByTestId('import-message').textContent()) ?? '').toBe(
      'Đã nhập 3 dòng của sponsors_only.csv: 0 số liệu nông thôn mới, 0 số liệu hộ nghèo, 3 xã được đỡ đầu.',
    );
  });

  test('conflicting duplicates: both versions side by side, one kept', async () => {
    expect(await pick(bad('conflicting_duplicates.csv'))).toContain('Xã Vĩnh Tú năm 2025 có ở các dòng 3, 6 với số liệu khác nhau: hãy chọn dòng đúng (hoặc không dòng nào).');
    const conflict = s.page.getByTestId('import-conflict');
    expect(await conflict.getAttribute('data-rows')).toBe('3,6');
    expect(await conflict.locator('tr.differs').count()).toBeGreaterThan(0);
    expect((await buckets()).of).toMatchObject({ accepted: 3, conflict: 2 });
    await conflict.getByRole('button', { name: 'Giữ dòng 6' }).click();
    await expect.poll(async () => (await buckets()).of.accepted).toBe(4);
    expect((await buckets()).of.excluded).toBe(1);
    await cancel();
  });

  test('a Bến Tre file read while Quảng Trị is shown: the switch is proposed and reads it again in Bến Tre', async () => {
    const text = await pick(bad('ben_tre_in_quang_tri.csv'));
    expect(await s.page.getByTestId('import-detected').textContent()).toContain('Tệp này khớp 25/27 dòng với đơn vị của Tỉnh Bến Tre, chỉ 0 dòng với Tỉnh Quảng Trị: có lẽ đây là tệp của Tỉnh Bến Tre.');
    expect(text).toContain('Gợi ý: Xã Sơn Đông (Thành phố Bến Tre, 28783)');
    await s.page.getByTestId('switch-province').click();
    await expect.poll(async () => (await buckets()).of.accepted ?? 0).toBe(25);
    expect((await api<{ province: string }>(s, 'state')).province).toBe('83');
    await cancel();
    await api(s, 'setProvince', '45');
  });

  test('a right-to-left override: removed and said; file text is shown isolated; the export carries none', async () => {
    const text = await pick(bad('bidi_override.csv'));
    expect(text).toContain('2 ô có ký tự điều khiển ẩn (U+202E, U+202C) có thể đảo chiều hoặc che chữ: đã bỏ các ký tự đó (dòng 2).');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(await s.page.locator('[data-testid="import-report"] bdi').count()).toBeGreaterThan(0);
    await s.page.getByTestId('import-apply').click();
    await s.page.waitForSelector('[data-testid="import-message"]');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('export-model').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('19423,Xã Vĩnh Giang,2025');
    expect(csv).toContain('123/QĐ-UBND');
    expect(csv).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  test('a 1,000,000-row XLSX is refused with the limit named within seconds; a 51 MB file before it is read; the panel stays usable', async () => {
    const codes = (await sql<{ c: string }>(s, "SELECT commune_code AS c FROM unit_commune WHERE province_code = '45'")).map((r) => r.c);
    const huge = join(tmp, 'huge_1m.xlsx');
    writeFileSync(huge, bigWorkbook(1_000_000, codes));
    // timed in the page, from the choice of the file to the refusal on screen
    await s.page.evaluate(() => {
      document.querySelector('[data-testid="import-file"]')!.addEventListener('change', () => ((window as any).picked = performance.now()), { once: true });
    });
    const text = await pick(huge);
    expect(await s.page.evaluate(() => performance.now() - (window as any).picked)).toBeLessThan(5000);
    expect(text).toContain('Tệp có 1.000.001 dòng, quá giới hạn 200.000 dòng mỗi lần nhập: hãy chia tệp (ví dụ theo huyện hoặc theo năm) rồi nhập từng phần.');
    const big = join(tmp, 'big.csv');
    writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x41));
    expect(await pick(big)).toBe('big.csv: Tệp 51 MB, quá giới hạn 50 MB mỗi lần nhập: hãy chia thành nhiều tệp nhỏ hơn.');
    // usable: a good file reads
    expect(await pick(bad('poor_gt_households.csv'))).toContain('Số hộ nghèo (650) lớn hơn tổng số hộ (500).');
    await cancel();
    expect(s.consoleErrors.filter((e) => /Uncaught|cannot be cloned|out of memory/i.test(e))).toEqual([]);
  });

  test('the earlier import and the sample survived everything', async () => {
    expect(await earlier()).toEqual([{ poor: 64, provenance: 'imported' }]);
    expect(await sampleCounts()).toEqual(sampleBefore);
    const list = (await s.page.getByTestId('datasets').textContent())!;
    expect(list).toContain('qt_poverty_2023_two_row_header.xlsx');
    // no empty dataset was stored: every one lists rows
    expect(list).not.toMatch(/· 0 dòng/);
  });

  test('a 10 kB URL value: quoted short in the notice, then gone from the address bar', async () => {
    const value = `${'x!'.repeat(5000)}`;
    await openApp(s, baseUrl(), `?panel=data&sponsor=${value}`);
    const notice = (await api<{ notice: string | null }>(s, 'state')).notice!;
    expect(notice).toContain('sponsor=x!x!');
    expect(notice.length).toBeLessThan(250);
    await expect.poll(() => s.page.evaluate(() => window.location.search)).not.toContain('sponsor=');
    // the earlier import was restored with the page
    expect(await earlier()).toEqual([{ poor: 64, provenance: 'imported' }]);
  });
});
