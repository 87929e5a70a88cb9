/**
 * Row/column validation of imported rows: rates outside 0-100, criteria outside 0..N, poor/near-poor above the
 * household count, negative counts, rows without a usable year (none, or outside the programme's years), future
 * years, rates that disagree with their counts, rates without counts (the model stores numerators and
 * denominators), and rows given twice (duplicates.ts: exact copies counted once, differing versions held back).
 */
import { criteriaCountOfYear, FIRST_POST_REFORM_YEAR, PROGRAMME_YEARS } from '../common/programme';
import { vintageOfYear } from '../common/vintage';
import { msg } from '../i18n/message';
import { findDuplicates } from './duplicates';
import { issue } from './issues';
import { unitVintageOf, type CanonicalField, type ColumnInfo, type ImportedRow, type ImportOptions, type Issue, type IssueCode } from './types';

/** Codes produced here: re-validation (after the user resolves a row) replaces exactly these. */
export const VALIDATION_CODES = new Set<IssueCode>([
  'rate_out_of_range',
  'criteria_out_of_range',
  'poor_gt_households',
  'near_poor_gt_households',
  'poor_plus_near_poor_gt_households',
  'duplicate_collapsed',
  'duplicate_conflict',
  'future_year',
  'year_other_vintage',
  'year_out_of_range',
  'negative_count',
  'rate_mismatch',
  'rate_without_counts',
  'tier_criteria_inconsistent',
  'urban_unit_ntm',
  'no_values',
  'nothing_to_load',
  'year_blank',
]);

type ColumnOf = (f: CanonicalField) => { column: string | null; columnIndex: number | null };

const noColumn = Object.freeze({ column: null, columnIndex: null });

