/**
 * End-to-end imports of the fixtures in tests/fixtures/import that go wrong (generated from the real unit list by
 * make-fixtures.ts): unknown communes, invalid values, a legacy font, files that are no table: exact rows and reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importTable, type ImportContext } from '../../../src/import/index.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import type { ImportResult } from '../../../src/import/types.ts';
import { counts, fixture, focusUnits } from './helpers.ts';
import { ctx, messages, pick, suggestions, zero } from './fixture-views.ts';

// ---------------------------------------------------------------------------------------------------------------
// 8. unknown communes

describe('qt_unknown_communes.csv', () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importTable(fixture('qt_unknown_communes.csv'), ctx({ province: '45' }));
  });

  it('gives exactly these rows', () => {
    expect(pick(r, ['commune_code', 'commune_name', 'district_name', 'criteria_met_count'])).toEqual([
      [2, '19369', 'code', '19369', 'Xã Vĩnh Thái', 'Vĩnh Linh', 19],
      [3, null, 'unmatched', '19744', 'Xã Vĩnh Thịnh', 'Vĩnh Linh', 15],
      [4, null, 'unmatched', '99001', 'Xã Hướng Lộc', 'Hướng Hóa', 19],
      [5, null, 'unmatched', null, 'Xã Hướng Tiến', 'Hướng Hóa', 13],
      [6, null, 'ambiguous', null, 'Phường 2', null, null],
      [7, '19450', 'name', null, 'Xã Tân Hợp', 'Hướng Hóa', 14],
      [8, null, 'unmatched', null, 'Xã Cam Lộ Tây', 'Cam Lộ', 18],
      [9, '02533', 'code', '02533', 'Xã Đội Bình', 'Yên Sơn', 19],
      [10, '19636', 'name', null, 'Xã Triệu Độ', 'Triệu Phong', 19],
      [11, '19474', 'code', '19474', 'Xã Hướng Lập', 'Hướng Hóa', 12],
    ]);
  });

  it('explains each unmatched, ambiguous or doubtful row', () => {
    expect(messages(r)).toEqual([
      [3, [['code_not_found', 'Mã xã']]],
      [4, [['code_not_found', 'Mã xã']]],
      [5, [['name_not_found', 'Tên xã']]],
      [6, [['no_values', null], ['name_ambiguous', 'Tên xã']]],
      [8, [['name_not_found', 'Tên xã']]],
      [9, [['code_padded', 'Mã xã'], ['out_of_scope', 'Mã xã']]],
      [10, [['code_invalid', 'Mã xã']]],
      [11, [['code_name_mismatch', 'Tên xã']]],
    ]);
    expect(suggestions(r)).toEqual([
      [3, [['19369', 0.667], ['19402', 0.667]]], // Vĩnh Thái, Vĩnh Thủy
      [4, [['19474', 1], ['19435', 0.75], ['19444', 0.75]]], // a wrong code with a right name is not matched silently
      [5, [['19438', 0.778], ['19453', 0.778], ['19561', 0.778]]], // Hướng Việt, Hướng Tân, Hướng Hiệp
      [6, [['19342', 1], ['19360', 1]]], // Phường 2 of Đông Hà and of Quảng Trị town
      [8, [['19597', 0.625]]], // Thị trấn Cam Lộ
    ]);
    const row9 = r.rows.find((x) => x.sourceRow === 9)!;
    expect(render('en', row9.messages[0].message)).toBe('Code "2533" had lost its leading zeros: read as 02533.');
    expect(render('en', row9.messages[1].message)).toBe('Xã Đội Bình is in Tỉnh Tuyên Quang, outside the chosen province (Tỉnh Quảng Trị).');
    expect(render('vi', r.rows.find((x) => x.sourceRow === 11)!.messages[0].message)).toBe('Mã 19474 là Xã Hướng Lộc (Huyện Hướng Hóa), khác với tên ghi trong tệp "Xã Hướng Lập".');
  });

  it('reports the counts', () => {
    expect(counts(r)).toEqual({ ...zero, read: 10, matched: 5, matchedByCode: 3, matchedByName: 2, ambiguous: 1, unmatched: 4, accepted: 5 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 9. invalid values and hostile text

describe('qt_invalid_values.csv', () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importTable(fixture('qt_invalid_values.csv'), ctx({ province: '45' }));
  });

  it('gives exactly these rows, keeping "=1+1" and "<b>x</b>" as plain text', () => {
    expect(pick(r, ['commune_name', 'year', 'criteria_met_count', 'households', 'poor', 'near_poor', 'poor_rate'])).toEqual([
      [2, '19369', 'code', 'Xã Vĩnh Thái', 2024, 19, 1200, 30, 40, 120],
      [3, '19372', 'code', 'Xã Vĩnh Tú', 2024, 23, 1210, 48, 62, 3.97],
      [4, '19375', 'code', 'Xã Vĩnh Chấp', 2024, 18, 500, 600, 20, null],
      [5, '19378', 'code', 'Xã Trung Nam', 2024, 17, 500, 200, 350, 40],
      [6, '19384', 'code', 'Xã Kim Thạch', 2024, 16, 1015, 37, 50, 3.65],
      [7, '19384', 'code', 'Xã Kim Thạch', 2024, 17, 1015, 35, 50, 3.45],
      [8, '19387', 'code', 'Xã Vĩnh Long', 2031, 19, 900, 10, 20, 1.11],
      [9, null, 'unmatched', '=1+1', 2024, 19, 100, 1, 2, 1],
      [10, null, 'unmatched', '<b>x</b>', 2024, 19, 100, 1, 2, 1],
      [11, '19393', 'code', 'Xã Vĩnh Khê', 2024, 15, -12, 3, 4, null],
      [12, '19396', 'code', 'Xã Vĩnh Hòa', 2024, 19, 1000, 100, 50, 12.5],
      [13, '19402', 'code', 'Xã Vĩnh Thủy', 2024, 19, null, null, null, 7.5],
      [14, '19405', 'code', 'Xã Vĩnh Lâm', 2024, 19, null, null, 3, null],
      [15, '19408', 'code', 'Xã Hiền Thành', 2024, 17, 800, 8, 12, 1],
    ]);
    expect(r.rows.find((x) => x.sourceRow === 9)!.raw.commune_name).toBe('=1+1');
    expect(render('en', r.rows.find((x) => x.sourceRow === 10)!.messages[0].message)).toBe('No unit named "<b>x</b>" in Tỉnh Quảng Trị.');
  });

  it('gives a row/column message for each problem', () => {
    expect(messages(r)).toEqual([
      [2, [['rate_out_of_range', 'Tỷ lệ hộ nghèo (%)']]],
      [3, [['criteria_out_of_range', 'Số tiêu chí đạt']]],
      [4, [['poor_gt_households', 'Số hộ nghèo']]],
      [5, [['poor_plus_near_poor_gt_households', 'Số hộ cận nghèo']]],
      [6, [['duplicate_conflict', 'Năm']]],
      [7, [['duplicate_conflict', 'Năm']]],
      [8, [['year_out_of_range', 'Năm']]],
      [9, [['name_not_found', 'Tên xã']]],
      [10, [['name_not_found', 'Tên xã']]],
      [11, [['negative_count', 'Tổng số hộ']]],
      [12, [['rate_mismatch', 'Tỷ lệ hộ nghèo (%)']]],
      [13, [['rate_without_counts', 'Tỷ lệ hộ nghèo (%)']]],
      [14, [['not_a_number', 'Tổng số hộ'], ['not_integer', 'Số hộ nghèo']]],
      [15, [['fraction_denominator', 'Số tiêu chí đạt']]],
    ]);
    const en = (row: number) => r.rows.find((x) => x.sourceRow === row)!.messages.map((m) => render('en', m.message));
    expect(en(2)).toEqual(['Rate 120% is outside 0-100.']);
    expect(en(3)).toEqual(['Criteria met 23 is outside 0-19.']);
    expect(en(4)).toEqual(['Poor households (600) exceed total households (500).']);
    expect(en(5)).toEqual(['Poor + near-poor households (550) exceed total households (500).']);
    expect(en(6)).toEqual(['Xã Kim Thạch for 2024 is given in rows 6, 7 with different figures: choose the right row (or none).']);
    expect(en(7)).toEqual(en(6));
    expect(en(8)).toEqual(['Year 2031 is outside the programme’s years (2016-2030): not imported.']);
    expect(en(12)).toEqual(['Rate given as 12.5% but 100/1,000 households = 10% (differs by more than 0.1 point).']);
    expect(en(13)).toEqual(['Rate given without numerator/denominator (household counts): kept as a rate, but it cannot be aggregated.']);
    expect(en(14)).toEqual(['Value "abc" is not a number.', 'Value "12.5" must be a whole number.']);
    const vi = (row: number) => r.rows.find((x) => x.sourceRow === row)!.messages.map((m) => render('vi', m.message));
    expect(vi(12)).toEqual(['Tỷ lệ ghi 12,5% nhưng 100/1.000 hộ = 10% (lệch quá 0,1 điểm).']);
    expect(vi(6)).toEqual(['Xã Kim Thạch năm 2024 có ở các dòng 6, 7 với số liệu khác nhau: hãy chọn dòng đúng (hoặc không dòng nào).']);
  });

  it('rejects rows with errors and keeps them in the report', () => {
    expect(r.rows.filter((x) => x.rejected).map((x) => x.sourceRow)).toEqual([2, 3, 4, 5, 6, 7, 8, 11, 14]);
    expect(counts(r)).toEqual({ ...zero, read: 14, matched: 12, matchedByCode: 12, unmatched: 2, rejected: 9, accepted: 3 });
    expect(r.report.errors).toBe(10);
    expect(r.report.warnings).toBe(5);
    // rows 6 and 7 wait for a choice; the others with errors are rejected
    expect(r.report.buckets).toMatchObject({ accepted: 3, conflict: 2, rejected: 7, unmatched: 2, header: 1 });
    expect(r.report.rowsInFile).toBe(15);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 11. XLSX typed with a legacy font

describe('qt_vntime_font.xlsx', () => {
  it('converts cells typed with .VnTime (TCVN3 stored as Latin-1 text) and says so', async () => {
    const r = await importTable(fixture('qt_vntime_font.xlsx'), ctx());
    expect(r.encoding!.name).toBe('tcvn3');
    expect(render('en', r.encoding!.note.sentences)).toBe('Text cells were typed with TCVN3 (ABC, .VnTime fonts); converted to Unicode (NFC): 41 Vietnamese characters converted.');
    expect(r.columns.map((c) => c.header)).toEqual(['TT', 'Mã xã', 'Tên xã', 'Số tiêu chí đạt', 'Mức đạt chuẩn']);
    expect(r.year).toEqual({ value: 2023, source: 'title', header: null, row: 1 });
    expect(pick(r, ['commune_name', 'criteria_met_count', 'tier'])).toEqual([
      [4, '19606', 'code', 'Xã Cam Thủy', 19, 'dat_chuan'],
      [5, '19612', 'code', 'Xã Cam Thành', 18, 'chua_dat'],
      [6, '19615', 'code', 'Xã Cam Hiếu', 19, 'nang_cao'],
      [7, '19618', 'code', 'Xã Cam Chính', 17, 'chua_dat'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 10. wrong files

describe('wrong files give a clear error result, never a throw', () => {
  it.each([
    ['not_a_table.png', 'not_a_table', 'The file is not a CSV/TSV/XLSX table but a PNG image.', 'Tệp không phải bảng tính CSV/TSV/XLSX mà là ảnh PNG.', 'bytes 0-7'],
    ['empty.csv', 'empty_file', 'The file is empty (0 bytes).', 'Tệp rỗng (0 byte).', 'byte 0'],
    [
      'no_header.csv',
      'no_header',
      'No recognisable header row in the file, rows 1-3: expected columns such as "Mã xã" (commune code), "Tên xã" (commune name), "Huyện", "Số tiêu chí đạt", "Tổng số hộ", "Số hộ nghèo".',
      'Không tìm thấy dòng tiêu đề cột trong tệp, dòng 1-3: cần các cột như "Mã xã", "Tên xã", "Huyện", "Số tiêu chí đạt", "Tổng số hộ", "Số hộ nghèo".',
      'the file, rows 1-3',
    ],
  ])('%s', async (name, code, en, vi, where) => {
    const r = await importTable(fixture(name), ctx());
    expect(r.ok).toBe(false);
    const e = r.error!;
    expect({ code: e.code, en: render('en', e.message), vi: render('vi', e.message), where: render('en', e.where) }).toEqual({ code, en, vi, where });
    expect(r.rows).toEqual([]);
    expect(r.report.read).toBe(0);
    expect(r.report.issues.map((i) => [i.severity, i.code])).toEqual([['error', code]]);
  });

  it.each([
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'not_a_table', 'a PDF document'],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'not_a_table', 'a JPEG image'],
    ['a legacy .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'xls_binary', null],
    ['a ZIP cut short', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x61, 0x2e, 0x74, 0x78, 0x74], 'xlsx_truncated', 'truncated or damaged'],
    ['an empty ZIP', [0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)], 'not_a_table', 'a ZIP archive (not an XLSX workbook)'],
    ['random binary', [0x00, 0x01, 0x02, 0xfe, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46], 'not_a_table', 'a binary file'],
    ['only blanks', [0x20, 0x0d, 0x0a, 0x20], 'empty_file', null],
  ] as const)('%s', async (_what, bytes, code, kind) => {
    const r = await importTable({ name: 'upload.csv', bytes: Uint8Array.from(bytes) }, ctx());
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe(code);
    if (kind) expect(render('en', r.error!.message)).toContain(kind);
  });

  it('a broken XLSX (no end: cut short)', async () => {
    const bytes = new TextEncoder().encode('PK\x03\x04 xl/workbook.xml but not a real zip');
    const r = await importTable({ name: 'broken.xlsx', bytes }, ctx());
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('xlsx_truncated');
  });

  it('a header without unit columns', async () => {
    const r = await importTable({ name: 'x.csv', bytes: new TextEncoder().encode('Tổng số hộ,Số hộ nghèo\n100,2\n') }, ctx());
    const e = r.error!;
    expect({ code: e.code, en: render('en', e.message), vi: render('vi', e.message), where: render('en', e.where), whereVi: render('vi', e.where) }).toEqual({
      code: 'no_unit_column',
      en: 'The header (row 1) has no commune code or commune name column, so units cannot be identified. Columns: Tổng số hộ, Số hộ nghèo.',
      vi: 'Dòng tiêu đề (dòng 1) không có cột mã xã hoặc tên xã, nên không xác định được đơn vị. Các cột: Tổng số hộ, Số hộ nghèo.',
      where: 'the file, row 1',
      whereVi: 'tệp, dòng 1',
    });
  });

  it('an unexpected internal failure is a result, not a throw', async () => {
    const broken = { ...focusUnits(), byCode: null } as unknown as ImportContext['units'];
    const r = await importTable(fixture('qt_2024_utf8_bom.csv'), ctx({ units: broken }));
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('internal_error');
    expect(r.error!.where.key).toBe('import.where.import');
  });

  it('a header with no rows below it', async () => {
    const r = await importTable({ name: 'x.csv', bytes: new TextEncoder().encode('Mã xã,Tên xã,Năm\n') }, ctx());
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('no_data_rows');
    expect(r.headerRows).toEqual([1]);
  });
});
