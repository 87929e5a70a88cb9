// The streaming XLSX reader (large workbooks) reads what the exceljs path reads, and the ZIP checks diagnose
// truncated, damaged and oversized workbooks before anything is parsed.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseXlsx } from '../../../src/import/parse.ts';
import { dimensionRows, streamSheet, workbookParts } from '../../../src/import/xlsx-stream.ts';
import { readXlsx } from '../../../src/import/xlsx.ts';
import { zipEntries } from '../../../src/import/zip.ts';
import { XmlScanner, decodeXml } from '../../../src/import/xml-scan.ts';
import { fixture } from './helpers.ts';

async function streamed(bytes: Uint8Array) {
  const entries = zipEntries(bytes);
  const parts = await workbookParts(bytes, entries);
  return streamSheet(bytes, parts, parts.sheets[0]);
}

/** Rows with content, as the grid gives them. */
const content = (rows: { rowNumber: number; cells: unknown[] }[]) => rows.filter((r) => r.cells.length > 0);

describe('the streaming reader', () => {
  it.each(['qt_poverty_2023_two_row_header.xlsx', 'qt_vntime_font.xlsx'])('reads %s as exceljs does: cells, merges, rich text, formulas, percents', async (name) => {
    const { bytes } = fixture(name);
    const a = await parseXlsx(bytes);
    const b = await streamed(bytes);
    expect(b.sheet).toBe(a.sheet);
    expect(content(b.rows)).toEqual(content(a.rows));
    expect([...b.merges].sort((x, y) => x.top - y.top || x.left - y.left)).toEqual([...a.merges].sort((x, y) => x.top - y.top || x.left - y.left));
  });

  it('reads dates, booleans, errors, inline strings and escaped text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('D1').value = 'a < b & "c"';
    ws.getCell('E1').value = 0.125;
    ws.getCell('E1').numFmt = '0.0%';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await streamed(bytes)).rows).toEqual((await parseXlsx(bytes)).rows);
    expect((await streamed(bytes)).rows[0].cells).toEqual(['2023-12-31', 'TRUE', '#N/A', 'a < b & "c"', 12.5]);
  });

  it('reads the <dimension> of a sheet from its first bytes', async () => {
    const { bytes } = fixture('qt_poverty_2023_two_row_header.xlsx');
    const entries = zipEntries(bytes);
    const parts = await workbookParts(bytes, entries);
    expect(await dimensionRows(bytes, parts.sheets[0].entry)).toBe(30);
  });
});

describe('the XML scanner', () => {
  it('hands over tags and text split anywhere between chunks', () => {
    const xml = '<?xml version="1.0"?><a x="1"><!-- c > d --><b>t&amp;u</b><c/><![CDATA[<raw>]]></a>';
    for (let cut = 1; cut < xml.length; cut++) {
      const events: string[] = [];
      const s = new XmlScanner({ open: (n, a, self) => events.push(`<${n}${a}${self ? '/' : ''}>`), close: (n) => events.push(`</${n}>`), text: (t) => events.push(t) });
      s.write(xml.slice(0, cut));
      s.write(xml.slice(cut));
      s.end();
      expect(events.join('')).toBe('<a x="1"><b>t&u</b><c/><raw></a>');
    }
    expect(decodeXml('&#x1EA1;&#7841;&lt;')).toBe('ạạ<');
  });
});

describe('readXlsx', () => {
  it('reads a small workbook with exceljs and names a sheet that is not there', async () => {
    const { bytes } = fixture('qt_poverty_2023_two_row_header.xlsx');
    expect((await readXlsx(bytes)).rows.length).toBe(30);
    await expect(readXlsx(bytes, { sheet: 'Nope' })).rejects.toMatchObject({ code: 'no_sheet' });
  });

  it('calls an XLSX cut in half truncated, and one with a damaged part damaged', async () => {
    const { bytes } = fixture('qt_poverty_2023_two_row_header.xlsx');
    await expect(readXlsx(bytes.subarray(0, bytes.length >> 1))).rejects.toMatchObject({ code: 'xlsx_truncated', params: {} });
    const damaged = new Uint8Array(bytes);
    const sheet = zipEntries(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    // scramble the packed sheet's bytes (the local header stays): inflate fails
    for (let i = sheet.offset + 60; i < sheet.offset + 60 + Math.min(400, sheet.packed - 40); i++) damaged[i] ^= 0x5a;
    await expect(readXlsx(damaged)).rejects.toMatchObject({ code: 'xlsx_damaged' });
  });
});
