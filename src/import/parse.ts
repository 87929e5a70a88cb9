/**
 * Parse files into a grid of cells with the row numbers the user sees (Excel rows, CSV records).
 * CSV/TSV with papaparse (delimiter guessed among comma, semicolon, tab); XLSX with exceljs (first non-empty
 * sheet unless one is named; formulas give their cached result; rich text becomes plain text; dates become
 * ISO dates; percent-formatted numbers become percentages). No DOM, no Node APIs: runs in a Web Worker.
 */
import Papa from 'papaparse';
import { msg, type Message, type MessageParams } from '../i18n/message';
import type { Cell, Grid, GridRow, IssueCode, MergeRange } from './types';

export interface GridWithProblems extends Grid {
  /** Structural problems found while parsing (e.g. an unclosed quote), with the row where they start. */
  problems: { row: number; problem: Message }[];
}

// ---------------------------------------------------------------------------------------------------------------
// CSV / TSV

const DELIMITERS = [',', ';', '\t'] as const;

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') q = !q;
    else if (!q && ch === d) n++;
  }
  return n;
}

/**
 * Guess the delimiter from the first lines: the candidate whose most common per-line count (> 0) is shared by
 * the most lines. Title lines without delimiters do not count against a candidate.
 */
export function guessDelimiter(text: string, prefer: string | null = null): string {
  const lines = text.split(/\r\n|\n|\r/, 80).filter((l) => l.trim() !== '');
  let best: string = prefer ?? ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((c) => c > 0);
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeN = 0;
    for (const [c, n] of freq) if (n > modeN || (n === modeN && c > mode)) [mode, modeN] = [c, n];
    const score = modeN * 1000 + mode + (d === prefer ? 0.5 : 0);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** Parse CSV/TSV text (already decoded to NFC). */
export function parseDelimited(text: string, opts: { preferDelimiter?: string | null } = {}): GridWithProblems {
  let body = text;
  let forced: string | null = null;
  // Excel's "sep=;" hint line (Excel hides it, so row numbers start after it).
  const sep = /^sep=(.)\r?\n/.exec(body);
  if (sep) {
    forced = sep[1];
    body = body.slice(sep[0].length);
  }
  const delimiter = forced ?? guessDelimiter(body, opts.preferDelimiter ?? null);
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false, dynamicTyping: false, quoteChar: '"' });
  const data = parsed.data;
  // papaparse yields a last [""] row for a trailing newline: drop it (it is not a row in Excel either)
  if (data.length && data[data.length - 1].length === 1 && data[data.length - 1][0] === '') data.pop();
  const rows: GridRow[] = data.map((fields, i) => {
    // the parser's own array, blanks made null in place (no copy per row)
    const cells = fields as Cell[];
    for (let c = 0; c < cells.length; c++) if (cells[c] === '') cells[c] = null;
    return { rowNumber: i + 1, cells };
  });
  const problems = parsed.errors.flatMap((e) => (e.code === 'UndetectableDelimiter' ? [] : [{ row: (e.row ?? 0) + 1, problem: msg(`import.csvProblem.${e.code}`) }]));
  return { sheet: null, sheets: [], rows, merges: [], delimiter, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

/** Minimal structural view of the exceljs objects we read (keeps this module independent of its typings). */
interface XCell {
  value: unknown;
  numFmt?: string;
  address: string;
  master?: { address: string };
}
interface XRow {
  eachCell(opts: { includeEmpty: boolean }, cb: (cell: XCell, col: number) => void): void;
}
interface XSheet {
  name: string;
  rowCount: number;
  actualRowCount: number;
  findRow(r: number): XRow | undefined;
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
  model?: { merges?: string[] };
}

const round12 = (n: number) => Number.parseFloat(n.toPrecision(12));

function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /%/.test(fmt.replace(/"[^"]*"/g, '').replace(/\\%/g, ''));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** exceljs cell value -> grid cell. Formulas give their cached result; nothing is ever evaluated. */
export function xlsxValue(v: unknown, numFmt?: string): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? (isPercentFormat(numFmt) ? round12(v * 100) : v) : null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('') || null;
    if ('formula' in o || 'sharedFormula' in o) return xlsxValue(o.result, numFmt);
    if ('error' in o) return String(o.error);
    if ('text' in o) return xlsxValue(o.text, numFmt); // hyperlink
  }
  return String(v);
}

function colToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function mergesOf(ws: XSheet): MergeRange[] {
  const out: MergeRange[] = [];
  if (ws._merges) {
    for (const m of Object.values(ws._merges)) if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    return out;
  }
  for (const range of ws.model?.merges ?? []) {
    const mm = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (mm) out.push({ top: +mm[2] - 1, left: colToNumber(mm[1]) - 1, bottom: +mm[4] - 1, right: colToNumber(mm[3]) - 1 });
  }
  return out;
}

function sheetGrid(ws: XSheet): Grid {
  const rows: GridRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    const cells: Cell[] = [];
    row?.eachCell({ includeEmpty: false }, (cell, col) => {
      // a merged cell other than the top-left one reads as its master: keep only the master's value here,
      // table.ts spreads merges where that is right (header rows, vertical merges in data)
      if (cell.master && cell.master.address !== cell.address) return;
      const v = xlsxValue(cell.value, cell.numFmt);
      if (v !== null) {
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = v;
      }
    });
    rows.push({ rowNumber: r, cells });
  }
  return { sheet: ws.name, sheets: [], rows, merges: mergesOf(ws), delimiter: null };
}

/** Why a workbook cannot be read, as an issue code with its parameters (see issues.ts). */
export class XlsxError extends Error {
  constructor(
    readonly code: Extract<IssueCode, 'xlsx_damaged' | 'xlsx_truncated' | 'zip_bomb' | 'too_large' | 'too_many_rows' | 'too_many_columns' | 'no_sheet' | 'not_a_table'>,
    readonly params: MessageParams = {},
  ) {
    super(code);
  }
}

/** Parse an XLSX workbook: the named sheet, or the first sheet with content; all sheets are listed. */
export async function parseXlsx(bytes: Uint8Array, opts: { sheet?: string } = {}): Promise<GridWithProblems> {
  const mod = (await import('exceljs')) as unknown as { default?: { Workbook: new () => unknown }; Workbook?: new () => unknown };
  const Workbook = (mod.default?.Workbook ?? mod.Workbook)!;
  const wb = new Workbook() as { xlsx: { load(b: ArrayBuffer): Promise<unknown> }; worksheets: XSheet[] };
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    await wb.xlsx.load(buffer);
  } catch {
    // the container was read already (xlsx.ts): a part that exceljs cannot make sense of
    throw new XlsxError('xlsx_damaged', { part: '' });
  }
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.actualRowCount }));
  let ws: XSheet | undefined;
  if (opts.sheet !== undefined) ws = wb.worksheets.find((s) => s.name === opts.sheet);
  else ws = wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!ws) throw new XlsxError('no_sheet', { sheet: opts.sheet ?? '' });
  const grid = sheetGrid(ws);
  return { ...grid, sheets, problems: [] };
}
