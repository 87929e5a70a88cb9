// Tables as CSV (UTF-8 with BOM, RFC 4180) and XLSX (exceljs), with the illustrative-data notice and source.
import { formatNumber, nfc, sourceLine, translator, type ExportLocale } from './wording';

export type CellValue = string | number | boolean | null | undefined | Date;

export interface TableColumn<K extends string = string> {
  key: K;
  header: string;
  /** Fixed number of decimals for numbers in this column; default: as many as the value needs (up to 10 in CSV, 3 in XLSX). */
  digits?: number;
}

export interface TableExportOptions {
  illustrative: boolean;
  /** Printed as "Nguồn: …" (or "Source: …"). */
  source: string;
  locale: ExportLocale;
  /**
   * CSV only: thousands separators in numbers. Off by default: "1.234" in a CSV is read by Excel outside the
   * Vietnamese locale as one point two three four, silently; "1234,5" is at worst read as text.
   */
  grouping?: boolean;
  /** XLSX only: the worksheet name (at most 31 characters; []:*?/\ are replaced). */
  sheetName?: string;
}

export type TableRow = Readonly<Record<string, CellValue>>;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes ' to text that a spreadsheet would take for a formula (=, +, -, @, tab, CR at the start). */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function csvValue(value: CellValue, column: TableColumn, opts: TableExportOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const locale = opts.locale === 'vi' ? 'vi-VN' : 'en-GB';
    const digits = column.digits;
    return new Intl.NumberFormat(locale, {
      useGrouping: opts.grouping ?? false,
      minimumFractionDigits: digits ?? 0,
      maximumFractionDigits: digits ?? 10,
    }).format(value);
  }
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return guardFormula(nfc(value));
}

/**
 * CSV text: BOM, an optional first line with the illustrative-data notice, the header, the rows, then the
 * source line; CRLF line ends; fields with a comma, semicolon, quote or line break are quoted.
 */
export function toCsv<K extends string>(columns: readonly TableColumn<K>[], rows: readonly TableRow[], opts: TableExportOptions): string {
  const lines: string[] = [];
  if (opts.illustrative) lines.push(csvField(guardFormula(translator(opts.locale)('export.doc.illustrativeNotice'))));
  lines.push(columns.map((c) => csvField(guardFormula(nfc(c.header)))).join(','));
  for (const row of rows) lines.push(columns.map((c) => csvField(csvValue(row[c.key], c, opts))).join(','));
  if (opts.source) lines.push(csvField(guardFormula(sourceLine(opts.source, opts.locale))));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Excel number format for a column: decimals fixed by the column, else the most any value needs (≤ 3). */
function numberFormat(column: TableColumn, rows: readonly TableRow[]): string {
  let digits: number = column.digits ?? 0;
  if (column.digits === undefined) {
    for (const row of rows) {
      const v = row[column.key];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      let d: number = digits;
      while (d < 3 && Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) >= 1e-6) d++;
      digits = d;
    }
  }
  return digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
}

function displayWidth(value: CellValue, column: TableColumn, opts: TableExportOptions): number {
  if (typeof value === 'number') return formatNumber(value, opts.locale, column.digits ?? 2).length;
  return csvValue(value, column, opts).length;
}

function sheetName(name: string | undefined, locale: ExportLocale): string {
  const n = nfc(name ?? translator(locale)('export.doc.sheet')).replace(/[[\]:*?/\\]/g, ' ').trim();
  return n.slice(0, 31) || 'Sheet1';
}

/**
 * XLSX bytes: optional notice row (merged, amber), bold frozen header with a filter, numbers as numbers
 * with a grouped number format (Excel shows it with the reader's separators: 1.234,5 in Vietnamese), and a
 * "Nguồn" row under the table. exceljs is loaded on first use: it is large and only exports need it.
 */
export async function toXlsx<K extends string>(columns: readonly TableColumn<K>[], rows: readonly TableRow[], opts: TableExportOptions): Promise<Uint8Array> {
  // exceljs is CommonJS: Node gives the exports as default, bundlers may give them as the namespace.
  const mod: typeof import('exceljs') & { default?: typeof import('exceljs') } = await import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = translator(opts.locale)('app.title');
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName(opts.sheetName, opts.locale));
  const n = Math.max(1, columns.length);

  if (opts.illustrative) {
    const row = ws.addRow([translator(opts.locale)('export.doc.illustrativeNotice')]);
    ws.mergeCells(row.number, 1, row.number, n);
    const cell = row.getCell(1);
    cell.font = { bold: true, color: { argb: 'FF6E4800' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    row.height = 30;
  }

  const header = ws.addRow(columns.map((c) => nfc(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3ECE6' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A9A90' } } };
  });

  const formats = columns.map((c) => numberFormat(c, rows));
  for (const r of rows) {
    const row = ws.addRow(
      columns.map((c) => {
        const v = r[c.key];
        if (v === null || v === undefined) return null;
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        if (typeof v === 'string') return nfc(v);
        return v;
      }),
    );
    columns.forEach((c, i) => {
      if (typeof r[c.key] === 'number') row.getCell(i + 1).numFmt = formats[i];
    });
  }

  columns.forEach((c, i) => {
    const longest = Math.max(nfc(c.header).length, ...rows.map((r) => displayWidth(r[c.key], c, opts)));
    ws.getColumn(i + 1).width = Math.min(50, Math.max(8, longest + 2));
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number }];
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: n } };

  if (opts.source) {
    ws.addRow([]);
    const src = ws.addRow([sourceLine(opts.source, opts.locale)]);
    src.getCell(1).font = { italic: true, color: { argb: 'FF5F666E' } };
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
