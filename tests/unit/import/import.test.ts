/** importTable on small in-test tables: year sources, validation rules, XLSX layouts. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3, importTable, type ImportContext } from '../../../src/import/index.ts';
import { render } from '../../../src/i18n/catalogue.ts';
import type { ImportResult } from '../../../src/import/types.ts';
import { focusUnits } from './helpers.ts';

const ctx = (extra: Partial<ImportContext> = {}): ImportContext => ({ units: focusUnits(), currentYear: 2025, ...extra });
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const codes = (r: ImportResult, row: number) => r.rows.find((x) => x.sourceRow === row)!.messages.map((m) => m.code);

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<{ name: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return { name: 'test.xlsx', bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
}

describe('year', () => {
  it('from a header "Năm 2023"', async () => {
    const r = await importTable(csv('a.csv', 'Mã xã,Số hộ nghèo năm 2023,Tổng số hộ năm 2023\n19474,64,1208\n'), ctx());
    expect(r.year).toEqual({ value: 2023, source: 'header', header: 'Số hộ nghèo năm 2023', row: null });
    expect(r.rows[0].values).toMatchObject({ year: 2023, poor: 64, households: 1208 });
    expect(r.rows[0].yearSource).toBe('header');
    expect(r.fileIssues.map((i) => i.code)).toEqual(['year_from_header']);
  });

  it('from the default year, or reported missing', async () => {
    const text = 'Mã xã,Số tiêu chí đạt\n19474,19\n';
    const d = await importTable(csv('a.csv', text), ctx({ defaultYear: 2022 }));
    expect(d.year).toEqual({ value: 2022, source: 'default', header: null, row: null });
    expect(d.rows[0].values.year).toBe(2022);
    expect(d.fileIssues.map((i) => i.code)).toEqual(['year_from_default']);
    const m = await importTable(csv('a.csv', text), ctx());
    expect(m.year.source).toBe('none');
    expect(m.fileIssues.map((i) => [i.severity, i.code])).toEqual([['error', 'year_missing']]);
    expect(m.rows[0].values.year).toBeNull();
  });

  it('a year column wins; blank year cells fall back to the title year', async () => {
    const r = await importTable(csv('a.csv', 'KẾT QUẢ NĂM 2024\nMã xã,Năm,Số tiêu chí đạt\n19474,2023,19\n19636,,19\n'), ctx());
    expect(r.rows.map((x) => [x.values.year, x.yearSource])).toEqual([
      [2023, 'column'],
      [2024, 'title'],
    ]);
  });

  it('a blank year cell with no file year is an error on that row', async () => {
    const r = await importTable(csv('a.csv', 'Mã xã,Năm,Số tiêu chí đạt\n19474,2023,19\n19636,,19\n19606,abc,19\n'), ctx());
    expect(r.rows.map((x) => x.messages.map((m) => [m.code, m.column]))).toEqual([[], [['year_blank', 'Năm']], [['year_invalid', 'Năm']]]);
    expect(r.rows.map((x) => x.rejected)).toEqual([false, true, true]);
    // the year box (which always shows a year) does not fill a blank cell of a year column: the blank is reported
    const d = await importTable(csv('a.csv', 'Mã xã,Năm,Số tiêu chí đạt\n19474,2023,19\n19636,,19\n'), ctx({ defaultYear: 2024 }));
    expect(d.rows.map((x) => [x.values.year, x.yearSource, x.messages.map((m) => m.code)])).toEqual([
      [2023, 'column', []],
      [null, null, ['year_blank']],
    ]);
    expect(d.year).toEqual({ value: null, source: 'column', header: 'Năm', row: null });
  });

  it('different years in the headers are not guessed', async () => {
    const r = await importTable(csv('a.csv', 'Mã xã,Số hộ nghèo năm 2022,Tổng số hộ năm 2023\n19474,64,1208\n'), ctx());
    expect(r.fileIssues.map((i) => i.code)).toEqual(['year_conflict', 'year_missing']);
  });
});

describe('validation', () => {
  const head = 'Mã xã,Năm,Số tiêu chí đạt,Mức đạt chuẩn,Năm công nhận,Tổng số hộ,Số hộ nghèo,Số hộ cận nghèo,Tỷ lệ hộ nghèo (%),Tỷ lệ hộ cận nghèo (%)\n';
  it('each rule', async () => {
    const r = await importTable(
      csv(
        'v.csv',
        head +
          [
            '19474,2024,19,Đạt chuẩn,2022,1000,10,20,"1,0","2,0"', // 2: clean
            '19636,2024,18,Đạt chuẩn,2030,1000,10,1200,,', // 3: tier vs criteria, future recognition, near_poor > households
            '19363,2024,19,Đạt chuẩn,,1000,10,20,,', // 4: Thị trấn with NTM data
            '19369,2024,,,,,,,-110,', // 5: negative rate, rate without counts
            '19372,2024,,,,,,,,', // 6: no values
            '19375,2024,15,Tốt lắm,,,,,,', // 7: unknown tier
            '19378,2024,12,,,1000,10,20,"1,0","2,15"', // 8: near-poor rate mismatch (2.15 vs 2.0)
            '19384,2024,19,,,1000,10,20,"1,0","2,1"', // 9: 0.1 point is tolerated
          ].join('\n') +
          '\n',
      ),
      ctx(),
    );
    expect(codes(r, 2)).toEqual([]);
    expect(codes(r, 3)).toEqual(['tier_criteria_inconsistent', 'future_year', 'near_poor_gt_households']);
    expect(codes(r, 4)).toEqual(['urban_unit_ntm']);
    expect(render('en', r.rows.find((x) => x.sourceRow === 4)!.messages[0].message)).toBe('Thị trấn Hồ Xá is a township (thị trấn), outside the NTM commune scope.');
    expect(codes(r, 5)).toEqual(['nothing_to_load', 'rate_out_of_range', 'rate_without_counts']);
    expect(codes(r, 6)).toEqual(['no_values', 'nothing_to_load']);
    expect(codes(r, 7)).toEqual(['tier_unknown']);
    expect(codes(r, 8)).toEqual(['rate_mismatch']);
    expect(codes(r, 9)).toEqual([]);
    expect(r.rows.filter((x) => x.rejected).map((x) => x.sourceRow)).toEqual([3, 5]);
  });

  it('uses the criteria count of the set of the row’s year (2026: QĐ 51/2025, 10)', async () => {
    // 2026 rows are keyed by post-reform codes (src/common/vintage.ts): read against that list (the fixture's codes stand in)
    const text = 'Mã xã,Năm,Số tiêu chí đạt\n19474,2026,10\n19636,2026,11\n19606,2026,"9/10"\n';
    const r = await importTable(csv('a.csv', text), ctx({ criteriaCount: 10, currentYear: 2026, vintage: 'from2025' }));
    expect(r.rows.map((x) => x.messages.map((m) => m.code))).toEqual([[], ['criteria_out_of_range'], []]);
    expect(render('en', r.rows[1].messages[0].message)).toBe('Criteria met 11 is outside 0-10.');
    // read against the pre-reform list, a 2026 row is refused: its code would be read as another unit
    const pre = await importTable(csv('a.csv', text), ctx({ currentYear: 2026 }));
    expect(pre.rows.every((x) => x.rejected && x.messages.some((m) => m.code === 'year_other_vintage'))).toBe(true);
    expect(render('en', pre.rows[0].messages.find((m) => m.code === 'year_other_vintage')!.message)).toContain('choose "From 1 July 2025"');
  });

  it('flags the multidimensional poverty rate header', async () => {
    const r = await importTable(csv('a.csv', 'Mã xã,Năm,Tỷ lệ hộ nghèo đa chiều (%)\n19474,2023,"5,3"\n'), ctx());
    expect(r.columns[2].field).toBe('poor_rate');
    expect(r.fileIssues.map((i) => i.code)).toEqual(['column_multidimensional_rate']);
  });

  it('reports duplicate field columns and unknown columns', async () => {
    const r = await importTable(csv('a.csv', 'Mã xã,Mã ĐVHC,Năm,Diện tích\n19474,19474,2023,12\n'), ctx());
    expect(r.columns.map((c) => [c.header, c.field, c.role])).toEqual([
      ['Mã xã', 'commune_code', 'field'],
      ['Mã ĐVHC', null, 'duplicate'],
      ['Năm', 'year', 'field'],
      ['Diện tích', null, 'unknown'],
    ]);
    expect(r.fileIssues.map((i) => [i.code, i.column])).toEqual([
      ['column_duplicate_field', 'Mã ĐVHC'],
      ['column_unrecognised', 'Diện tích'],
    ]);
  });
});

describe('legacy font text in a Unicode CSV', () => {
  it('converts a UTF-8 CSV exported from a sheet typed with .VnTime', async () => {
    const latin1 = (s: string) => String.fromCharCode(...encodeTcvn3(s));
    const text = ['Mã xã,Tên xã,Năm,Mức đạt chuẩn', '19474,Xã Hướng Lộc,2024,Đạt chuẩn', '19636,Xã Triệu Độ,2024,Nâng cao'].map(latin1).join('\r\n');
    expect(text).toContain('X· H\u00adíng Léc'); // what the .VnTime bytes look like as Latin-1
    const r = await importTable(csv('vntime.csv', text), ctx());
    expect(r.encoding!.name).toBe('tcvn3');
    expect(render('en', r.encoding!.note.sentences)).toMatch(/^UTF-8 file whose text was typed with TCVN3 \(ABC, \.VnTime fonts\); converted to Unicode \(NFC\)/);
    expect(r.rows.map((x) => [x.values.commune_name, x.values.tier, x.match])).toEqual([
      ['Xã Hướng Lộc', 'dat_chuan', 'code'],
      ['Xã Triệu Độ', 'nang_cao', 'code'],
    ]);
    expect(r.rows.every((x) => x.messages.length === 0)).toBe(true);
  });
});

describe('hostile text stays data', () => {
  it('keeps formulas, HTML and script as plain strings in every text field', async () => {
    const r = await importTable(
      csv('h.csv', 'Mã xã,Tên xã,Năm,Số quyết định,Đơn vị đỡ đầu\n19474,Xã Hướng Lộc,2024,"=HYPERLINK(""http://x"",""y"")",<script>alert(1)</script>\n'),
      ctx(),
    );
    expect(r.rows[0].values.decision_no).toBe('=HYPERLINK("http://x","y")');
    expect(r.rows[0].values.sponsor_org).toBe('<script>alert(1)</script>');
    expect(r.rows[0].match).toBe('code');
  });

  it('uses the cached result of an XLSX formula and never evaluates it', async () => {
    const file = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Mã xã', 'Năm', 'Tổng số hộ', 'Số hộ nghèo']);
      ws.addRow(['19474', 2024, 1208, null]);
      ws.getCell('D2').value = { formula: 'WEBSERVICE("http://evil")', result: 64 };
      ws.addRow(['19636', 2024, 1506, null]);
      ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const r = await importTable(file, ctx());
    expect(r.rows[0].values.poor).toBe(64);
    expect(r.rows[1].values.poor).toBeNull();
    expect(r.rows[1].messages.map((m) => render('en', m.message))).toEqual(['Value "#DIV/0!" is not a number.']);
  });
});

describe('XLSX layouts', () => {
  it('lists all sheets, reads the first with content, or the one asked for', async () => {
    const file = await xlsx((wb) => {
      wb.addWorksheet('Trống');
      const a = wb.addWorksheet('Quảng Trị');
      a.addRow(['Mã xã', 'Năm', 'Số TC đạt']);
      a.addRow(['19474', 2024, 19]);
      const b = wb.addWorksheet('Bến Tre');
      b.addRow(['Mã xã', 'Năm', 'Số TC đạt']);
      b.addRow(['28804', 2024, 17]);
      b.addRow(['28807', 2024, 18]);
    });
    const first = await importTable(file, ctx());
    expect(first.sheet).toBe('Quảng Trị');
    expect(first.sheets).toEqual([
      { name: 'Trống', rows: 0 },
      { name: 'Quảng Trị', rows: 2 },
      { name: 'Bến Tre', rows: 3 },
    ]);
    const bt = await importTable(file, ctx({ sheet: 'Bến Tre' }));
    expect(bt.rows.map((x) => x.commune_code)).toEqual(['28804', '28807']);
    const missing = await importTable(file, ctx({ sheet: 'Hà Nội' }));
    expect(missing.error!.code).toBe('no_sheet');
    expect(render('en', missing.error!.where)).toBe('sheet "Hà Nội"');
    expect(render('vi', missing.error!.message)).toBe('Không có trang tính nào có dữ liệu (trang "Hà Nội").');
  });

  it('spreads a district name merged down over its communes, and a three-row header', async () => {
    const file = await xlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'Huyện';
      ws.mergeCells('A1:A3');
      ws.getCell('B1').value = 'Tên xã';
      ws.mergeCells('B1:B3');
      ws.getCell('C1').value = 'Kết quả năm 2024';
      ws.mergeCells('C1:E1');
      ws.getCell('C2').value = 'Số tiêu chí đạt';
      ws.mergeCells('C2:C3');
      ws.getCell('D2').value = 'Hộ nghèo';
      ws.mergeCells('D2:E2');
      ws.getCell('D3').value = 'Số hộ';
      ws.getCell('E3').value = 'Tỷ lệ (%)';
      ws.getCell('A4').value = 'Hướng Hóa';
      ws.mergeCells('A4:A6');
      ws.getCell('B4').value = 'Thuận';
      ws.getCell('B5').value = 'Thanh';
      ws.getCell('B6').value = 'Xy';
      ws.getCell('A7').value = 'Cam Lộ';
      ws.getCell('B7').value = 'Cam Thủy';
      for (const r of [4, 5, 6, 7]) {
        ws.getCell(`C${r}`).value = 15;
        ws.getCell(`D${r}`).value = 10;
        ws.getCell(`E${r}`).value = '1,0';
      }
    });
    const r = await importTable(file, ctx({ province: 'Quảng Trị' }));
    expect(r.headerRows).toEqual([1, 2, 3]);
    expect(r.columns.map((c) => [c.header, c.field])).toEqual([
      ['Huyện', 'district_name'],
      ['Tên xã', 'commune_name'],
      ['Kết quả năm 2024 / Số tiêu chí đạt', 'criteria_met_count'],
      ['Kết quả năm 2024 / Hộ nghèo / Số hộ', 'poor'],
      ['Kết quả năm 2024 / Hộ nghèo / Tỷ lệ (%)', 'poor_rate'],
    ]);
    expect(r.year).toMatchObject({ value: 2024, source: 'header' });
    expect(r.rows.map((x) => [x.sourceRow, x.values.district_name, x.commune_code, x.match])).toEqual([
      [4, 'Hướng Hóa', '19471', 'name'],
      [5, 'Hướng Hóa', '19480', 'name'],
      [6, 'Hướng Hóa', '19492', 'name'],
      [7, 'Cam Lộ', '19606', 'name'],
    ]);
  });
});
