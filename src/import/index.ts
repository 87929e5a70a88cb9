/**
 * Table import: detect the file type and encoding -> parse (CSV/TSV/XLSX) -> find the header and the table ->
 * read the values -> detect the province -> match units -> validate -> report. Never throws for a bad file: the
 * result carries a clear error instead. Limits (limits.ts) are enforced before parsing. Cell text is plain data
 * throughout ("=cmd", "<script>" are kept as text, never evaluated; hidden control characters are removed).
 * Pure TypeScript with no DOM or Node APIs, so it runs in a Web Worker.
 */
import { convertLegacyCells, decodeText, lineCount, removeControls } from './clean-text';
import { extractRow, type Extracted } from './extract';
import { proposal, scoreProvinces, type UnitSet } from './detect';
import { recogniseHeader } from './headers';
import { Matcher, findProvince, provinceInText, type UnitIndex } from './match';
import { msg, type Message, type MessageParams } from '../i18n/message';
import { issue } from './issues';
import { IMPORT_LIMITS } from './limits';
import { parseDelimited, XlsxError, type GridWithProblems } from './parse';
import { buildReport, layoutOf, noRows } from './report';
import { sniff } from './sniff';
import { columnLetter } from './text';
import { findTable, type ClassifiedRow } from './table';
import { findTargetsHeader, readTargets, type TargetIndicator, type TargetsHeader } from './targets';
import type { CanonicalField, FileError, ImportedRow, ImportOptions, ImportResult, Issue, IssueCode, SkippedRow, UnitVintage, YearSource } from './types';
import { validateRows } from './validate';
import { readXlsx } from './xlsx';
import { fileYearOf } from './year';
import { rowProgress, type ImportProgress } from './progress';

export type * from './types';
export { CANONICAL_FIELDS, ROW_BUCKETS } from './types';
export { buildUnitIndex, findProvince, keepDuplicate, resolve, type UnitIndex } from './match';
export { detectAndDecode, encodeTcvn3, encodeVni, encodeWindows1258 } from './encoding';
export { bucketOf } from './report';
export { IMPORT_LIMITS } from './limits';
export type { UnitSet } from './detect';
export { IMPORT_PHASES, type ImportPhase, type ImportProgress, type ProgressCount } from './progress';

export interface ImportContext {
  units: UnitIndex;
  /** Which reform's units `units` holds (default: before2025, the list the app draws). */
  vintage?: UnitVintage;
  /** Other unit lists the province is detected against (e.g. the post-reform list); never matched against. */
  candidates?: UnitSet[];
  /** Province scope: code ("45") or name ("Quảng Trị"). Without it, a province named in the title is used. */
  province?: string;
  /** Year for files with no year column and no year in the headers, the title or the file name. */
  defaultYear?: number;
  /** Years after this one are rejected as future years. */
  currentYear: number;
  /** Number of criteria in the criteria set (default 19). */
  criteriaCount?: number;
  /** XLSX sheet to read (default: the first sheet with content). */
  sheet?: string;
  /** The target indicators the scorecard measures, with their names: a targets table's rows are read against them. */
  targetIndicators?: readonly TargetIndicator[];
  /** Told what the reader is doing (the data panel's progress line); the worker passes it on to the page. */
  progress?: ImportProgress;
}

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

function resolveOptions(ctx: ImportContext): { options: ImportOptions; issues: Issue[]; province: ImportResult['province'] } {
  const issues: Issue[] = [];
  let province: ImportResult['province'] = null;
  if (ctx.province) {
    const p = findProvince(ctx.units, ctx.province);
    if (p) province = { code: p.province_code, name: p.province_name, source: 'caller' };
    else issues.push(issue('province_unknown', { value: ctx.province }));
  }
  return {
    options: { currentYear: ctx.currentYear, criteriaCount: ctx.criteriaCount ?? 19, defaultYear: ctx.defaultYear ?? null, provinceCode: province?.code ?? null },
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
    detected: null,
    rows: [],
    report: buildReport([], noRows, fileIssues),
    fileIssues,
    options,
  };
}

/** The file refused: `unread` rows (the file's, when known) are counted as not read; null keeps the report's buckets. */
function fail(result: ImportResult, code: IssueCode, params: MessageParams, where: Message, unread: number | null): ImportResult {
  const i = issue(code, params);
  const error: FileError = { code, message: i.message, where };
  const fileIssues = [...result.fileIssues, i];
  const layout = unread === null ? layoutOf(result.report) : { ...noRows, rowsInFile: unread, unread };
  return { ...result, ok: false, error, fileIssues, report: buildReport(result.rows, layout, fileIssues) };
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
    return fail(emptyResult(file, options, province, []), 'internal_error', { detail: e instanceof Error ? e.message : String(e) }, msg('import.where.import'), 0);
  }
}

