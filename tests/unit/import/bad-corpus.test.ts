/**
 * The bad-input corpus (tests/fixtures/bad, made by make-bad.ts; issue 15): each file is read as the data panel
 * reads it with Quảng Trị shown and 2024 in the year box, and gives the message a person must see (in
 * Vietnamese, as shown), with every row of the file in exactly one bucket. The million-row workbook is built
 * here at run time. The browser test (tests/browser/import-bad.test.ts) reads the same files in the app.
 */
import { readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTable, keepDuplicate, type ImportContext, type ImportResult, type IssueCode } from '../../../src/import/index.ts';
import { IMPORT_LIMITS } from '../../../src/import/limits.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import { importView } from '../../../src/import/service/import-view.ts';
import { importColumns } from '../../../src/import/service/import-rows.ts';
import { bigSheetRows, bigWorkbook } from '../../fixtures/bad/zip-writer.ts';
import { focusUnits } from './helpers.ts';

const BAD = resolvePath(__dirname, '../../fixtures/bad');
const bad = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(BAD, name))) });
const ctx = (extra: Partial<ImportContext> = {}): ImportContext => ({ units: focusUnits(), currentYear: 2026, province: '45', defaultYear: 2024, ...extra });
const sum = (r: ImportResult) => Object.values(r.report.buckets).reduce((a, b) => a + b, 0);
/** Buckets that are not empty. */
const buckets = (r: ImportResult) => Object.fromEntries(Object.entries(r.report.buckets).filter(([, n]) => n > 0));
/** The message of the file's error, or of the first issue of that code, as the report shows it in Vietnamese. */
const shown = (r: ImportResult, code: IssueCode) => {
  if (r.error?.code === code) return render('vi', r.error.message);
  const i = r.report.issues.find((x) => x.code === code);
  return i ? render('vi', i.message) : null;
};

/** file, the issue that must be shown, its Vietnamese text, the buckets (rows of the file in all). */
const CASES: [string, IssueCode, string, Record<string, number>][] = [
  ['no_year.csv', 'year_from_default', 'Tệp không ghi năm (không có cột năm, tiêu đề và tên tệp không ghi năm): dùng năm 2024 ở ô "Năm".', { accepted: 20, header: 1 }],
  ['year_in_name_2025.csv', 'year_from_filename', 'Năm 2025 lấy từ tên tệp "year_in_name_2025.csv".', { accepted: 20, header: 1 }],
  ['exact_duplicate.csv', 'duplicate_collapsed', 'Dòng 10 lặp lại y hệt dòng 4 (Xã Vĩnh Chấp, năm 2024): chỉ tính một lần.', { accepted: 10, duplicate: 1, header: 1 }],
  ['year_1900.csv', 'year_out_of_range', 'Năm 1900 nằm ngoài các năm của chương trình (2016-2030): không nhập.', { rejected: 5, header: 1 }],
  ['sponsors_only.csv', 'year_out_of_range', '', { accepted: 3, header: 1 }],
  ['mixed_utf8_1258.csv', 'encoding_mixed', 'Tệp trộn hai bảng mã: 7 dòng UTF-8 (dòng 1-7) và 6 dòng Windows-1258 (CP1258) (dòng 8-13); mỗi dòng đã được đọc theo bảng mã của nó. Hãy kiểm tra tên đơn vị và lưu lại tệp theo một bảng mã (UTF-8).', { accepted: 12, header: 1 }],
  ['truncated.xlsx', 'xlsx_truncated', 'Tệp XLSX bị cắt cụt: thiếu phần cuối (mục lục của tệp nén), thường do tải về hoặc sao chép chưa xong. Hãy lấy lại tệp gốc.', {}],
  ['damaged.xlsx', 'xlsx_damaged', 'Tệp XLSX bị hỏng: một phần của bảng tính không đọc được. Hãy mở tệp bằng Excel và lưu lại.', {}],
  ['bidi_override.csv', 'control_chars', '2 ô có ký tự điều khiển ẩn (U+202E, U+202C) có thể đảo chiều hoặc che chữ: đã bỏ các ký tự đó (dòng 2).', { accepted: 2, header: 1 }],
  ['subtotals.csv', 'no_data_rows', '', { accepted: 6, totals: 3, header: 1 }],
  ['ben_tre_in_quang_tri.csv', 'province_detected', 'Tệp này khớp 25/27 dòng với đơn vị của Tỉnh Bến Tre, chỉ 0 dòng với Tỉnh Quảng Trị: có lẽ đây là tệp của Tỉnh Bến Tre.', { unmatched: 27, header: 1 }],
  ['empty.csv', 'empty_file', 'Tệp rỗng (0 byte).', {}],
  ['header_only.csv', 'no_data_rows', 'Bảng không có dòng dữ liệu nào dưới dòng tiêu đề.', { header: 1 }],
  ['binary.csv', 'not_a_table', 'Tệp không phải bảng tính CSV/TSV/XLSX mà là tệp nhị phân.', {}],
  ['zip_bomb.xlsx', 'zip_bomb', 'Tệp XLSX giải nén ra lớn bất thường (hơn 100 lần kích thước nén): có thể là tệp độc hại ("zip bomb"), không đọc.', {}],
  ['columns_200.csv', 'columns_unrecognised', '196 cột không được nhận dạng và không được nhập: "Chỉ số 5", "Chỉ số 6", "Chỉ số 7", "Chỉ số 8", "Chỉ số 9", "Chỉ số 10", "Chỉ số 11", "Chỉ số 12" và 188 cột khác.', { accepted: 5, header: 1 }],
  ['nul_bytes.csv', 'nul_removed', 'Tệp có 4 byte NUL (ký tự rỗng, không phải chữ): đã bỏ qua.', { accepted: 5, header: 1 }],
  ['rates_out_of_range.csv', 'rate_out_of_range', 'Tỷ lệ -5% nằm ngoài khoảng 0-100.', { accepted: 1, rejected: 2, header: 1 }],
  ['poor_gt_households.csv', 'poor_gt_households', 'Số hộ nghèo (650) lớn hơn tổng số hộ (500).', { accepted: 1, rejected: 1, header: 1 }],
  ['conflicting_duplicates.csv', 'duplicate_conflict', 'Xã Vĩnh Tú năm 2025 có ở các dòng 3, 6 với số liệu khác nhau: hãy chọn dòng đúng (hoặc không dòng nào).', { accepted: 3, conflict: 2, header: 1 }],
];