/** The column of each field (one frozen object per field, shared by every call). */
export function columnLookup(columns: ColumnInfo[]): ColumnOf {
  const byField = new Map(columns.filter((c) => c.field).map((c) => [c.field!, Object.freeze({ column: c.header, columnIndex: c.index })]));
  return (f) => byField.get(f) ?? noColumn;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

const RATE_FIELDS = ['poor_rate', 'near_poor_rate'] as const;
const COUNT_FIELDS = ['households', 'poor', 'near_poor'] as const;
const RATE_PAIRS = [
  ['poor_rate', 'poor'],
  ['near_poor_rate', 'near_poor'],
] as const;
const FIGURES: CanonicalField[] = ['criteria_met_count', 'tier', 'recognised_year', 'decision_no', 'households', 'poor', 'near_poor', 'poor_rate', 'near_poor_rate', 'sponsor_org'];

/** Checks of one row on its own. */
export function validateRow(row: ImportedRow, colOf: ColumnOf, opts: ImportOptions): Issue[] {
  const v = row.values;
  const at = (f: CanonicalField) => ({ row: row.sourceRow, ...colOf(f) });
  const out: Issue[] = [];
  // criteria are counted out of the set of the row's year (19 to 2025, 10 from 2026)
  const max = (v.year !== null ? criteriaCountOfYear(v.year) : null) ?? opts.criteriaCount;

  for (const f of RATE_FIELDS) {
    const r = v[f];
    if (r !== null && (r < 0 || r > 100)) out.push(issue('rate_out_of_range', { value: r }, at(f)));
  }
  const c = v.criteria_met_count;
  if (c !== null && (c < 0 || c > max)) out.push(issue('criteria_out_of_range', { value: c, max }, at('criteria_met_count')));
  for (const f of COUNT_FIELDS) {
    const n = v[f];
    if (n !== null && n < 0) out.push(issue('negative_count', { value: n }, at(f)));
  }
  const h = v.households;
  if (h !== null && h >= 0) {
    const poorOver = v.poor !== null && v.poor > h;
    const nearOver = v.near_poor !== null && v.near_poor > h;
    if (poorOver) out.push(issue('poor_gt_households', { poor: v.poor, households: h }, at('poor')));
    if (nearOver) out.push(issue('near_poor_gt_households', { near_poor: v.near_poor, households: h }, at('near_poor')));
    if (!poorOver && !nearOver && v.poor !== null && v.near_poor !== null && v.poor + v.near_poor > h) {
      out.push(issue('poor_plus_near_poor_gt_households', { sum: v.poor + v.near_poor, households: h }, at('near_poor')));
    }
  }
  // rate vs counts
  for (const [rf, nf] of RATE_PAIRS) {
    const rate = v[rf];
    if (rate === null) continue;
    const num = v[nf];
    if (num === null || h === null) {
      out.push(issue('rate_without_counts', {}, at(rf)));
      continue;
    }
    if (h > 0 && num >= 0 && num <= h && rate >= 0 && rate <= 100) {
      const computed = (100 * num) / h;
      if (Math.abs(computed - rate) > 0.1 + 1e-9) out.push(issue('rate_mismatch', { rate, num, den: h, computed: round(computed) }, at(rf)));
    }
  }
  // years: a row without a usable year cannot be loaded
  const hasYearColumn = colOf('year').column !== null;
  if (v.year === null && !row.messages.some((m) => m.code === 'year_invalid')) {
    out.push(issue('year_blank', { context: hasYearColumn ? undefined : 'noColumn' }, hasYearColumn ? at('year') : { row: row.sourceRow }));
  }
  const yearWhere = row.yearSource === 'column' ? at('year') : { row: row.sourceRow, column: null, columnIndex: null };
  if (v.year !== null && (v.year < PROGRAMME_YEARS.first || v.year > PROGRAMME_YEARS.last)) {
    out.push(issue('year_out_of_range', { value: v.year, first: PROGRAMME_YEARS.first, last: PROGRAMME_YEARS.last }, yearWhere));
  } else if (v.year !== null && v.year > opts.currentYear) {
    out.push(issue('future_year', { value: v.year, current: opts.currentYear }, yearWhere));
  }
  // rows of 2026 on are keyed by post-reform codes, earlier ones by 2024 codes (src/common/vintage.ts): a code read in
  // the other list would land on another unit (44, 19597 exist in both)
  const inProgramme = v.year !== null && v.year >= PROGRAMME_YEARS.first && v.year <= PROGRAMME_YEARS.last;
  if (inProgramme && v.year !== null && opts.vintage && unitVintageOf(vintageOfYear(v.year)) !== opts.vintage) {
    out.push(issue('year_other_vintage', { value: v.year, first: FIRST_POST_REFORM_YEAR, context: opts.vintage }, yearWhere));
  }
  if (v.recognised_year !== null && v.recognised_year > opts.currentYear) {
    out.push(issue('future_year', { value: v.recognised_year, current: opts.currentYear }, at('recognised_year')));
  }
  // tier vs criteria
  if (v.tier && v.tier !== 'chua_dat' && c !== null && c >= 0 && c < max) {
    out.push(issue('tier_criteria_inconsistent', { tier: msg(`status.${v.tier}`), criteria: c, max }, at('tier')));
  }
  // urban units are outside the NTM commune scope
  if (row.unit && row.unit.commune_type !== 'Xã' && (v.criteria_met_count !== null || (v.tier !== null && v.tier !== 'chua_dat'))) {
    const type = msg(row.unit.commune_type === 'Phường' ? 'import.unitType.ward' : 'import.unitType.township');
    out.push(issue('urban_unit_ntm', { unit_name: row.unit.commune_name, type }, at(v.criteria_met_count !== null ? 'criteria_met_count' : 'tier')));
  }
  const hasRaw = FIGURES.some((f) => row.raw[f] !== undefined && row.raw[f] !== null);
  if (!hasRaw) out.push(issue('no_values', {}, { row: row.sourceRow }));
  // a matched row the model has no place for (a rate without counts, NTM figures of a ward) is not "to be imported"
  const parts = modelRowsOf(row);
  if (row.unit && !parts.communeYear && !parts.poverty && !parts.sponsorship) out.push(issue('nothing_to_load', {}, { row: row.sourceRow }));
  return out;
}

/**
 * The rows of the model a row gives (import-rows.ts writes them): NTM figures of a commune (xã) a commune-year,
 * household counts a poverty row, an organisation a sponsorship. Declared here so that the report's "to be
 * imported" and what is loaded are the same rows.
 */
export function modelRowsOf(row: ImportedRow): { communeYear: boolean; poverty: boolean; sponsorship: boolean } {
  const v = row.values;
  const hasNtm = v.criteria_met_count !== null || v.tier !== null || v.recognised_year !== null;
  return {
    communeYear: hasNtm && row.unit?.commune_type === 'Xã',
    poverty: v.households !== null || v.poor !== null || v.near_poor !== null,
    sponsorship: v.sponsor_org !== null,
  };
}

const byColumn = (a: Issue, b: Issue) => (a.columnIndex ?? -1) - (b.columnIndex ?? -1);

/**
 * Validate all rows: returns new rows whose validation messages are recomputed (other messages kept), with
 * copies and conflicting versions of a unit-year marked (duplicateOf, conflictWith), and `rejected` updated.
 */
export function validateRows(rows: ImportedRow[], columns: ColumnInfo[], opts: ImportOptions): ImportedRow[] {
  const colOf = columnLookup(columns);
  const dups = findDuplicates(rows, colOf('year'));
  return rows.map((r, i) => {
    const kept = r.messages.length === 0 ? [] : r.messages.filter((m) => !VALIDATION_CODES.has(m.code));
    const fresh = r.match === 'excluded' ? [] : validateRow(r, colOf, opts);
    const dup = dups.messages.get(i);
    if (dup) fresh.push(...dup);
    const messages = (fresh.length === 0 ? kept : [...kept, ...fresh]).sort(byColumn);
    const rejected = r.match !== 'excluded' && messages.some((m) => m.severity === 'error');
    return { ...r, messages, rejected, duplicateOf: dups.duplicateOf.get(i) ?? null, conflictWith: dups.conflictWith.get(i) ?? null };
  });
}