async function importTableUnsafe(file: ImportFile, ctx: ImportContext): Promise<ImportResult> {
  const { options, issues: optionIssues, province: callerProvince } = resolveOptions(ctx);
  let result = emptyResult(file, options, callerProvince, optionIssues);
  const fileIssues: Issue[] = [...optionIssues];
  const { maxRows, maxColumns } = IMPORT_LIMITS;
  const progress = ctx.progress;

  progress?.('decode');
  const kind = sniff(file.bytes);
  if (kind.kind === 'error') return fail(result, kind.code, kind.params, kind.where, 0);

  // 1. parse
  let grid: GridWithProblems;
  let encoding: ImportResult['encoding'];
  if (kind.kind === 'zip') {
    const workbook = msg('import.where.workbook');
    try {
      grid = await readXlsx(file.bytes, { sheet: ctx.sheet });
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      const where = e.code === 'no_sheet' && ctx.sheet ? msg('import.where.sheet', { sheet: ctx.sheet }) : workbook;
      return fail(result, e.code, e.params, where, typeof e.params.rows === 'number' ? e.params.rows : 0);
    }
    encoding = convertLegacyCells(grid);
    result = { ...result, format: 'xlsx', sheet: grid.sheet, sheets: grid.sheets };
  } else {
    let bytes = file.bytes;
    if (kind.nul > 0) {
      bytes = bytes.filter((b) => b !== 0);
      fileIssues.push(issue('nul_removed', { count: kind.nul }));
    }
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    result = { ...result, encoding, fileIssues: [...fileIssues] };
    if (decoded.text.trim() === '') return fail(result, 'empty_file', {}, msg('import.where.blankFile'), lineCount(decoded.text));
    const lines = lineCount(decoded.text);
    if (lines > maxRows) return fail(result, 'too_many_rows', { rows: lines, max: maxRows }, msg('import.where.file'), lines);
    grid = parseDelimited(decoded.text, { preferDelimiter: extOf(file.name) === 'tsv' ? '\t' : null });
    result = { ...result, format: grid.delimiter === '\t' ? 'tsv' : 'csv' };
  }
  result = { ...result, encoding };
  if (encoding?.note.mixed) fileIssues.push(issue('encoding_mixed', { note: encoding.note.sentences }));
  else if (encoding && (encoding.note.converted || encoding.name === 'tcvn3' || encoding.name === 'vni' || encoding.name === 'windows-1258')) {
    fileIssues.push(issue('encoding_converted', { note: encoding.note.sentences }));
  }
  if (encoding?.note.uncertain) fileIssues.push(issue('encoding_uncertain', { note: encoding.note.sentences }));
  for (const p of grid.problems.slice(0, 20)) fileIssues.push(issue('csv_malformed', { row: p.row, detail: p.problem }, { row: p.row }));
  const controls = removeControls(grid);
  if (controls) fileIssues.push(controls);
  result = { ...result, fileIssues: [...fileIssues] };
  const rowsInFile = grid.rows.length;
  const width = grid.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  if (width > maxColumns) return fail(result, 'too_many_columns', { columns: width, max: maxColumns }, msg('import.where.file'), rowsInFile);

  // 2. table; a targets table (targets per province and year) has its own reader
  progress?.('header');
  const targetsHeader = findTargetsHeader(grid);
  if (targetsHeader) return { ...result, fileIssues: [...fileIssues], ...targetsOf(grid, targetsHeader, ctx, fileIssues) };
  const found = findTable(grid);
  const place = grid.sheet ? msg('import.where.sheet', { sheet: grid.sheet }) : msg('import.where.file');
  if (!found.ok) {
    if (found.reason === 'no_unit_column') {
      const rows = [...new Set([found.headerRows[0], found.headerRows[found.headerRows.length - 1]])].join('-');
      const where = found.headerRows.length > 1 ? msg('import.where.rows', { place, rows }) : msg('import.where.row', { place, row: rows });
      return fail(result, 'no_unit_column', { rows, headers: found.headers.join(', ') }, where, rowsInFile);
    }
    const where = found.searchedRows.length ? msg('import.where.rows', { place, rows: `${found.searchedRows[0]}-${found.searchedRows[1]}` }) : place;
    return fail(result, 'no_header', { where }, where, rowsInFile);
  }
  const layout = found.layout;
  fileIssues.push(...columnIssues(layout.columns, layout.multidimensionalRateColumns));

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

  // 4. year: column > header > title > file name > default
  const { year: fileYear, issues: yearIssues } = fileYearOf(layout, file.name, opts.defaultYear);
  fileIssues.push(...yearIssues);

  // 5. rows: values first, then the province the rows fit, then matching
  const col = (f: CanonicalField) => {
    const c = layout.columns.find((x) => x.field === f);
    return c ? { column: c.header, columnIndex: c.index } : { column: null, columnIndex: null };
  };
  const data: [ClassifiedRow, Extracted][] = [];
  const skipped: SkippedRow[] = [];
  let blank = 0;
  const valuesDone = rowProgress(progress, 'values', layout.rows.length);
  for (const [i, r] of layout.rows.entries()) {
    valuesDone(i);
    if (r.kind === 'blank') blank++;
    else if (r.kind !== 'data') skipped.push({ row: r.rowNumber, kind: r.kind, text: r.text });
    else data.push([r, extractRow(r.rowNumber, r.cells, layout.columns, opts.criteriaCount)]);
  }
  const vintage = ctx.vintage ?? 'before2025';
  opts.vintage = vintage;
  const guess = scoreProvinces(
    data.map(([r, ex]) => ({ code: ex.values.commune_code, name: ex.values.commune_name, district: ex.values.district_name ?? r.group.district })),
    [{ vintage, index: ctx.units }, ...(ctx.candidates ?? [])],
    opts.provinceCode,
  );
  const detected = proposal(guess, opts.provinceCode, vintage);
  if (detected) {
    const params = { name: detected.province_name, matched: detected.matched, scored: detected.scored, scopeMatched: detected.scopeMatched, scope: province?.name ?? '' };
    fileIssues.push(issue('province_detected', { ...params, context: detected.vintage !== vintage ? 'vintage' : undefined }));
  }
  const suggestFrom = detected && detected.vintage === vintage ? detected.province_code : null;
  const matcher = new Matcher(ctx.units);
  const codeColumn = col('commune_code');
  const nameColumn = col('commune_name');
  const districtColumn = col('district_name');
  const matched = rowProgress(progress, 'match', data.length);
  const rows: ImportedRow[] = data.map(([r, ex], i) => {
    matched(i);
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
      suggestFrom,
      codeColumn,
      nameColumn,
      districtColumn: ex.values.district_name ? districtColumn : { column: null, columnIndex: null },
    });
    return {
      sourceRow: r.rowNumber,
      commune_code: m.unit?.commune_code ?? null,
      match: m.match,
      unit: m.unit,
      suggestions: m.suggestions,
      values: ex.values,
      raw: ex.raw,
      yearSource,
      groupHeading: r.group.district ?? r.group.province,
      duplicateOf: null,
      conflictWith: null,
      messages: [...ex.messages, ...m.messages],
      rejected: false,
    };
  });

  progress?.('validate');
  const validated = validateRows(rows, layout.columns, opts);
  result = {
    ...result,
    headerRows: layout.headerRows,
    titleRows: layout.titleRows,
    columns: layout.columns,
    year: fileYear,
    province,
    detected,
    options: opts,
    rows: validated,
    fileIssues: [...fileIssues],
    report: buildReport(validated, { rowsInFile, above: layout.aboveCount, skipped, blank, unread: 0 }, fileIssues),
  };
  if (!validated.length) return fail(result, 'no_data_rows', {}, msg('import.where.belowRow', { place, row: layout.headerRows[layout.headerRows.length - 1] }), null);
  return result;
}

