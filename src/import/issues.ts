/**
 * Issues of an import: where (row, column), how severe, and what, as a catalogue message (src/i18n, keys
 * "import.issue.<code>") translated when shown, so one report reads in either language and stays plain data.
 */
import { QUOTE_LIMIT, quoteValue } from '../common/text-safety';
import { msg, type MessageParams } from '../i18n/message';
import type { Issue, IssueCode, Severity } from './types';

export const SEVERITY: Record<IssueCode, Severity> = {
  empty_file: 'error',
  not_a_table: 'error',
  xls_binary: 'error',
  xlsx_truncated: 'error',
  xlsx_damaged: 'error',
  zip_bomb: 'error',
  too_large: 'error',
  too_many_rows: 'error',
  too_many_columns: 'error',
  no_sheet: 'error',
  no_header: 'error',
  no_unit_column: 'error',
  no_data_rows: 'error',
  internal_error: 'error',
  csv_malformed: 'warning',
  encoding_converted: 'info',
  encoding_uncertain: 'warning',
  encoding_mixed: 'warning',
  nul_removed: 'warning',
  column_unrecognised: 'warning',
  columns_unrecognised: 'warning',
  column_duplicate_field: 'warning',
  column_multidimensional_rate: 'warning',
  year_from_title: 'info',
  year_from_header: 'info',
  year_from_filename: 'info',
  year_from_default: 'info',
  year_missing: 'error',
  year_blank: 'error',
  year_conflict: 'warning',
  year_out_of_range: 'error',
  province_from_title: 'info',
  province_detected: 'warning',
  province_unknown: 'warning',
  not_a_number: 'error',
  not_integer: 'error',
  ambiguous_number: 'warning',
  fraction_denominator: 'warning',
  tier_unknown: 'warning',
  year_invalid: 'error',
  control_chars: 'warning',
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
  duplicate_collapsed: 'warning',
  duplicate_conflict: 'error',
  duplicate_dropped: 'info',
  future_year: 'error',
  year_other_vintage: 'error',
  negative_count: 'error',
  rate_mismatch: 'warning',
  rate_without_counts: 'warning',
  tier_criteria_inconsistent: 'warning',
  urban_unit_ntm: 'warning',
  no_values: 'warning',
  nothing_to_load: 'warning',
};

/** The catalogue's variant ("<code>_<context>") for the optional parts a message is given or not. */
const CONTEXT: Partial<Record<IssueCode, (p: MessageParams) => string | undefined>> = {
  no_sheet: (p) => (p.sheet ? 'named' : undefined),
  district_unknown: (p) => (p.scope ? 'scope' : undefined),
  name_ambiguous: (p) => (p.scope ? 'scope' : undefined),
  name_not_found: (p) => [p.scope ? 'scope' : '', p.list ? 'list' : ''].filter(Boolean).join('_') || undefined,
  duplicate_conflict: (p) => (p.year === null || p.year === undefined ? 'noYear' : undefined),
  duplicate_collapsed: (p) => (p.year === null || p.year === undefined ? 'noYear' : undefined),
};

/** Text parameters a message quotes from the file are cut (quoteValue): a 10 kB cell cannot flood the report. */
const QUOTED_LONGER = new Set(['list', 'headers', 'note']);

export function issue(code: IssueCode, params: MessageParams = {}, where: { row?: number | null; column?: string | null; columnIndex?: number | null } = {}): Issue {
  let p = params;
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string' || k === 'context') continue;
    const quoted = quoteValue(v, QUOTED_LONGER.has(k) ? 400 : QUOTE_LIMIT);
    if (quoted !== v) p = { ...p, [k]: quoted };
  }
  const context = (p.context as string | undefined) ?? CONTEXT[code]?.(p);
  return {
    row: where.row ?? null,
    column: where.column === null || where.column === undefined ? null : quoteValue(where.column),
    columnIndex: where.columnIndex ?? null,
    severity: SEVERITY[code],
    code,
    message: msg(`import.issue.${code}`, context ? { ...p, context } : p),
  };
}