describe('the bad-input corpus', () => {
  it.each(CASES)('%s: "%s" is shown, and every row is in one bucket', async (name, code, vi, expected) => {
    const r = await importTable(bad(name), ctx());
    if (vi) expect(shown(r, code)).toBe(vi);
    else expect(shown(r, code)).toBeNull(); // the case is about what does NOT go wrong (see below)
    expect(buckets(r)).toEqual(expected);
    expect(sum(r)).toBe(r.report.rowsInFile);
    // nothing English (or a field's code name) in the Vietnamese report
    const text = [...r.report.issues.map((i) => render('vi', i.message)), ...(r.error ? [render('vi', r.error.where)] : [])].join(' ');
    expect(text).not.toMatch(/\((none|default|workbook|the file[^)]*)\)|commune_name|\b(the|is|not|row|file)\b/);
  });

  it('a file without a year and nothing in the year box: every row says so, none can be imported', async () => {
    const r = await importTable(bad('no_year.csv'), ctx({ defaultYear: undefined }));
    expect(shown(r, 'year_missing')).toBe('Không xác định được năm số liệu (không có cột năm, tiêu đề và tên tệp không ghi năm): hãy nhập năm vào ô "Năm".');
    expect(buckets(r)).toEqual({ rejected: 20, header: 1 });
    const v = importView(r, 1);
    expect([v.report.accepted, v.report.withoutYear]).toEqual([0, 20]);
    // a year typed in the box outside the programme's years is refused with the range
    const y = await importTable(bad('no_year.csv'), ctx({ defaultYear: 1900 }));
    expect(shown(y, 'year_out_of_range')).toBe('Năm 1900 nằm ngoài các năm của chương trình (2016-2030): không nhập.');
    expect(importView(y, 1).report.withoutYear).toBe(20);
  });

  it('an exact duplicate loads the commune once; sponsorships count as rows loaded', async () => {
    const d = importColumns(await importTable(bad('exact_duplicate.csv'), ctx()));
    expect([d.communeYear.commune_code.length, d.poverty.unit_code.length, d.sourceRows]).toEqual([10, 10, 10]);
    expect(new Set(d.communeYear.commune_code).size).toBe(10);
    const s = importColumns(await importTable(bad('sponsors_only.csv'), ctx()));
    expect([s.communeYear.commune_code.length, s.poverty.unit_code.length, s.sponsorship.sponsor_id.length, s.sourceRows]).toEqual([0, 0, 3, 3]);
  });

  it('conflicting duplicates: both versions side by side until one (or none) is kept', async () => {
    const r = await importTable(bad('conflicting_duplicates.csv'), ctx());
    const v = importView(r, 1);
    expect(v.conflicts.map((c) => c.rows.map((x) => [x.sourceRow, x.values.households]))).toEqual([[[3, 937], [6, 1200]]]);
    const kept = keepDuplicate(r, [3, 6], 6);
    expect(buckets(kept)).toEqual({ accepted: 4, excluded: 1, header: 1 });
    expect(render('vi', kept.rows.find((x) => x.sourceRow === 3)!.messages.at(-1)!.message)).toBe('Không nhập dòng này: đã chọn giữ dòng 6.');
    expect(importColumns(kept).poverty.households).toContain(1200);
    expect(buckets(keepDuplicate(r, [3, 6], null))).toEqual({ accepted: 3, excluded: 2, header: 1 });
  });

  it('a Bến Tre file read while Quảng Trị is shown: the switch is proposed, suggestions come from Bến Tre', async () => {
    const r = await importTable(bad('ben_tre_in_quang_tri.csv'), ctx());
    expect(r.detected).toMatchObject({ vintage: 'before2025', province_code: '83', matched: 25, scored: 27, scopeMatched: 0 });
    expect(r.rows.every((x) => x.suggestions.every((s) => s.province_code === '83'))).toBe(true);
    expect(r.rows.filter((x) => x.suggestions.length > 0).length).toBe(27);
    // read in Bến Tre, 25 rows match and the two misspelt names are to be resolved
    const b = await importTable(bad('ben_tre_in_quang_tri.csv'), ctx({ province: '83' }));
    expect(b.detected).toBeNull();
    expect(buckets(b)).toMatchObject({ accepted: 25, header: 1 });
  });

  it('a right-to-left override never reaches the model', async () => {
    const c = importColumns(await importTable(bad('bidi_override.csv'), ctx()));
    expect(c.sponsorship.sponsor_org).toEqual(['Hội Nông dân tỉnh', 'Đoàn Thanh niên tỉnh']);
    expect(c.communeYear.decision_no.every((d) => !/[\u202a-\u202e]/.test(String(d)))).toBe(true);
  });
});

