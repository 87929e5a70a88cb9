/** The import report: counts of rows read, matched, ambiguous, unmatched, rejected, skipped, and all issues. */
import type { ImportedRow, ImportReport, ImportResult, Issue, SkippedRow } from './types';
import { validateRows } from './validate';

/** skipped: non-blank rows that are not data (totals, headings, numbering, notes); blank rows are only counted. */
export function buildReport(rows: ImportedRow[], skipped: SkippedRow[], blankRows: number, fileIssues: Issue[]): ImportReport {
  const count = (p: (r: ImportedRow) => boolean) => rows.filter(p).length;
  const matchedByCode = count((r) => r.match === 'code');
  const matchedByName = count((r) => r.match === 'name');
  const matchedManually = count((r) => r.match === 'manual');
  const matched = matchedByCode + matchedByName + matchedManually;
  const rowIssues = rows
    .flatMap((r) => r.messages)
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.columnIndex ?? -1) - (b.columnIndex ?? -1));
  const issues = [...fileIssues, ...rowIssues];
  return {
    read: rows.length,
    matched,
    matchedByCode,
    matchedByName,
    matchedManually,
    ambiguous: count((r) => r.match === 'ambiguous'),
    unmatched: count((r) => r.match === 'unmatched'),
    excluded: count((r) => r.match === 'excluded'),
    rejected: count((r) => r.rejected),
    accepted: count((r) => (r.match === 'code' || r.match === 'name' || r.match === 'manual') && !r.rejected),
    skippedTotals: skipped.filter((s) => s.kind === 'total').length,
    skippedHeadings: skipped.filter((s) => s.kind === 'district_heading').length,
    skippedNotes: skipped.filter((s) => s.kind === 'note' || s.kind === 'numbering').length,
    skippedBlank: blankRows,
    skipped,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    issues,
  };
}

/** Re-validate rows (duplicates can change when a row is resolved) and rebuild the report. */
export function finalize(result: ImportResult, rows: ImportedRow[]): ImportResult {
  const validated = validateRows(rows, result.columns, result.options);
  return { ...result, rows: validated, report: buildReport(validated, result.report.skipped, result.report.skippedBlank, result.fileIssues) };
}
