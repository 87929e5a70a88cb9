/**
 * What the targets reader (./targets.ts) gives: plain data, so it crosses the import worker's boundary with the
 * rest of an ImportResult (./types.ts), and wording as catalogue messages.
 */
import type { Vintage } from '../common/vintage';
import type { Message } from '../i18n/message';

export const TARGET_FIELDS = ['province_code', 'province_name', 'indicator', 'target_year', 'value', 'note', 'source'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** The columns every targets table needs (one of the two province columns stands for "province"). */
export const REQUIRED_TARGET_FIELDS = ['province', 'indicator', 'target_year', 'value'] as const;
export type RequiredTargetField = (typeof REQUIRED_TARGET_FIELDS)[number];

export interface TargetColumn {
  index: number;
  header: string;
  field: TargetField | null;
}

/** One target read from a row. */
export interface ReadTarget {
  row: number;
  province_code: string;
  /** as the unit list names it ("Tỉnh Quảng Trị"); '' for the whole country */
  province_name: string;
  /** the vintage whose province the code is (that of the target year) */
  vintage: Vintage;
  indicator: string;
  target_year: number;
  /** as written ("1.800 – 2.200"), with its bounds */
  value: string;
  value_num: number | null;
  value_min: number;
  value_max: number;
  note: string;
  /** the file's source column ('' when none) */
  source: string;
}

export type TargetIssueCode =
  | 'province_blank'
  | 'province_unknown'
  | 'province_other_vintage'
  | 'province_mismatch'
  | 'province_list_missing'
  | 'indicator_blank'
  | 'indicator_unknown'
  | 'indicator_short'
  | 'year_blank'
  | 'year_outside'
  | 'value_blank'
  | 'value_invalid'
  | 'duplicate'
  | 'columns_missing';

export interface TargetIssue {
  row: number;
  /** the column's header as written, null when about the row */
  column: string | null;
  code: TargetIssueCode;
  /** "import.targets.issue.<code>" with the row, column and value */
  message: Message;
}

/** A row refused, with every reason. */
export interface RefusedTarget {
  row: number;
  issues: TargetIssue[];
}

/** Targets read per province and vintage ("12 targets for Quảng Trị (from 1 July 2025)"). */
export interface TargetsOfProvince {
  province_code: string;
  province_name: string;
  vintage: Vintage;
  count: number;
}

export interface TargetsRead {
  headerRow: number;
  columns: TargetColumn[];
  /** required columns the header lacks: then no row is read (every data row is refused) */
  missing: RequiredTargetField[];
  targets: ReadTarget[];
  refused: RefusedTarget[];
  provinces: TargetsOfProvince[];
  /** rows of the file: header (titles above and the header row) + blank + targets + refused */
  rowsInFile: number;
  headerRows: number;
  blankRows: number;
}
