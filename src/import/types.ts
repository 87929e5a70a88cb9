/**
 * Types shared by the table-import pipeline (src/import). Everything here is plain data so an ImportResult can
 * cross a Web Worker boundary (structured clone) and be stored or re-validated later. Wording is never here:
 * messages are catalogue keys with parameters (src/i18n/message.ts), translated where they are shown.
 */
import type { Message } from '../i18n/message';
import type { Tier } from '../common/schema';
import { POST_REFORM, type Vintage } from '../common/vintage';
import type { TargetsRead } from './targets-types';

/** Canonical fields a column can map to. */
export const CANONICAL_FIELDS = [
  'commune_code',
  'commune_name',
  'district_code',
  'district_name',
  'province_name',
  'year',
  'criteria_met_count',
  'tier',
  'recognised_year',
  'decision_no',
  'households',
  'poor',
  'near_poor',
  'poor_rate',
  'near_poor_rate',
  'sponsor_org',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** NTM recognition tier (the tier words of the reports: "Chưa đạt", "Đạt chuẩn", "NTM nâng cao", "NTM kiểu mẫu"). */
export type { Tier };

/** Values of one row after parsing, per canonical field; null = blank or unreadable (blank is never 0). */
export interface RowValues {
  commune_code: string | null;
  commune_name: string | null;
  district_code: string | null;
  district_name: string | null;
  province_name: string | null;
  year: number | null;
  criteria_met_count: number | null;
  tier: Tier | null;
  recognised_year: number | null;
  decision_no: string | null;
  households: number | null;
  poor: number | null;
  near_poor: number | null;
  poor_rate: number | null;
  near_poor_rate: number | null;
  sponsor_org: string | null;
}

/** One cell of a parsed grid: text, a number (XLSX numbers and cached formula results) or empty. */
export type Cell = string | number | null;

export interface GridRow {
  /** 1-based row number as the user sees it (Excel row, or CSV record number). */
  rowNumber: number;
  cells: Cell[];
}

/** A merged range in grid coordinates (0-based indexes into Grid.rows and the cells arrays, inclusive). */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name for XLSX, null for CSV/TSV. */
  sheet: string | null;
  /** All sheets of a workbook with their non-empty row counts (empty for CSV). */
  sheets: { name: string; rows: number }[];
  rows: GridRow[];
  merges: MergeRange[];
  /** Delimiter used for CSV/TSV, null for XLSX. */
  delimiter: string | null;
}

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

/** What the decoder did, as data and as catalogue sentences. */
export interface EncodingNote {
  /** True when bytes were converted from a legacy or non-UTF-8 encoding (or text was re-normalised to NFC). */
  converted: boolean;
  /** Characters that came out different from a plain byte-for-byte reading (legacy letters decoded). */
  convertedChars: number;
  /** Characters that changed when normalising to NFC (e.g. decomposed input). */
  normalisedChars: number;
  /** Words upper-cased because they were typed in an upper-case-only legacy font (TCVN3 .VnTimeH). */
  upperCasedWords: number;
  /** Share of words that are valid Vietnamese syllables, per candidate tried (only for detection by scoring). */
  scores?: Partial<Record<EncodingName, number>>;
  /** True when the best candidate scored low: the user should check the text. */
  uncertain: boolean;
  /** Set when lines are in different encodings (UTF-8 lines among legacy ones): each line was decoded as its own. */
  mixed?: { utf8Lines: number[]; legacyLines: number[] };
  /** What was done, sentence by sentence. */
  sentences: Message[];
}

export interface DecodedText {
  text: string;
  encoding: EncodingName;
  note: EncodingNote;
}

export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  // file-level
  | 'empty_file'
  | 'not_a_table'
  | 'xls_binary'
  | 'xlsx_truncated'
  | 'xlsx_damaged'
  | 'zip_bomb'
  | 'too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'no_sheet'
  | 'no_header'
  | 'no_unit_column'
  | 'no_data_rows'
  | 'internal_error'
  | 'csv_malformed'
  | 'encoding_converted'
  | 'encoding_uncertain'
  | 'encoding_mixed'
  | 'nul_removed'
  | 'column_unrecognised'
  | 'columns_unrecognised'
  | 'column_duplicate_field'
  | 'column_multidimensional_rate'
  | 'year_from_title'
  | 'year_from_header'
  | 'year_from_filename'
  | 'year_from_default'
  | 'year_missing'
  | 'year_blank'
  | 'year_conflict'
  | 'year_out_of_range'
  | 'province_from_title'
  | 'province_detected'
  | 'province_unknown'
  // values
  | 'not_a_number'
  | 'not_integer'
  | 'ambiguous_number'
  | 'fraction_denominator'
  | 'tier_unknown'
  | 'year_invalid'
  | 'control_chars'
  // matching
  | 'code_padded'
  | 'code_invalid'
  | 'code_not_found'
  | 'code_name_mismatch'
  | 'out_of_scope'
  | 'district_unknown'
  | 'name_ambiguous'
  | 'name_not_found'
  | 'not_in_district'
  | 'no_unit_id'
  | 'resolved_manually'
  | 'excluded_manually'
  // validation
  | 'rate_out_of_range'
  | 'criteria_out_of_range'
  | 'poor_gt_households'
  | 'near_poor_gt_households'
  | 'poor_plus_near_poor_gt_households'
  | 'duplicate_collapsed'
  | 'duplicate_conflict'
  | 'duplicate_dropped'
  | 'future_year'
  | 'year_other_vintage'
  | 'negative_count'
  | 'rate_mismatch'
  | 'rate_without_counts'
  | 'tier_criteria_inconsistent'
  | 'urban_unit_ntm'
  | 'no_values'
  | 'nothing_to_load';

