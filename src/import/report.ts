/** The import report: where every row of the file went (buckets that add up to its rows), counts, and all issues. */
import type { ImportedRow, ImportReport, ImportResult, Issue, RowBucket, RowBuckets, SkippedRow } from './types';
import { ROW_BUCKETS } from './types';
import { modelRowsOf, validateRows } from './validate';

/** The bucket of a data row: left out by the user, a copy, to resolve, in conflict, refused, empty, or to be loaded. */
export function bucketOf(r: ImportedRow): RowBucket {
  if (r.match === 'excluded') return 'excluded';
  if (r.duplicateOf !== null) return 'duplicate';
  if (r.match === 'ambiguous') return 'ambiguous';
  if (r.match === 'unmatched') return 'unmatched';
  if (r.conflictWith) return 'conflict';
  if (r.rejected) return 'rejected';
  const parts = modelRowsOf(r);
  return parts.communeYear || parts.poverty || parts.sponsorship ? 'accepted' : 'empty';
}

/** The rows of a file that are not data rows: above the table (titles, header), skipped, blank, unread. */
export interface LayoutCounts {
  rowsInFile: number;
  /** title rows, blank rows above the table and the header block */
  above: number;
  skipped: SkippedRow[];
  blank: number;
  /** rows not read because the file was refused or is not a table */
  unread: number;
}

export const noRows: LayoutCounts = { rowsInFile: 0, above: 0, skipped: [], blank: 0, unread: 0 };

/** skipped: non-blank rows that are not data (totals, headings, numbering, notes); blank rows are only counted. */
export function buildReport(rows: ImportedRow[], layout: LayoutCounts, fileIssues: Issue[]): ImportReport {
  const buckets = Object.fromEntries(ROW_BUCKETS.map((b) => [b, 0])) as RowBuckets;
  let matchedByCode = 0;
  let matchedByName = 0;
  let matchedManually = 0;
  let rejected = 0;
  for (const r of rows) {
    buckets[bucketOf(r)]++;
    if (r.match === 'code') matchedByCode++;
    else if (r.match === 'name') matchedByName++;
    else if (r.match === 'manual') matchedManually++;
    if (r.rejected) rejected++;
  }
  const { skipped } = layout;
  const kind = (...k: SkippedRow['kind'][]) => skipped.filter((s) => k.includes(s.kind)).length;
  buckets.totals = kind('total', 'subtotal');
  buckets.headings = kind('district_heading');
  buckets.notes = kind('note', 'numbering');
  buckets.blank = layout.blank;
  buckets.header = layout.above;
  buckets.unread = layout.unread;
  const rowIssues = rows
    .flatMap((r) => r.messages)
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.columnIndex ?? -1) - (b.columnIndex ?? -1));
  const issues = [...fileIssues, ...rowIssues];
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
  }
  return {
    rowsInFile: layout.rowsInFile,
    buckets,
    read: rows.length,
    matched: matchedByCode + matchedByName + matchedManually,
    matchedByCode,
    matchedByName,
    matchedManually,
    ambiguous: buckets.ambiguous,
    unmatched: buckets.unmatched,
    excluded: buckets.excluded,
    rejected,
    accepted: buckets.accepted,
    duplicates: buckets.duplicate,
    conflicts: buckets.conflict,
    skippedTotals: buckets.totals,
    skippedHeadings: buckets.headings,
    skippedNotes: buckets.notes,
    skippedBlank: layout.blank,
    skipped,
    errors,
    warnings,
    issues,
  };
}

/** The layout counts a report was built with (to rebuild it after the user settles rows). */
export const layoutOf = (r: ImportReport): LayoutCounts => ({ rowsInFile: r.rowsInFile, above: r.buckets.header, skipped: r.skipped, blank: r.skippedBlank, unread: r.buckets.unread });

/** Re-validate rows (duplicates can change when a row is resolved) and rebuild the report. */
export function finalize(result: ImportResult, rows: ImportedRow[]): ImportResult {
  const validated = validateRows(rows, result.columns, result.options);
  return { ...result, rows: validated, report: buildReport(validated, layoutOf(result.report), result.fileIssues) };
}
