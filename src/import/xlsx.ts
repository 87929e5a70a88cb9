/**
 * Reading an XLSX: its ZIP container first (a file cut short is called truncated, one whose parts do not unpack
 * damaged, a "zip bomb" or a workbook over the size limit is refused before anything is unpacked), then the
 * sheet's row count from its <dimension> (a sheet over the row limit is refused before it is parsed), then the
 * cells: with exceljs's Workbook for ordinary files, as a stream (xlsx-stream.ts) for large ones.
 */
import { msg } from '../i18n/message';
import { IMPORT_LIMITS } from './limits';
import { parseXlsx, XlsxError, type GridWithProblems } from './parse';
import { dimensionRows, streamSheet, workbookParts } from './xlsx-stream';
import { checkSizes, localNames, zipEntries, ZipError, type ZipEntry } from './zip';

/** The ZIP's entries, or the diagnosis of why they cannot be read. */
function entriesOf(bytes: Uint8Array): ZipEntry[] {
  try {
    const entries = zipEntries(bytes);
    checkSizes(entries);
    return entries;
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.reason === 'bomb') throw new XlsxError('zip_bomb', { part: e.part ?? '', ratio: IMPORT_LIMITS.maxPackRatio });
    if (e.reason === 'too_large') throw new XlsxError('too_large', { max: IMPORT_LIMITS.maxUnpackedBytes / 2 ** 20, context: 'unpacked' });
    if (e.reason === 'damaged') throw new XlsxError('xlsx_damaged', { part: e.part ?? '' });
    // the end of the file is missing: say what it was, from the parts whose headers are still there
    const names = localNames(bytes);
    const xlsx = names.some((n) => n.startsWith('xl/') || n === '[Content_Types].xml');
    throw new XlsxError('xlsx_truncated', xlsx ? {} : { context: 'zip' });
  }
}

/**
 * The grid of one sheet (the named one, or the first with content), with every sheet listed. Throws XlsxError
 * with the diagnosis when the workbook cannot or may not be read.
 */
export async function readXlsx(bytes: Uint8Array, opts: { sheet?: string } = {}): Promise<GridWithProblems> {
  const entries = entriesOf(bytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    const word = entries.some((e) => e.name.startsWith('word/'));
    throw new XlsxError('not_a_table', { kind: msg(word ? 'import.fileKind.docx' : 'import.fileKind.zip') });
  }
  const parts = await unpacked(() => workbookParts(bytes, entries));
  const candidates = opts.sheet !== undefined ? parts.sheets.filter((s) => s.name === opts.sheet) : parts.sheets;
  if (!candidates.length) throw new XlsxError('no_sheet', { sheet: opts.sheet ?? '' });
  const { maxRows, streamAboveSheetBytes } = IMPORT_LIMITS;
  for (const sheet of candidates) {
    const rows = await unpacked(() => dimensionRows(bytes, sheet.entry));
    if (rows !== null && rows > maxRows) throw new XlsxError('too_many_rows', { rows, max: maxRows });
  }
  const cellBytes = parts.sheets.reduce((n, s) => n + s.entry.size, 0) + (parts.sharedStrings?.size ?? 0);
  let grid: GridWithProblems;
  if (cellBytes <= streamAboveSheetBytes) grid = await parseXlsx(bytes, opts);
  else {
    grid = await unpacked(async () => {
      for (const sheet of candidates) {
        const g = await streamSheet(bytes, parts, sheet);
        if (g.rows.length > 0 || opts.sheet !== undefined) {
          const sheets = await Promise.all(parts.sheets.map(async (s) => ({ name: s.name, rows: s === sheet ? g.sheets[0].rows : ((await dimensionRows(bytes, s.entry)) ?? 0) })));
          return { ...g, sheets };
        }
      }
      throw new XlsxError('no_sheet', { sheet: '' });
    });
  }
  if (grid.rows.length > maxRows) throw new XlsxError('too_many_rows', { rows: grid.rows.length, max: maxRows });
  return grid;
}

/** Runs a step that unpacks parts: a part that turns out damaged, cut short or a bomb is diagnosed as such. */
async function unpacked<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.reason === 'bomb') throw new XlsxError('zip_bomb', { part: e.part ?? '', ratio: IMPORT_LIMITS.maxPackRatio });
    if (e.reason === 'truncated') throw new XlsxError('xlsx_truncated', {});
    throw new XlsxError('xlsx_damaged', { part: e.part ?? '' });
  }
}
