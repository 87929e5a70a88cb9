/**
 * The year of a file's figures: each row's year column, else one year for the file taken from the column
 * headers ("Số hộ nghèo năm 2023"), the title rows, the file name ("bao_cao_2023.xlsx"), or the year the user
 * typed or was shown in the year box, in that order, and the report says which. With a year column, a year in
 * the headers or the title fills blank year cells; the file name and the year box do not (a blank is reported).
 * A year outside the programme's years (src/common/programme.ts) is refused with the range named.
 */
import { PROGRAMME_YEARS } from '../common/programme';
import { issue } from './issues';
import type { TableLayout } from './table';
import type { ImportResult, Issue } from './types';

/** A year written once in a file name (not a range such as "2021-2025", not part of a longer number). */
export function yearInFileName(name: string): number | null {
  const stem = name.replace(/\.[a-z0-9]{1,5}$/i, '');
  const years = [...new Set([...stem.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0] : null;
}

export const inProgrammeYears = (year: number) => year >= PROGRAMME_YEARS.first && year <= PROGRAMME_YEARS.last;

/** The file-level year and the issues that say where it came from (or that there is none, or that it is refused). */
export function fileYearOf(layout: TableLayout, fileName: string, defaultYear: number | null): { year: ImportResult['year']; issues: Issue[] } {
  const issues: Issue[] = [];
  const yearCol = layout.columns.find((c) => c.field === 'year');
  const headerYears = [...new Set(layout.columns.filter((c) => c.field && c.year !== null).map((c) => c.year!))];
  const fromName = yearInFileName(fileName);
  let year: ImportResult['year'] = { value: null, source: 'none', header: null, row: null };
  if (headerYears.length === 1) {
    const col = layout.columns.find((c) => c.field && c.year === headerYears[0])!;
    year = { value: headerYears[0], source: 'header', header: col.header, row: null };
    issues.push(issue('year_from_header', { year: headerYears[0], header: col.header }, { column: col.header, columnIndex: col.index }));
  } else if (headerYears.length > 1) {
    issues.push(issue('year_conflict', { years: headerYears.join(', ') }));
  } else if (layout.titleYear !== null) {
    const t = layout.titleRows.find((r) => r.text.includes(String(layout.titleYear)));
    year = { value: layout.titleYear, source: 'title', header: null, row: t?.row ?? null };
    issues.push(issue('year_from_title', { year: layout.titleYear, row: t?.row ?? '' }));
  } else if (yearCol) {
    // each row has its year: a file name or the year box (which always shows a year) would only hide blank cells
  } else if (fromName !== null) {
    year = { value: fromName, source: 'filename', header: null, row: null };
    issues.push(issue('year_from_filename', { year: fromName, file: fileName }));
  } else if (defaultYear !== null) {
    year = { value: defaultYear, source: 'default', header: null, row: null };
    issues.push(issue('year_from_default', { year: defaultYear }));
  }
  if (year.value !== null && !inProgrammeYears(year.value)) {
    issues.push(issue('year_out_of_range', { value: year.value, first: PROGRAMME_YEARS.first, last: PROGRAMME_YEARS.last }));
  }
  if (yearCol && year.value === null) year = { value: null, source: 'column', header: yearCol.header, row: null };
  if (!yearCol && year.value === null) issues.push(issue('year_missing'));
  return { year, issues };
}
