/**
 * Issues of an import: where (row, column), how severe, and what, as a catalogue message (src/i18n, keys
 * "import.issue.<code>") translated when shown, so one report reads in either language and stays plain data.
 */
import { msg, type MessageParams } from '../i18n/message';
import type { Issue, IssueCode, Severity } from './types';

export const SEVERITY: Record<IssueCode, Severity> = {
  empty_file: 'error',
  not_a_table: 'error',
  xls_binary: 'error',
  xlsx_unreadable: 'error',
  no_sheet: 'error',
  no_header: 'error',
  no_unit_column: 'error',
  no_data_rows: 'error',
  internal_error: 'error',
  csv_malformed: 'warning',
  encoding_converted: 'info',
  encoding_uncertain: 'warning',
  column_unrecognised: 'warning',
  column_duplicate_field: 'warning',
  column_multidimensional_rate: 'warning',
  year_from_title: 'info',
  year_from_header: 'info',
  year_from_default: 'info',
  year_missing: 'error',
  year_blank: 'error',
  year_conflict: 'warning',
  province_from_title: 'info',
  province_unknown: 'warning',
  not_a_number: 'error',
  not_integer: 'error',
  ambiguous_number: 'warning',
  fraction_denominator: 'warning',
  tier_unknown: 'warning',
  year_invalid: 'error',
  code_padded: 'info',
  code_invalid: 'warning',
  code_not_found: 'warning',
  code_name_mismatch: 'warning',
  out_of_scope: 'warning',
  district_unknown: 'warning',
  name_ambiguous: 'warning',
  name_not_found: 'warning',
  not_in_district: 'warning',
  no_unit_id: 'error',
  resolved_manually: 'info',
  excluded_manually: 'info',
  rate_out_of_range: 'error',
  criteria_out_of_range: 'error',
  poor_gt_households: 'error',
  near_poor_gt_households: 'error',
  poor_plus_near_poor_gt_households: 'error',
  duplicate_unit_year: 'error',
  future_year: 'error',
  negative_count: 'error',
  rate_mismatch: 'warning',
  rate_without_counts: 'warning',
  tier_criteria_inconsistent: 'warning',
  urban_unit_ntm: 'warning',
  no_values: 'warning',
};

/** The catalogue's variant ("<code>_<context>") for the optional parts a message is given or not. */
const CONTEXT: Partial<Record<IssueCode, (p: MessageParams) => string | undefined>> = {
  no_sheet: (p) => (p.sheet ? 'named' : undefined),
  district_unknown: (p) => (p.scope ? 'scope' : undefined),
  name_ambiguous: (p) => (p.scope ? 'scope' : undefined),
  name_not_found: (p) => [p.scope ? 'scope' : '', p.list ? 'list' : ''].filter(Boolean).join('_') || undefined,
  duplicate_unit_year: (p) => (p.year === null || p.year === undefined ? 'noYear' : undefined),
};

export function issue(code: IssueCode, p: MessageParams = {}, where: { row?: number | null; column?: string | null; columnIndex?: number | null } = {}): Issue {
  const context = CONTEXT[code]?.(p);
  return {
    row: where.row ?? null,
    column: where.column ?? null,
    columnIndex: where.columnIndex ?? null,
    severity: SEVERITY[code],
    code,
    message: msg(`import.issue.${code}`, context ? { ...p, context } : p),
  };
}