export interface Issue {
  /** Source row number (1-based, as in Excel), null for file-level issues. */
  row: number | null;
  /** Column header as written in the file (joined over header rows), null when not about one column. */
  column: string | null;
  /** 0-based column index in the grid, null when not about one column. */
  columnIndex: number | null;
  severity: Severity;
  code: IssueCode;
  /** "import.issue.<code>" (or a variant of it) with its parameters. */
  message: Message;
}

/** Administrative unit as given to the importer (strings; codes keep leading zeros). */
export interface Unit {
  commune_code: string;
  commune_name: string;
  commune_type: string;
  district_code: string;
  district_name: string;
  province_code: string;
  province_name: string;
}

export interface Suggestion {
  commune_code: string;
  commune_name: string;
  commune_type: string;
  district_code: string;
  district_name: string;
  province_code: string;
  province_name: string;
  /** 0..1 string similarity of the normalised names (1 = same name once accents/prefixes are ignored). */
  score: number;
}

export type MatchKind = 'code' | 'name' | 'manual' | 'ambiguous' | 'unmatched' | 'excluded';

export interface ImportedRow {
  /** 1-based row number in the source (Excel row / CSV record). */
  sourceRow: number;
  /** Matched unit code, null while ambiguous/unmatched/excluded. */
  commune_code: string | null;
  match: MatchKind;
  /** Matched unit (for display), null when not matched. */
  unit: Unit | null;
  /** Up to 3 candidates for ambiguous/unmatched rows, best first. */
  suggestions: Suggestion[];
  /** Parsed values; commune_code/commune_name here are as written in the file (normalised text). */
  values: RowValues;
  /** The cells as read, per mapped field (for display next to messages). */
  raw: Partial<Record<CanonicalField, Cell>>;
  /** Where the row's year came from. */
  yearSource: YearSource | null;
  /** District heading row (e.g. "Huyện Hướng Hóa") this row was listed under, if any. */
  groupHeading: string | null;
  /** Set on the second and later copies of an exact duplicate row: the row it repeats (counted, never loaded). */
  duplicateOf: number | null;
  /**
   * Set on rows of the same unit and year whose values differ: the other rows of the set (one per distinct
   * version). Such a row is not loaded until the user keeps one version or none (keepDuplicate).
   */
  conflictWith: number[] | null;
  messages: Issue[];
  /** True when at least one message is an error: the row is not imported until fixed. */
  rejected: boolean;
}

export type YearSource = 'column' | 'header' | 'title' | 'filename' | 'default';

export interface ColumnInfo {
  index: number;
  /** Joined header text over the header rows ("Hộ nghèo / Tỷ lệ (%)"). */
  header: string;
  field: CanonicalField | null;
  /** 'row_number' for STT/TT columns (ignored on purpose), 'unknown' when not recognised, 'duplicate' when a second column maps to a field already taken. */
  role: 'field' | 'row_number' | 'unknown' | 'duplicate' | 'empty';
  /** A year written in the header itself ("Năm 2023"), if any. */
  year: number | null;
}

/** 'subtotal': a group heading row that carries figures ("II | Huyện Hướng Hóa | 3.763 | ..."). */
export type SkippedKind = 'total' | 'subtotal' | 'district_heading' | 'numbering' | 'note' | 'blank';

/**
 * Where each row of the file went; every row is in exactly one, and they add up to ImportReport.rowsInFile.
 * empty: matched rows without a figure the model can hold (a ward's criteria, a rate without counts, "-");
 * header: title rows, blank rows above the table and the header block; totals: total and subtotal rows;
 * notes: notes, signatures and the column-numbering row; unread: rows of a file that was refused or could not
 * be read as a table.
 */
