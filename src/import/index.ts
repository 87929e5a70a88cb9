/**
 * Table import: detect the file type and encoding -> parse (CSV/TSV/XLSX) -> find the header and the table ->
 * read the values -> match units -> validate -> report. Never throws for a bad file: the result carries a clear
 * error instead. Cell text is plain data throughout ("=cmd", "<script>" are kept as text, never evaluated).
 * Pure TypeScript with no DOM or Node APIs, so it runs in a Web Worker.
 */
import { detectAndDecode, detectLegacyInUnicode, encodingLabel, legacyCellsNote } from './encoding';
import { extractRow } from './extract';
import { recogniseHeader } from './headers';
import { Matcher, findProvince, provinceInText, type UnitIndex } from './match';
import { msg, type Message, type MessageParams } from '../i18n/message';
import { issue } from './issues';
import { parseDelimited, parseXlsx, XlsxError, type GridWithProblems } from './parse';
import { buildReport } from './report';
import { findTable } from './table';
import type {
  CanonicalField,
  DecodedText,
  FileError,
  ImportedRow,
  ImportOptions,
  ImportResult,
  Issue,
  IssueCode,
  SkippedRow,
  YearSource,
} from './types';
import { validateRows } from './validate';

export type * from './types';
export { CANONICAL_FIELDS } from './types';
export { buildUnitIndex, findProvince, resolve, type UnitIndex } from './match';
export { detectAndDecode, encodeTcvn3, encodeVni, encodeWindows1258 } from './encoding';

export interface ImportContext {
  units: UnitIndex;
  /** Province scope: code ("45") or name ("Quảng Trị"). Without it, a province named in the title is used. */
  province?: string;
  /** Year for files with no year column and no year in the title/headers. */
  defaultYear?: number;
  /** Years after this one are rejected as future years. */
  currentYear: number;
  /** Number of criteria in the criteria set (default 19). */
  criteriaCount?: number;
  /** XLSX sheet to read (default: the first sheet with content). */
  sheet?: string;
}

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

// ---------------------------------------------------------------------------------------------------------------
// File type sniffing

type Sniff = { kind: 'xlsx' } | { kind: 'text' } | { kind: 'error'; code: IssueCode; params: MessageParams; where: Message };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

