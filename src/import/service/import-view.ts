import type { ImportedRow, ImportReport, ImportResult, Issue, IssueCode } from '..';

/** How many warnings and errors the report lists; the rest are counted. */
export const listedIssues = 200;

/** The report as the panel shows it: the counts, and the warnings and errors listed (info left out). */
export interface ImportReportView extends Omit<ImportReport, 'issues'> {
  /** the first `listedIssues` warnings and errors, file-level first, then by row and column */
  issues: Issue[];
  /** warnings and errors in all */
  issueCount: number;
  /** error-level issues (rows rejected and why) by code */
  errorsByCode: Partial<Record<IssueCode, number>>;
  /** the first five error-level issues */
  firstErrors: Issue[];
}

/**
 * What the main thread gets of a file read in the import worker: everything of the ImportResult except the
 * rows, which stay in the worker (a 100,000-row result is ~70 MB to copy). Rows a person must resolve come along;
 * choosing their unit, and turning accepted rows into the model's tables, happen in the worker (by `handle`).
 */
export interface ImportView extends Omit<ImportResult, 'rows' | 'report'> {
  /** the worker's key for the full result */
  handle: number;
  report: ImportReportView;
  /** ambiguous and unmatched rows, in file order */
  toResolve: ImportedRow[];
}

export function importView(result: ImportResult, handle: number): ImportView {
  const { rows, report, ...rest } = result;
  const { issues: all, ...counts } = report;
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
  return {
    ...rest,
    handle,
    report: { ...counts, issues, issueCount, errorsByCode, firstErrors },
    toResolve: rows.filter((r) => r.match === 'ambiguous' || r.match === 'unmatched'),
  };
}
