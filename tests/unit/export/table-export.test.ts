import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv, toXlsx, type TableColumn } from '../../../src/export/table-export';

const columns: TableColumn[] = [
  { key: 'name', header: 'Xã' },
  { key: 'district', header: 'Huyện' },
  { key: 'poor', header: 'Tỷ lệ hộ nghèo (%)', digits: 1 },
  { key: 'households', header: 'Số hộ' },
  { key: 'note', header: 'Ghi chú' },
];
const rows = [
  { name: 'Hải Thượng', district: 'Hải Lăng', poor: 3.12, households: 12345, note: 'đạt, nâng cao' },
  { name: 'Tân Liên', district: 'Hướng Hóa', poor: 24.17, households: 987, note: 'nói "chưa đạt"\nxem lại' },
  { name: '=HYPERLINK("http://x")', district: '+cmd', poor: -1.5, households: null, note: '@SUM(A1)' },
  { name: '-2', district: 'Gio Linh', poor: null, households: 0, note: undefined },
];
const opts = { illustrative: true, source: 'Tổng cục Thống kê', locale: 'vi' as const };

describe('toCsv', () => {
  const csv = toCsv(columns, rows, opts);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a BOM and the illustrative notice, then the header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // one quoted field: the notice has a comma and a semicolon
    expect(lines[0]).toMatch(/^"Dữ liệu minh họa — .*không phải số liệu thật\."$/);
    expect(lines[1]).toBe('Xã,Huyện,Tỷ lệ hộ nghèo (%),Số hộ,Ghi chú');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and writes Vietnamese decimals', () => {
    expect(lines[2]).toBe('Hải Thượng,Hải Lăng,"3,1",12345,"đạt, nâng cao"');
    expect(csv).toContain('Tân Liên,Hướng Hóa,"24,2",987,"nói ""chưa đạt""\nxem lại"');
  });

  it('guards against formula injection but keeps negative numbers numeric', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",'+cmd,"-1,5",,'@SUM(A1)`);
    expect(csv).toContain("'-2,Gio Linh,,0,");
    expect(guardFormula('Hải Ba')).toBe('Hải Ba');
    expect(guardFormula('\tx')).toBe("'\tx");
  });

  it('ends with the source and CRLF; no notice line when not illustrative', () => {
    expect(csv.endsWith('Nguồn: Tổng cục Thống kê\r\n')).toBe(true);
    const plain = toCsv(columns, rows, { ...opts, illustrative: false });
    expect(plain.slice(1).startsWith('Xã,Huyện')).toBe(true);
  });

  it('thousands separators only on request; English uses a decimal point', () => {
    expect(toCsv(columns, rows.slice(0, 1), { ...opts, grouping: true })).toContain(',12.345,');
    expect(toCsv(columns, rows.slice(0, 1), { ...opts, locale: 'en' })).toContain('Hải Thượng,Hải Lăng,3.1,12345,');
  });

  it('is NFC', () => {
    const decomposed = 'Hải Thượng'.normalize('NFD');
    const out = toCsv([{ key: 'n', header: 'Tên'.normalize('NFD') }], [{ n: decomposed }], { ...opts, illustrative: false });
    expect(out).toBe(out.normalize('NFC'));
    expect(out).toContain('Hải Thượng');
  });
});

describe('toXlsx', () => {
  it('reads back with the notice, a bold frozen header, numbers as numbers and the source', async () => {
    const bytes = await toXlsx(columns, rows, opts);
    expect(bytes[0]).toBe(0x50); // PK zip
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Dữ liệu');
    expect(String(ws.getCell('A1').value)).toMatch(/^Dữ liệu minh họa/);
    const header = ws.getRow(2);
    expect(header.values).toEqual([undefined, 'Xã', 'Huyện', 'Tỷ lệ hộ nghèo (%)', 'Số hộ', 'Ghi chú']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

    const first = ws.getRow(3);
    expect(first.getCell(1).value).toBe('Hải Thượng');
    expect(first.getCell(3).value).toBe(3.12);
    expect(typeof first.getCell(4).value).toBe('number');
    expect(first.getCell(4).value).toBe(12345);
    expect(first.getCell(3).numFmt).toBe('#,##0.0');
    expect(first.getCell(4).numFmt).toBe('#,##0');
    // Formulas are never written: text stays text (exceljs would store {formula} objects otherwise).
    expect(ws.getRow(5).getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(ws.getRow(5).getCell(3).value).toBe(-1.5);
    expect(ws.getRow(6).getCell(3).value).toBeNull();

    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('Nguồn: Tổng cục Thống kê');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
  });

  it('has no notice row when not illustrative', async () => {
    const bytes = await toXlsx(columns, rows.slice(0, 1), { ...opts, illustrative: false, locale: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Data');
    expect(ws.getCell('A1').value).toBe('Xã');
    expect(ws.getCell('C2').value).toBe(3.12);
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('Source: Tổng cục Thống kê');
  });
});