function containsAscii(b: Uint8Array, needle: string): boolean {
  const n = [...needle].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + n.length <= b.length; i++) {
    for (let j = 0; j < n.length; j++) if (b[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/** Signatures of files that are not tables, and what they are (a key of import.fileKind in the catalogue). */
const NOT_TABLE: [number[], 'png' | 'jpeg' | 'gif' | 'pdf' | 'bmp' | 'gzip' | 'rar' | '7z' | 'rtf'][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x42, 0x4d], 'bmp'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'rtf'],
];

const bytesAt = (from: number, to: number) => msg('import.where.bytes', { from, to });

function sniff(bytes: Uint8Array): Sniff {
  if (bytes.length === 0) return { kind: 'error', code: 'empty_file', params: {}, where: msg('import.where.byte', { at: 0 }) };
  for (const [sig, kind] of NOT_TABLE) {
    if (startsWith(bytes, sig)) return { kind: 'error', code: 'not_a_table', params: { kind: msg(`import.fileKind.${kind}`) }, where: bytesAt(0, sig.length - 1) };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { kind: 'error', code: 'xls_binary', params: {}, where: bytesAt(0, 3) };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (containsAscii(bytes, 'xl/workbook')) return { kind: 'xlsx' };
    const kind = msg(containsAscii(bytes, 'word/') ? 'import.fileKind.docx' : 'import.fileKind.zip');
    return { kind: 'error', code: 'not_a_table', params: { kind }, where: bytesAt(0, 3) };
  }
  // binary: NUL bytes that are not UTF-16 text
  const head = bytes.subarray(0, 4096);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || nul > head.length * 0.3;
  if (nul > 0 && !utf16) {
    const first = head.indexOf(0);
    return { kind: 'error', code: 'not_a_table', params: { kind: msg('import.fileKind.binary') }, where: msg('import.where.byte', { at: first }) };
  }
  return { kind: 'text' };
}

// ---------------------------------------------------------------------------------------------------------------

function resolveOptions(ctx: ImportContext): { options: ImportOptions; issues: Issue[]; province: ImportResult['province'] } {
  const issues: Issue[] = [];
  let province: ImportResult['province'] = null;
  if (ctx.province) {
    const p = findProvince(ctx.units, ctx.province);
    if (p) province = { code: p.province_code, name: p.province_name, source: 'caller' };
    else issues.push(issue('province_unknown', { value: ctx.province }));
  }
  return {
    options: {
      currentYear: ctx.currentYear,
      criteriaCount: ctx.criteriaCount ?? 19,
      defaultYear: ctx.defaultYear ?? null,
      provinceCode: province?.code ?? null,
    },
    issues,
    province,
  };
}

function emptyResult(file: ImportFile, options: ImportOptions, province: ImportResult['province'], fileIssues: Issue[]): ImportResult {
  return {
    ok: true,
    error: null,
    file: file.name,
    format: null,
    sheet: null,
    sheets: [],
    encoding: null,
    headerRows: [],
    titleRows: [],
    columns: [],
    year: { value: null, source: 'none', header: null, row: null },
    province,
    rows: [],
    report: buildReport([], [], 0, fileIssues),
    fileIssues,
    options,
  };
}

function fail(result: ImportResult, code: IssueCode, params: MessageParams, where: Message): ImportResult {
  const i = issue(code, params);
  const error: FileError = { code, message: i.message, where };
  const fileIssues = [...result.fileIssues, i];
  return { ...result, ok: false, error, fileIssues, report: buildReport(result.rows, result.report.skipped, result.report.skippedBlank, fileIssues) };
}

const extOf = (name: string) => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();

/**
 * Import a CSV/TSV/XLSX table of NTM or poverty figures. Always resolves: a file that cannot be read as a table
 * (or an unexpected internal failure) gives `ok: false` with `error` saying what and where.
 */
export async function importTable(file: ImportFile, ctx: ImportContext): Promise<ImportResult> {
  try {
    return await importTableUnsafe(file, ctx);
  } catch (e) {
    const { options, province } = resolveOptions(ctx);
    return fail(emptyResult(file, options, province, []), 'internal_error', { detail: e instanceof Error ? e.message : String(e) }, msg('import.where.import'));
  }
}

async function importTableUnsafe(file: ImportFile, ctx: ImportContext): Promise<ImportResult> {
  const { options, issues: optionIssues, province: callerProvince } = resolveOptions(ctx);
  let result = emptyResult(file, options, callerProvince, optionIssues);
  const fileIssues: Issue[] = [...optionIssues];

  const kind = sniff(file.bytes);
  if (kind.kind === 'error') return fail(result, kind.code, kind.params, kind.where);

  // 1. parse
  let grid: GridWithProblems;
  let encoding: ImportResult['encoding'] = null;
  if (kind.kind === 'xlsx') {
    const workbook = msg('import.where.workbook');
    try {
      grid = await parseXlsx(file.bytes, { sheet: ctx.sheet });
    } catch (e) {
      if (e instanceof XlsxError) {
        return e.code === 'no_sheet'
          ? fail(result, 'no_sheet', { sheet: ctx.sheet ?? '' }, ctx.sheet ? msg('import.where.sheet', { sheet: ctx.sheet }) : workbook)
          : fail(result, 'xlsx_unreadable', { detail: e.message }, workbook);
      }
      return fail(result, 'xlsx_unreadable', { detail: e instanceof Error ? e.message : String(e) }, workbook);
    }
    // cells typed with .VnTime / VNI-Times fonts hold legacy text as Unicode Latin-1: convert
    const strings: string[] = [];
    for (const r of grid.rows) for (const c of r.cells) if (typeof c === 'string') strings.push(c);
    const legacy = detectLegacyInUnicode(strings);
    if (legacy) {
      let converted = 0;
      for (const r of grid.rows) {
        r.cells = r.cells.map((c) => {
          if (typeof c !== 'string') return c;
          const out = legacy.convert(c);
          if (out !== c) for (const ch of out) if (ch.charCodeAt(0) > 0x7f) converted++;
          return out;
        });
      }
      encoding = { name: legacy.encoding, note: legacyCellsNote(legacy.encoding, converted, legacy.scores) };
    } else {
      // XLSX text is Unicode; normalise to NFC
      for (const r of grid.rows) r.cells = r.cells.map((c) => (typeof c === 'string' ? c.normalize('NFC') : c));
    }
    result = { ...result, format: 'xlsx', sheet: grid.sheet, sheets: grid.sheets };
  } else {
    const decoded: DecodedText = detectAndDecode(file.bytes);
    encoding = { name: decoded.encoding, note: decoded.note };
    if (decoded.encoding.startsWith('utf')) {
      // a Unicode file whose text was typed with a legacy font (exported from a .VnTime / VNI-Times sheet)
      const legacy = detectLegacyInUnicode(decoded.text.slice(0, 256 * 1024).split(/\r?\n/));
      if (legacy) {
        const text = decoded.text.split(/(\r?\n)/).map((part) => legacy.convert(part)).join('');
        let converted = 0;
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) converted++;
        const note = legacyCellsNote(legacy.encoding, converted, legacy.scores);
        note.sentences = [msg('import.encodingNote.legacyInUnicode', { file: encodingLabel(decoded.encoding), encoding: encodingLabel(legacy.encoding), count: converted })];
        decoded.text = text;
        encoding = { name: legacy.encoding, note };
      }
    }
    if (decoded.text.trim() === '') {
      result = { ...result, encoding };
      return fail(result, 'empty_file', {}, msg('import.where.blankFile'));
    }
    grid = parseDelimited(decoded.text, { preferDelimiter: extOf(file.name) === 'tsv' ? '\t' : null });
    result = { ...result, format: grid.delimiter === '\t' ? 'tsv' : 'csv' };
  }
  result = { ...result, encoding };
  if (encoding && (encoding.note.converted || encoding.name === 'tcvn3' || encoding.name === 'vni' || encoding.name === 'windows-1258')) {
    fileIssues.push(issue('encoding_converted', { note: encoding.note.sentences }));
  }
  if (encoding?.note.uncertain) fileIssues.push(issue('encoding_uncertain', { note: encoding.note.sentences }));
  for (const p of grid.problems) fileIssues.push(issue('csv_malformed', { row: p.row, detail: p.problem }, { row: p.row }));
  result = { ...result, fileIssues: [...fileIssues] };

  // 2. table
  const found = findTable(grid);
  const place = grid.sheet ? msg('import.where.sheet', { sheet: grid.sheet }) : msg('import.where.file');
  if (!found.ok) {
    if (found.reason === 'no_unit_column') {
      const rows = [...new Set([found.headerRows[0], found.headerRows[found.headerRows.length - 1]])].join('-');
      const where = found.headerRows.length > 1 ? msg('import.where.rows', { place, rows }) : msg('import.where.row', { place, row: rows });
      return fail(result, 'no_unit_column', { rows, headers: found.headers.join(', ') }, where);
    }
    const where = found.searchedRows.length ? msg('import.where.rows', { place, rows: `${found.searchedRows[0]}-${found.searchedRows[1]}` }) : place;
    return fail(result, 'no_header', { where }, where);
  }
  const layout = found.layout;
  for (const col of layout.columns) {
    if (col.role === 'unknown') fileIssues.push(issue('column_unrecognised', { header: col.header || msg('import.emptyHeader') }, { column: col.header, columnIndex: col.index }));
    if (col.role === 'duplicate') {
      const m = recogniseHeader(col.header).field;
      const other = layout.columns.find((c) => c.field === m);
      fileIssues.push(issue('column_duplicate_field', { header: col.header, other: other?.header ?? '', field: m ? msg(`import.field.${m}`) : '' }, { column: col.header, columnIndex: col.index }));
    }
  }
  for (const c of layout.multidimensionalRateColumns) {
    const col = layout.columns.find((x) => x.index === c)!;
    fileIssues.push(issue('column_multidimensional_rate', { header: col.header }, { column: col.header, columnIndex: col.index }));
  }

  // 3. province scope from the title when the caller gave none
  let province = result.province;
  if (!province) {
    for (const t of layout.titleRows) {
      const p = provinceInText(ctx.units, t.text);
      if (p) {
        province = { code: p.province_code, name: p.province_name, source: 'title' };
        fileIssues.push(issue('province_from_title', { name: p.province_name, row: t.row }));
        break;
      }
    }
  }
  const opts: ImportOptions = { ...options, provinceCode: province?.code ?? null };

  // 4. year: column > header > title > default
  const yearCol = layout.columns.find((c) => c.field === 'year');
  const headerYears = [...new Set(layout.columns.filter((c) => c.field && c.year !== null).map((c) => c.year!))];
  let fileYear: ImportResult['year'] = { value: null, source: 'none', header: null, row: null };
  if (headerYears.length === 1) {
    const col = layout.columns.find((c) => c.field && c.year === headerYears[0])!;
    fileYear = { value: headerYears[0], source: 'header', header: col.header, row: null };
    fileIssues.push(issue('year_from_header', { year: headerYears[0], header: col.header }, { column: col.header, columnIndex: col.index }));
  } else if (headerYears.length > 1) {
    fileIssues.push(issue('year_conflict', { years: headerYears.join(', ') }));
  } else if (layout.titleYear !== null) {
    const t = layout.titleRows.find((r) => r.text.includes(String(layout.titleYear)));
    fileYear = { value: layout.titleYear, source: 'title', header: null, row: t?.row ?? null };
    fileIssues.push(issue('year_from_title', { year: layout.titleYear, row: t?.row ?? '' }));
  } else if (opts.defaultYear !== null) {
    fileYear = { value: opts.defaultYear, source: 'default', header: null, row: null };
    if (!yearCol) fileIssues.push(issue('year_from_default', { year: opts.defaultYear }));
  }
  if (yearCol && fileYear.value === null) fileYear = { value: null, source: 'column', header: yearCol.header, row: null };
  if (!yearCol && fileYear.value === null) fileIssues.push(issue('year_missing'));

  // 5. rows
  const col = (f: CanonicalField) => {
    const c = layout.columns.find((x) => x.field === f);
    return c ? { column: c.header, columnIndex: c.index } : { column: null, columnIndex: null };
  };
  const codeColumn = col('commune_code');
  const nameColumn = col('commune_name');
  const districtColumn = col('district_name');
  const matcher = new Matcher(ctx.units);
  const rows: ImportedRow[] = [];
  const skipped: SkippedRow[] = [];
  let blank = 0;
  for (const r of layout.rows) {
    if (r.kind === 'blank') {
      blank++;
      continue;
    }
    if (r.kind !== 'data') {
      skipped.push({ row: r.rowNumber, kind: r.kind, text: r.text });
      continue;
    }
    const ex = extractRow(r.rowNumber, r.cells, layout.columns, opts.criteriaCount);
    let yearSource: YearSource | null = null;
    if (ex.values.year !== null) yearSource = 'column';
    else if (fileYear.value !== null && fileYear.source !== 'none') {
      ex.values.year = fileYear.value;
      yearSource = fileYear.source;
    }
    const m = matcher.match({
      sourceRow: r.rowNumber,
      code: ex.values.commune_code,
      name: ex.values.commune_name,
      district: ex.values.district_name ?? r.group.district,
      districtCode: ex.values.district_code,
      province: ex.values.province_name ?? r.group.province,
      scopeProvince: opts.provinceCode,
      codeColumn,
      nameColumn,
      districtColumn: ex.values.district_name ? districtColumn : { column: null, columnIndex: null },
    });
    rows.push({
      sourceRow: r.rowNumber,
      commune_code: m.unit?.commune_code ?? null,
      match: m.match,
      unit: m.unit,
      suggestions: m.suggestions,
      values: ex.values,
      raw: ex.raw,
      yearSource,
      groupHeading: r.group.district ?? r.group.province,
      messages: [...ex.messages, ...m.messages],
      rejected: false,
    });
  }

  const validated = validateRows(rows, layout.columns, opts);
  result = {
    ...result,
    headerRows: layout.headerRows,
    titleRows: layout.titleRows,
    columns: layout.columns,
    year: fileYear,
    province,
    options: opts,
    rows: validated,
    fileIssues: [...fileIssues],
    report: buildReport(validated, skipped, blank, fileIssues),
  };
  if (!validated.length) return fail(result, 'no_data_rows', {}, msg('import.where.belowRow', { place, row: layout.headerRows[layout.headerRows.length - 1] }));
  return result;
}
