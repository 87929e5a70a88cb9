/**
 * End-to-end imports of the fixtures in tests/fixtures/import (generated from the real unit list by
 * make-fixtures.ts): exact rows and reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importTable } from '../../../src/import/index.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import type { ImportResult, RowValues } from '../../../src/import/types.ts';
import { counts, fixture } from './helpers.ts';
import { ctx, fileIssues, messages, pick, suggestions, zero } from './fixture-views.ts';


// ---------------------------------------------------------------------------------------------------------------
// 1. + 4-7: the Quảng Trị 2024 table in five encodings

const QT_FIELDS: (keyof RowValues)[] = ['commune_name', 'district_name', 'year', 'criteria_met_count', 'tier', 'recognised_year', 'decision_no', 'households', 'poor', 'poor_rate', 'sponsor_org'];
const QT_2024_ROWS = [
  [2, '19363', 'code', 'Thị trấn Hồ Xá', 'Vĩnh Linh', 2024, null, null, null, null, 6120, 98, 1.6, null],
  [3, '19369', 'code', 'Xã Vĩnh Thái', 'Vĩnh Linh', 2024, 19, 'nang_cao', 2016, '2745/QĐ-UBND', 1432, 21, 1.47, null],
  [4, '19384', 'code', 'Xã Kim Thạch', 'Vĩnh Linh', 2024, 17, 'chua_dat', null, null, 1015, 37, 3.65, null],
  [5, '19435', 'code', 'Xã Hướng Lập', 'Hướng Hóa', 2024, 12, 'chua_dat', null, null, 842, 301, 35.75, null],
  [6, '19474', 'code', 'Xã Hướng Lộc', 'Hướng Hóa', 2024, 19, 'dat_chuan', 2022, '1841/QĐ-UBND', 1208, 64, 5.3, 'Hội Nông dân tỉnh'],
  [7, '19468', 'code', 'Xã Húc', 'Hướng Hóa', 2024, 10, 'chua_dat', null, null, 911, 412, 45.23, null],
  [8, '19483', 'code', 'Xã A Dơi', 'Hướng Hóa', 2024, 15, 'chua_dat', null, null, 698, 155, 22.21, null],
  [9, '19501', 'code', 'Xã Trung Hải', 'Gio Linh', 2024, 19, 'kieu_mau', 2015, '3012/QĐ-UBND', 1377, 0, 0, null],
  [10, '19558', 'code', 'Xã Mò Ó', 'Đa Krông', 2024, 14, 'chua_dat', null, null, 731, null, null, null],
  [11, '19588', 'code', 'Xã Tà Rụt', 'Đa Krông', 2024, 11, 'chua_dat', null, null, 655, 289, 44.12, null],
  [12, '19606', 'code', 'Xã Cam Thủy', 'Cam Lộ', 2024, 19, 'dat_chuan', 2018, '2281/QĐ-UBND', 1190, 17, 1.43, null],
  [13, '19624', 'code', 'Thị Trấn Ái Tử', 'Triệu Phong', 2024, null, null, null, null, 2254, 31, 1.38, null],
  [14, '19636', 'code', 'Xã Triệu Độ', 'Triệu Phong', 2024, 19, 'dat_chuan', 2019, '1102/QĐ-UBND', 1506, 26, 1.73, 'Hội Nông dân tỉnh'],
  [15, '19708', 'code', 'Xã Hải Thượng', 'Hải Lăng', 2024, 19, 'nang_cao', 2020, '3366/QĐ-UBND', 1130, 12, 1.06, 'Liên minh Hợp tác xã tỉnh'],
  [16, '19705', 'code', 'Xã Hải Lệ', 'Quảng Trị', 2024, 19, 'dat_chuan', 2017, '2504/QĐ-UBND', 1062, 9, 0.85, null],
];

describe('qt_2024_utf8_bom.csv', () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importTable(fixture('qt_2024_utf8_bom.csv'), ctx());
  });

  it('reads the table', () => {
    expect(r.ok).toBe(true);
    expect(r.error).toBeNull();
    expect(r.format).toBe('csv');
    expect(r.encoding!.name).toBe('utf-8-bom');
    expect(r.headerRows).toEqual([1]);
    expect(r.columns.map((c) => c.field ?? c.role)).toEqual([
      'row_number', 'commune_code', 'commune_name', 'district_name', 'year', 'criteria_met_count', 'tier',
      'recognised_year', 'decision_no', 'households', 'poor', 'poor_rate', 'sponsor_org',
    ]);
    expect(r.year).toEqual({ value: null, source: 'column', header: 'Năm', row: null });
  });

  it('gives exactly these rows: "1.234" thousands, "1,60" decimal comma, "17/19", blank ("-") vs 0', () => {
    expect(pick(r, QT_FIELDS)).toEqual(QT_2024_ROWS);
    expect(r.rows.every((x) => x.yearSource === 'column' && x.messages.length === 0)).toBe(true);
    expect(r.rows.find((x) => x.sourceRow === 6)!.raw).toMatchObject({ households: '1.208', poor_rate: '5,30', criteria_met_count: '19' });
    expect(r.rows.find((x) => x.sourceRow === 4)!.raw.criteria_met_count).toBe('17/19');
  });

  it('reports every row matched by code, nothing skipped', () => {
    expect(counts(r)).toEqual({ ...zero, read: 15, matched: 15, matchedByCode: 15, accepted: 15 });
    expect(r.report.issues).toEqual([]);
  });
});

describe.each([
  ['qt_tcvn3.csv', 'tcvn3', 'csv', 'Converted from TCVN3 (ABC, .VnTime fonts) to Unicode (NFC): 165 Vietnamese characters converted.', 'Đã chuyển từ bảng mã TCVN3 (ABC, phông .VnTime) sang Unicode dựng sẵn (NFC): 165 ký tự tiếng Việt được chuyển.'],
  ['qt_vni.csv', 'vni', 'csv', 'Converted from VNI Windows (VNI-Times fonts) to Unicode (NFC): 165 Vietnamese characters converted.', 'Đã chuyển từ bảng mã VNI Windows (phông VNI-Times) sang Unicode dựng sẵn (NFC): 165 ký tự tiếng Việt được chuyển.'],
  ['qt_windows1258.csv', 'windows-1258', 'csv', 'Converted from Windows-1258 (CP1258) to Unicode (NFC): 165 Vietnamese characters converted.', 'Đã chuyển từ bảng mã Windows-1258 (CP1258) sang Unicode dựng sẵn (NFC): 165 ký tự tiếng Việt được chuyển.'],
  ['qt_utf16.tsv', 'utf-16le', 'tsv', 'Read as UTF-16 LE and converted to Unicode NFC.', 'Đã đọc theo UTF-16 LE và chuyển sang UTF-8/Unicode NFC.'],
] as const)('%s', (name, encoding, format, en, vi) => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importTable(fixture(name), ctx());
  });

  it(`is detected as ${encoding} and says what was converted`, () => {
    expect(r.ok).toBe(true);
    expect(r.format).toBe(format);
    expect(r.encoding!.name).toBe(encoding);
    expect(render('en', r.encoding!.note.sentences)).toBe(en);
    expect(render('vi', r.encoding!.note.sentences)).toBe(vi);
    expect(r.encoding!.note.uncertain).toBe(false);
    expect(fileIssues(r)).toEqual([['info', 'encoding_converted', null]]);
  });

  it('gives exactly the rows of the UTF-8 file', () => {
    expect(pick(r, QT_FIELDS)).toEqual(QT_2024_ROWS);
    expect(r.rows.every((x) => x.messages.length === 0)).toBe(true);
    expect(counts(r)).toEqual({ ...zero, read: 15, matched: 15, matchedByCode: 15, accepted: 15 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. report-style XLSX

describe('qt_poverty_2023_two_row_header.xlsx', () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importTable(fixture('qt_poverty_2023_two_row_header.xlsx'), ctx());
  });

  it('finds the two-row merged header below the title rows', () => {
    expect(r.ok).toBe(true);
    expect(r.format).toBe('xlsx');
    expect(r.sheet).toBe('Hộ nghèo 2023');
    expect(r.sheets).toEqual([{ name: 'Hộ nghèo 2023', rows: 27 }]);
    expect(r.encoding).toBeNull();
    expect(r.headerRows).toEqual([7, 8]);
    expect(r.titleRows.map((t) => t.row)).toEqual([1, 2, 4, 5]);
    expect(r.columns.map((c) => [c.header, c.field ?? c.role])).toEqual([
      ['STT', 'row_number'],
      ['Mã xã', 'commune_code'],
      ['Tên đơn vị', 'commune_name'],
      ['Tổng số hộ', 'households'],
      ['Hộ nghèo / Số hộ', 'poor'],
      ['Hộ nghèo / Tỷ lệ (%)', 'poor_rate'],
      ['Hộ cận nghèo / Số hộ', 'near_poor'],
      ['Hộ cận nghèo / Tỷ lệ (%)', 'near_poor_rate'],
      ['Ghi chú', 'unknown'],
    ]);
  });

  it('takes the year and the province from the title and says so', () => {
    expect(r.year).toEqual({ value: 2023, source: 'title', header: null, row: 4 });
    expect(r.province).toEqual({ code: '45', name: 'Tỉnh Quảng Trị', source: 'title' });
    expect(fileIssues(r)).toEqual([
      ['warning', 'column_unrecognised', 'Ghi chú'],
      ['info', 'province_from_title', null],
      ['info', 'year_from_title', null],
    ]);
    expect(render('vi', r.fileIssues[2].message)).toBe('Năm 2023 lấy từ tiêu đề (dòng 4).');
  });

  it('gives exactly these rows (numbers, decimal-comma text, cached formula, percent format, rich text)', () => {
    expect(pick(r, ['commune_name', 'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate', 'year'])).toEqual([
      [11, '19369', 'code', 'Xã Vĩnh Thái', 1432, 21, 1.47, 35, 2.44, 2023],
      [12, '19372', 'code', 'Xã Vĩnh Tú', 1210, 48, 3.97, 62, 5.12, 2023],
      [13, '19375', 'code', 'Xã Vĩnh Chấp', 987, 40, 4.05, 51, 5.17, 2023],
      [14, '19426', 'code', 'Xã Vĩnh Ô', 1105, 57, 5.16, 70, 6.33, 2023],
      [16, '19435', 'code', 'Xã Hướng Lập', 842, 301, 35.75, 120, 14.25, 2023],
      [17, '19474', 'code', 'Xã Hướng Lộc', 1208, 64, 5.3, 88, 7.28, 2023],
      [18, '19468', 'code', 'Xã Húc', 911, 412, (100 * 412) / 911, 133, 14.6, 2023],
      [19, '19489', 'code', 'Xã Lìa', 802, 371, 46.26, 104, 12.97, 2023],
      [21, '19564', 'code', 'Xã Đa Krông', 930, 402, 43.2258064516, 122, 13.12, 2023],
      [22, '19588', 'code', 'Xã Tà Rụt', 655, 289, 44.12, 91, 13.89, 2023],
      [23, '19594', 'code', 'Xã A Ngo', 512, 260, 50.78, 70, 13.67, 2023],
      [25, '19357', 'code', 'Phường 1', 2034, 25, 1.23, 41, 2.02, 2023],
      [26, '19705', 'code', 'Xã Hải Lệ', 1062, 9, 0.85, 22, 2.07, 2023],
    ]);
    expect(r.rows.map((x) => x.groupHeading)).toEqual([
      ...Array(4).fill('Huyện Vĩnh Linh'),
      ...Array(4).fill('Huyện Hướng Hóa'),
      ...Array(3).fill('Huyện Đa Krông'),
      ...Array(2).fill('Thị xã Quảng Trị'),
    ]);
    expect(r.rows.every((x) => x.yearSource === 'title' && x.messages.length === 0)).toBe(true);
    expect(r.rows.find((x) => x.sourceRow === 11)!.raw).toMatchObject({ commune_code: 19369, near_poor_rate: '2,44' });
  });

  it('skips the numbering row, district headings with their subtotals (counted as subtotals), the "Tổng cộng" row and signatures, and lists them', () => {
    expect(r.report.skipped).toEqual([
      { row: 9, kind: 'numbering', text: '(1) (2) (3) (4) (5) (6)=(5)/(4) (7) (8)=(7)/(4) (9)' },
      { row: 10, kind: 'subtotal', text: 'Huyện Vĩnh Linh' },
      { row: 15, kind: 'subtotal', text: 'Huyện Hướng Hóa' },
      { row: 20, kind: 'subtotal', text: 'Huyện Đa Krông' },
      { row: 24, kind: 'subtotal', text: 'Thị xã Quảng Trị' },
      { row: 27, kind: 'total', text: 'Tổng cộng' },
      { row: 29, kind: 'note', text: 'Người lập biểu' },
      { row: 30, kind: 'note', text: 'PHÓ GIÁM ĐỐC' },
    ]);
    expect(counts(r)).toEqual({ ...zero, read: 13, matched: 13, matchedByCode: 13, accepted: 13, skippedTotals: 5, skippedHeadings: 0, skippedNotes: 3, skippedBlank: 1 });
    // every row of the sheet in one bucket: 8 rows above the table (titles, blank, two header rows), 30 in all
    expect(r.report.rowsInFile).toBe(30);
    expect(r.report.buckets).toMatchObject({ header: 8, accepted: 13, totals: 5, notes: 3, blank: 1 });
    expect(Object.values(r.report.buckets).reduce((a, b) => a + b, 0)).toBe(30);
    expect(r.rows.some((x) => /tổng/i.test(x.values.commune_name ?? ''))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 3. names without diacritics

describe('bt_names_no_diacritics.csv', () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importTable(fixture('bt_names_no_diacritics.csv'), ctx({ province: 'Bến Tre' }));
  });

  it('matches by name within the district, ignoring diacritics, case, prefixes ("TT.", "P.", "X.", "H.") and spacing', () => {
    expect(r.province).toEqual({ code: '83', name: 'Tỉnh Bến Tre', source: 'caller' });
    expect(r.encoding!.name).toBe('utf-8');
    expect(r.columns.map((c) => c.field ?? c.role)).toEqual(['row_number', 'commune_name', 'district_name', 'year', 'criteria_met_count', 'tier']);
    expect(pick(r, ['commune_name', 'district_name', 'year', 'criteria_met_count', 'tier'])).toEqual([
      [2, '28804', 'name', 'Tan Thach', 'Chau Thanh', 2022, 19, 'dat_chuan'],
      [3, '28855', 'name', 'An Hiep', 'Chau Thanh', 2022, 19, 'nang_cao'],
      [4, null, 'ambiguous', 'An Hiep', null, 2022, 17, 'chua_dat'],
      [5, '28870', 'name', 'TT. Cho Lach', 'Cho Lach', 2022, null, null],
      [6, '28759', 'name', 'P.8', 'TP Ben Tre', 2022, null, null],
      [7, '28780', 'name', 'P 7', 'Thanh pho Ben Tre', 2022, null, null],
      [8, '28807', 'name', 'Quoi Son', 'Chau Thanh', 2022, 19, 'dat_chuan'],
      [9, '29017', 'name', 'Binh Hoa', 'Giong Trom', 2022, 18, 'chua_dat'],
      [10, null, 'unmatched', 'Hung Khanh Trung', 'Cho Lach', 2022, 19, 'kieu_mau'],
      [11, null, 'unmatched', 'Son Dinh', 'Mo Cay Nam', 2022, 19, 'dat_chuan'],
      [12, '29041', 'name', 'Thanh Phu Dong', 'Giong Trom', 2022, 16, 'chua_dat'],
      [13, '29164', 'name', 'Vinh Hoa', 'Ba Tri', 2022, 19, 'dat_chuan'],
      [14, null, 'unmatched', 'Xa Moi Lap', 'Ba Tri', 2022, 12, 'chua_dat'],
      [15, '28903', 'name', 'TT Mo Cay', 'Mo Cay Nam', 2022, null, null],
      [16, null, 'ambiguous', 'My Thanh', null, 2022, 19, 'dat_chuan'],
      [17, null, 'ambiguous', 'Binh Thanh', null, 2022, 15, 'chua_dat'],
      [18, '29062', 'name', 'Phu Thuan', 'Binh Dai', 2022, 19, 'nang_cao'],
      [19, '29098', 'name', 'Dai Hoa Loc', 'Binh Dai', 2022, 19, 'dat_chuan'],
      [20, '29107', 'name', 'X. Thoi Thuan', 'H. Binh Dai', 2022, 17, 'chua_dat'],
    ]);
    const names = Object.fromEntries(r.rows.filter((x) => x.unit).map((x) => [x.sourceRow, x.unit!.commune_name]));
    expect(names).toMatchObject({ 5: 'Thị trấn Chợ Lách', 6: 'Phường 8', 8: 'Xã Qưới Sơn', 9: 'Xã Bình Hoà', 19: 'Xã Đại Hòa Lộc', 20: 'Xã Thới Thuận' });
  });

  it('lists ambiguous and unmatched rows with their best suggestions', () => {
    expect(suggestions(r)).toEqual([
      [4, [['29161', 1], ['28855', 1]]], // An Hiệp: Ba Tri, Châu Thành
      [10, [['28900', 0.933], ['28901', 0.933]]], // Hưng Khánh Trung B (Chợ Lách), A (Mỏ Cày Bắc)
      [11, [['28876', 1]]], // Sơn Định is in Chợ Lách, not Mỏ Cày Nam
      [16, [['29131', 1], ['28993', 1]]], // Mỹ Thạnh: Ba Tri, Giồng Trôm
      [17, [['29032', 1], ['29212', 1]]], // Bình Thành (Giồng Trôm) / Bình Thạnh (Thạnh Phú): same name without diacritics
    ]);
    expect(messages(r)).toEqual([
      [4, [['name_ambiguous', 'Ten xa']]],
      // a township or ward with "-" for its criteria: nothing the model can hold
      [5, [['nothing_to_load', null]]],
      [6, [['nothing_to_load', null]]],
      [7, [['nothing_to_load', null]]],
      [10, [['name_not_found', 'Ten xa']]],
      [11, [['not_in_district', 'Ten xa']]],
      [14, [['name_not_found', 'Ten xa']]],
      [15, [['nothing_to_load', null]]],
      [16, [['name_ambiguous', 'Ten xa']]],
      [17, [['name_ambiguous', 'Ten xa']]],
    ]);
    const amb = r.rows.find((x) => x.sourceRow === 17)!.messages[0];
    expect(render('vi', amb.message)).toBe('Tên "Binh Thanh" khớp với 2 đơn vị trong Tỉnh Bến Tre: Xã Bình Thành (Huyện Giồng Trôm, 29032); Xã Bình Thạnh (Huyện Thạnh Phú, 29212). Hãy chọn đơn vị đúng.');
    expect(render('en', r.rows.find((x) => x.sourceRow === 11)!.messages[0].message)).toBe('No "Son Dinh" in Huyện Mỏ Cày Nam; units of that name exist in: Xã Sơn Định (Huyện Chợ Lách, 28876).');
  });

  it('reports the counts', () => {
    expect(counts(r)).toEqual({ ...zero, read: 19, matched: 13, matchedByCode: 0, matchedByName: 13, ambiguous: 3, unmatched: 3, accepted: 9 });
    expect(r.report.buckets).toMatchObject({ accepted: 9, empty: 4, ambiguous: 3, unmatched: 3, header: 1 });
    expect(r.report.warnings).toBe(10);
    expect(r.report.errors).toBe(0);
  });
});