/** A targets table's rows, read with the province lists of both vintages (the one matched against and the candidates). */
function targetsOf(grid: GridWithProblems, header: TargetsHeader, ctx: ImportContext, fileIssues: Issue[]): Pick<ImportResult, 'targets' | 'headerRows' | 'report'> {
  const units = Object.fromEntries([...(ctx.candidates ?? []).map((c) => [c.vintage, c.index] as const), [ctx.vintage ?? 'before2025', ctx.units] as const]);
  const targets = readTargets(grid, header, { units, indicators: ctx.targetIndicators ?? [] });
  const layout = { ...noRows, rowsInFile: targets.rowsInFile, above: targets.headerRows, blank: targets.blankRows, unread: targets.targets.length + targets.refused.length };
  return { targets, headerRows: [targets.headerRow], report: buildReport([], layout, fileIssues) };
}

/** Columns not recognised (one by one, or in one message when there are many), taken twice, or ambiguous; in column order. */
function columnIssues(columns: ImportResult['columns'], multidimensional: number[]): Issue[] {
  const out: Issue[] = [];
  const unknown = columns.filter((c) => c.role === 'unknown');
  const grouped = unknown.length > 3;
  for (const c of columns) {
    if (c.role === 'unknown' && !grouped) out.push(issue('column_unrecognised', { header: c.header || msg('import.emptyHeader') }, { column: c.header, columnIndex: c.index }));
    else if (c.role === 'unknown' && c === unknown[0]) {
      // an empty header is named by its column letter
      const headers = unknown.slice(0, 8).map((u) => (u.header ? `"${u.header}"` : columnLetter(u.index)));
      const more = unknown.length - 8;
      out.push(issue('columns_unrecognised', { count: unknown.length, headers: headers.join(', '), more, context: more > 0 ? 'more' : undefined }));
    } else if (c.role === 'duplicate') {
      const m = recogniseHeader(c.header).field;
      const other = columns.find((x) => x.field === m);
      out.push(issue('column_duplicate_field', { header: c.header, other: other?.header ?? '', field: m ? msg(`import.field.${m}`) : '' }, { column: c.header, columnIndex: c.index }));
    }
  }
  for (const i of multidimensional) {
    const c = columns.find((x) => x.index === i)!;
    out.push(issue('column_multidimensional_rate', { header: c.header }, { column: c.header, columnIndex: c.index }));
  }
  return out;
}
