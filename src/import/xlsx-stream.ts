/**
 * XLSX read as a stream, for workbooks too large to build whole: the sheet's XML is scanned as it unpacks and
 * only the grid of cells is kept (exceljs's Workbook keeps an object per cell with its style; its streaming
 * WorkbookReader needs Node's fs, zlib and temporary files, which a browser worker does not have). Values follow
 * the exceljs path of parse.ts (xlsxValue): shared and inline strings, cached formula results, booleans, errors,
 * dates as ISO dates, percent-formatted numbers as percentages. Row and column limits are enforced while reading.
 */
import { IMPORT_LIMITS } from './limits';
import { xlsxValue, XlsxError, type GridWithProblems } from './parse';
import type { Cell, GridRow, MergeRange } from './types';
import { XmlScanner, attr } from './xml-scan';
import { unpackText, unpackTextChunks, type ZipEntry } from './zip';

/** Number formats Excel does not write out (ECMA-376 18.8.30), those that change how a value reads. */
const BUILTIN_FORMATS: Record<number, string> = {
  9: '0%', 10: '0.00%', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};

/** exceljs's test of a date format (utils.isDateFmt), so both paths read a serial number the same way. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export interface WorkbookParts {
  sheets: { name: string; entry: ZipEntry }[];
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
  date1904: boolean;
}

/** The sheets (in workbook order, with their parts), and the parts the cells refer to. */
export async function workbookParts(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<WorkbookParts> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  if (!workbook) throw new XlsxError('xlsx_damaged', { part: 'xl/workbook.xml' });
  const targets = new Map<string, string>();
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    for (const m of (await unpackText(bytes, rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const a = ` ${m[1]}`;
      const id = attr(a, 'Id');
      const target = attr(a, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const xml = await unpackText(bytes, workbook);
  const sheets: WorkbookParts['sheets'] = [];
  let n = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    n++;
    const a = ` ${m[1]}`;
    const id = attr(a, 'r:id');
    const path = (id && targets.get(id)) ?? `xl/worksheets/sheet${n}.xml`;
    const entry = byName.get(path);
    if (entry) sheets.push({ name: attr(a, 'name') ?? `Sheet${n}`, entry });
  }
  return {
    sheets,
    sharedStrings: byName.get('xl/sharedStrings.xml') ?? null,
    styles: byName.get('xl/styles.xml') ?? null,
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(xml),
  };
}

/** The last row a sheet says it uses (its <dimension>), read from the first chunk only; null when not written. */
export async function dimensionRows(bytes: Uint8Array, entry: ZipEntry): Promise<number | null> {
  let head = '';
  for await (const chunk of unpackTextChunks(bytes, entry)) {
    head += chunk;
    if (head.length > 4096 || head.includes('<sheetData') || head.includes(':sheetData')) break;
  }
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]*\d*:)?[A-Z]+(\d+)"/.exec(head);
  return ref ? Number(ref[2]) : null;
}

async function sharedStrings(bytes: Uint8Array, entry: ZipEntry | null): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  let cur = '';
  let inText = false;
  let phonetic = 0;
  const scan = new XmlScanner({
    open(name, _a, self) {
      if (name === 'si') cur = '';
      else if (name === 'rPh' && !self) phonetic++;
      else if (name === 't' && !self && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(cur);
    },
    text(t) {
      if (inText) cur += t;
    },
  });
  for await (const chunk of unpackTextChunks(bytes, entry)) scan.write(chunk);
  scan.end();
  return out;
}

/** The number format of each cell style (index into cellXfs). */
async function styleFormats(bytes: Uint8Array, entry: ZipEntry | null): Promise<(string | undefined)[]> {
  if (!entry) return [];
  const xml = await unpackText(bytes, entry);
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const a = ` ${m[1]}`;
    const code = attr(a, 'formatCode');
    if (code !== null) custom.set(Number(attr(a, 'numFmtId')), code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)].map((m) => {
    const id = Number(attr(` ${m[1]}`, 'numFmtId') ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id];
  });
}

function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function rangeOf(ref: string): MergeRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  return m ? { top: +m[2] - 1, left: columnOf(m[1]) - 1, bottom: +m[4] - 1, right: columnOf(m[3]) - 1 } : null;
}

/** One sheet of a workbook as a grid, read as it unpacks. Throws XlsxError when a limit is passed. */
export async function streamSheet(bytes: Uint8Array, parts: WorkbookParts, sheet: { name: string; entry: ZipEntry }): Promise<GridWithProblems> {
  const [strings, formats] = await Promise.all([sharedStrings(bytes, parts.sharedStrings), styleFormats(bytes, parts.styles)]);
  const { maxRows, maxColumns } = IMPORT_LIMITS;
  const rows: GridRow[] = [];
  const merges: MergeRange[] = [];
  let cells: Cell[] | null = null;
  let rowNumber = 0;
  let column = 0;
  let type: string | null = null;
  let style = 0;
  let value: string | null = null;
  let capture = false;
  let inline = false;
  const endCell = () => {
    let v: unknown = null;
    if (value !== null) {
      if (type === 's') v = strings[Number(value)] ?? null;
      else if (type === 'str' || type === 'inlineStr' || type === 'e' || type === 'd') v = value;
      else if (type === 'b') v = value.trim() !== '0';
      else if (value.trim() !== '') {
        const n = Number(value);
        const fmt = formats[style];
        v = Number.isFinite(n) && isDateFormat(fmt) ? new Date(Math.round((n - 25569 + (parts.date1904 ? 1462 : 0)) * 86400000)) : n;
      }
    }
    const cell = xlsxValue(v, formats[style]);
    if (cell !== null && cells) {
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = cell;
    }
  };
  const scan = new XmlScanner({
    open(name, a, self) {
      if (name === 'c') {
        const ref = attr(a, 'r');
        column = ref ? columnOf(ref) : column + 1;
        if (column > maxColumns) throw new XlsxError('too_many_columns', { columns: column, max: maxColumns });
        type = attr(a, 't');
        style = Number(attr(a, 's') ?? 0);
        value = null;
        if (self) endCell();
      } else if (name === 'v' || (name === 't' && inline)) {
        if (!self) capture = true;
        value ??= '';
      } else if (name === 'is') inline = true;
      else if (name === 'row') {
        const r = Number(attr(a, 'r') ?? rowNumber + 1);
        if (r > maxRows) throw new XlsxError('too_many_rows', { rows: r, max: maxRows });
        // rows left out of the XML are empty rows of the sheet
        while (rowNumber < r - 1) rows.push({ rowNumber: ++rowNumber, cells: [] });
        rowNumber = r;
        cells = [];
        column = 0;
        if (self) {
          rows.push({ rowNumber, cells });
          cells = null;
        }
      } else if (name === 'mergeCell') {
        const m = rangeOf(attr(a, 'ref') ?? '');
        if (m) merges.push(m);
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'is') inline = false;
      else if (name === 'c') endCell();
      else if (name === 'row' && cells) {
        rows.push({ rowNumber, cells });
        cells = null;
      }
    },
    text(t) {
      if (capture) value = (value ?? '') + t;
    },
  });
  for await (const chunk of unpackTextChunks(bytes, sheet.entry)) scan.write(chunk);
  scan.end();
  // trailing rows without content are not rows of the table (exceljs's rowCount ends at the last row with a cell)
  while (rows.length && rows[rows.length - 1].cells.length === 0) rows.pop();
  const withContent = rows.filter((r) => r.cells.length > 0).length;
  return { sheet: sheet.name, sheets: [{ name: sheet.name, rows: withContent }], rows, merges, delimiter: null, problems: [] };
}