export const ROW_BUCKETS = ['accepted', 'duplicate', 'conflict', 'rejected', 'empty', 'ambiguous', 'unmatched', 'excluded', 'totals', 'headings', 'notes', 'blank', 'header', 'unread'] as const;
export type RowBucket = (typeof ROW_BUCKETS)[number];
export type RowBuckets = Record<RowBucket, number>;

export interface SkippedRow {
  row: number;
  kind: SkippedKind;
  text: string;
}

export interface ImportReport {
  /** Rows of the file (a CSV's records, a sheet's rows up to the last one with content). */
  rowsInFile: number;
  /** Every row of the file in exactly one bucket; the buckets add up to rowsInFile. */
  buckets: RowBuckets;
  /** Data rows read (excludes header, title, total, heading, numbering, note and blank rows). */
  read: number;
  /** matched = byCode + byName + manual; matched + ambiguous + unmatched + excluded = read. */
  matched: number;
  matchedByCode: number;
  matchedByName: number;
  matchedManually: number;
  ambiguous: number;
  unmatched: number;
  excluded: number;
  /** Rows with at least one error (any match state except excluded). */
  rejected: number;
  /** Matched and not rejected, not a repeated copy: what would be stored. */
  accepted: number;
  /** Exact copies of another row, counted once (buckets.duplicate). */
  duplicates: number;
  /** Rows of a unit and year given with different values, waiting for the user's choice (buckets.conflict). */
  conflicts: number;
  skippedTotals: number;
  skippedHeadings: number;
  skippedNotes: number;
  skippedBlank: number;
  skipped: SkippedRow[];
  errors: number;
  warnings: number;
  /** All issues, file-level first, then by row and column. */
  issues: Issue[];
}

export interface FileError {
  code: IssueCode;
  message: Message;
  /** Where the problem is ("byte 0", "sheet "Sheet1", rows 1-30"). */
  where: Message;
}

/**
 * Which reform's administrative units a unit list holds: the 63 provinces and their districts and communes
 * before 1 July 2025 (what the app draws and matches against), or the 34 provinces and communes from then on.
 */
export type UnitVintage = 'before2025' | 'from2025';

/** The import's name of an administrative vintage (src/common/vintage.ts). */
export const unitVintageOf = (v: Vintage): UnitVintage => (v === POST_REFORM ? 'from2025' : 'before2025');

/** How well a file's rows match one province of one unit list (vintage). */
export interface ProvinceGuess {
  /** The unit list the province is of. */
  vintage: UnitVintage;
  province_code: string;
  province_name: string;
  /** Rows (of those scored) with a unit of this province by code or name. */
  matched: number;
  /** Rows scored (data rows with a code or a name; a sample of at most DETECT_SAMPLE rows). */
  scored: number;
  /** Rows (of those scored) matched within the scope the file was read with (all provinces when none). */
  scopeMatched: number;
}

export interface ImportOptions {
  currentYear: number;
  criteriaCount: number;
  defaultYear: number | null;
  /** Province scope as chosen by the caller or found in the title (province code), null = whole country. */
  provinceCode: string | null;
  /** Which reform's units the rows are matched against: a row of a year keyed by the other one's codes is refused. */
  vintage?: UnitVintage;
}

export interface ImportResult {
  ok: boolean;
  /** Set when the file could not be read as a table (wrong type, empty, no header). */
  error: FileError | null;
  file: string;
  format: 'csv' | 'tsv' | 'xlsx' | null;
  sheet: string | null;
  sheets: { name: string; rows: number }[];
  encoding: { name: EncodingName; note: EncodingNote } | null;
  /** Row numbers (1-based) of the header block. */
  headerRows: number[];
  /** Title rows above the header (row number + text). */
  titleRows: { row: number; text: string }[];
  columns: ColumnInfo[];
  /**
   * File-level year and where it came from: the column header that names it (source 'header'; 'column' for
   * the year column), or the title row (source 'title'). With a year column, source is 'column' (value null)
   * unless a header/title/default year exists, which then fills the rows whose year cell is blank.
   */
  year: { value: number | null; source: YearSource | 'none'; header: string | null; row: number | null };
  /** Province scope used for matching, and where it came from. */
  province: { code: string; name: string; source: 'caller' | 'title' } | null;
  /**
   * The province (of any unit list given as a candidate) whose units the file's rows match best, when it is not
   * the scope: the reader proposes it ("matches 25 of 27 rows in Bến Tre: switch?").
   */
  detected: ProvinceGuess | null;
  rows: ImportedRow[];
  report: ImportReport;
  /** File-level issues (encoding, columns, year, province); also at the start of report.issues. */
  fileIssues: Issue[];
  options: ImportOptions;
  /** Set when the file is a targets table (src/import/targets.ts): its targets and refused rows; `rows` is then empty. */
  targets?: TargetsRead;
}
