import type { ImportedRow, ImportReport, ImportResult, Issue, IssueCode, SkippedRow } from '..';
import { resolutionsOf, type FileResolutions } from '../resolutions';

/** How many warnings and errors the report lists; the rest are counted. */
export const listedIssues = 200;
/** How many rows to resolve, sets of conflicting rows and skipped rows the view carries; the rest are counted. */
export const listedRows = 200;

/** The report as the panel shows it: the counts, and the warnings and errors listed (info left out). */
export interface ImportReportView extends Omit<ImportReport, 'issues' | 'skipped'> {
  /** the first `listedIssues` warnings and errors, file-level first, then by row and column */
  issues: Issue[];
  /** warnings and errors in all */
  issueCount: number;
  /** error-level issues (rows rejected and why) by code */
  errorsByCode: Partial<Record<IssueCode, number>>;
  /** the first five error-level issues */
  firstErrors: Issue[];
  /** the first `listedRows` skipped rows (report.skipped in all: buckets) */
  skipped: SkippedRow[];
  /** rows whose year is missing or outside the programme's years (the apply button says so) */
  withoutYear: number;
}

/** Rows that give one unit and year with different figures: the user keeps one of them, or none. */
export interface ConflictSet {
  /** one row per version, in file order */
  rows: ImportedRow[];
}

/**
 * What the main thread gets of a file read in the import worker: everything of the ImportResult except the
 * rows, which stay in the worker (a 100,000-row result is ~70 MB to copy). Rows a person must resolve come along
 * (the first `listedRows`); choosing their unit, and turning accepted rows into the model's tables, happen in
 * the worker (by `handle`).
 */
export interface ImportView extends Omit<ImportResult, 'rows' | 'report'> {
  /** the worker's key for the full result */
  handle: number;
  report: ImportReportView;
  /** ambiguous and unmatched rows, in file order (the first `listedRows` of toResolveCount) */
  toResolve: ImportedRow[];
  toResolveCount: number;
  /** sets of conflicting rows, in file order (the first `listedRows` of report.conflicts' sets) */
  conflicts: ConflictSet[];
  /** the choices made so far in the fix-up list (saved as a resolutions file: ../resolutions.ts) */
  resolutions: FileResolutions;
}

const NO_YEAR = new Set<IssueCode>(['year_blank', 'year_out_of_range', 'year_invalid']);

export function importView(result: ImportResult, handle: number): ImportView {
  const { rows, report, ...rest } = result;
  const { issues: all, skipped, ...counts } = report;
  const issues: Issue[] = [];
  const firstErrors: Issue[] = [];
  const errorsByCode: Partial<Record<IssueCode, number>> = {};
  let issueCount = 0;
  for (const i of all) {
    if (i.severity === 'info') continue;
    issueCount++;
    if (issues.length < listedIssues) issues.push(i);
    if (i.severity === 'error') {
      errorsByCode[i.code] = (errorsByCode[i.code] ?? 0) + 1;
      if (firstErrors.length < 5) firstErrors.push(i);
    }
  }
  const toResolve: ImportedRow[] = [];
  let toResolveCount = 0;
  let withoutYear = 0;
  const conflicts: ConflictSet[] = [];
  const bySource = new Map<number, ImportedRow>();
  for (const r of rows) if (r.conflictWith) bySource.set(r.sourceRow, r);
  for (const r of rows) {
    if (r.match === 'ambiguous' || r.match === 'unmatched') {
      toResolveCount++;
      if (toResolve.length < listedRows) toResolve.push(r);
    }
    if (r.match !== 'excluded' && r.duplicateOf === null && r.messages.some((m) => NO_YEAR.has(m.code) && m.severity === 'error')) withoutYear++;
    // a set is listed once, at its first row
    if (r.conflictWith && conflicts.length < listedRows && r.conflictWith.every((n) => n > r.sourceRow)) {
      conflicts.push({ rows: [r, ...r.conflictWith.map((n) => bySource.get(n)!).filter(Boolean)] });
    }
  }
  return {
    ...rest,
    handle,
    report: { ...counts, issues, issueCount, errorsByCode, firstErrors, skipped: skipped.slice(0, listedRows), withoutYear },
    toResolve,
    toResolveCount,
    conflicts,
    resolutions: resolutionsOf(result),
  };
}