describe('large files are refused with the limit named, before they are parsed', () => {
  const codes = focusUnits().units.filter((u) => u.province_code === '45').map((u) => u.commune_code);
  let rows: Buffer | null = null;
  const million = () => (rows ??= bigSheetRows(1_000_000, codes));

  it('a 1,000,000-row XLSX (its <dimension> read first) within a second', async () => {
    const bytes = bigWorkbook(1_000_000, codes, true, million());
    const t0 = performance.now();
    const r = await importTable({ name: 'huge_1m.xlsx', bytes }, ctx());
    const ms = performance.now() - t0;
    expect(shown(r, 'too_many_rows')).toBe('Tệp có 1.000.001 dòng, quá giới hạn 200.000 dòng mỗi lần nhập: hãy chia tệp (ví dụ theo huyện hoặc theo năm) rồi nhập từng phần.');
    expect(ms).toBeLessThan(1000);
    expect(r.report.buckets.unread).toBe(1_000_001);
    expect(sum(r)).toBe(r.report.rowsInFile);
  }, 60_000);

  it('the same without <dimension>: rows counted as the sheet streams, refused at the limit within a few seconds', async () => {
    const bytes = bigWorkbook(1_000_000, codes, false, million());
    const t0 = performance.now();
    const r = await importTable({ name: 'huge_1m.xlsx', bytes }, ctx());
    expect(r.error?.code).toBe('too_many_rows');
    expect(render('vi', r.error!.message)).toContain(`quá giới hạn ${IMPORT_LIMITS.maxRows.toLocaleString('vi-VN')} dòng`);
    expect(performance.now() - t0).toBeLessThan(8000);
  }, 60_000);

  it('a 60,000-row XLSX (one commune-year given thousands of times) is read as a stream, every row, in seconds', async () => {
    const bytes = bigWorkbook(60_000, codes.slice(0, 5));
    const t0 = performance.now();
    const r = await importTable({ name: 'big.xlsx', bytes }, ctx());
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.ok).toBe(true);
    expect([r.report.read, r.report.rowsInFile]).toEqual([60_000, 60_001]);
    expect(r.rows[59_999].values).toMatchObject({ commune_code: codes[59_999 % 5], households: 500 + (59_999 % 997), poor: 59_999 % 97 });
    expect(sum(r)).toBe(60_001);
  }, 60_000);

  it('a CSV over the row limit, and a file over the size limit', async () => {
    const text = `Mã xã,Năm,Tổng số hộ\n${'19369,2024,1000\n'.repeat(IMPORT_LIMITS.maxRows + 1)}`;
    const r = await importTable({ name: 'many.csv', bytes: new TextEncoder().encode(text) }, ctx());
    expect(r.error?.code).toBe('too_many_rows');
    const big = new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x41);
    const b = await importTable({ name: 'big.csv', bytes: big }, ctx());
    expect(render('vi', b.error!.message)).toBe('Tệp 50 MB, quá giới hạn 50 MB mỗi lần nhập: hãy chia thành nhiều tệp nhỏ hơn.');
  });
});
