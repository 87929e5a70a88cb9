/**
 * Find the table inside a parsed grid: skip title rows ("BIỂU TỔNG HỢP KẾT QUẢ ...") and blank rows, find the
 * header block (1-3 rows, merged cells spread, group headers such as "Hộ nghèo" over "Số hộ | Tỷ lệ (%)" joined),
 * then classify each row below it: data, total/subtotal ("Tổng cộng", "Toàn tỉnh", "Cộng"), district heading
 * ("Huyện Hướng Hóa", kept as context for the rows below), column-numbering row ("(1) (2) (3)"), note or blank.
 */
import { recogniseHeader } from './headers';
import { cellText, foldKey } from './text';
import type { CanonicalField, Cell, ColumnInfo, Grid, MergeRange, SkippedKind } from './types';
import { isBlankText, parseNumber, yearInText } from './values';

export type RowKind = 'data' | SkippedKind;

export interface ClassifiedRow {
  /** Index into grid.rows. */
  gridIndex: number;
  rowNumber: number;
  kind: RowKind;
  /** Cells (vertical merges spread down, so a district name merged over several rows reaches each row). */
  cells: Cell[];
  /** Label text of a skipped row ("Tổng cộng", "Huyện Hướng Hóa"). */
  text: string;
  /** Context from the nearest group heading rows above. */
  group: { district: string | null; province: string | null };
}

export interface TableLayout {
  headerGridRows: number[];
  headerRows: number[];
  titleRows: { row: number; text: string }[];
  columns: ColumnInfo[];
  /** Columns where a rate header says "nghèo đa chiều" (may be poor + near-poor since 2022). */
  multidimensionalRateColumns: number[];
  rows: ClassifiedRow[];
  /** Year written in the title rows, if any. */
  titleYear: number | null;
  /** Rows of the grid down to the end of the header block (titles, blank rows above the table, the header). */
  aboveCount: number;
}

const MAX_HEADER_SEARCH = 40;

function isRowBlank(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function nonEmpty(cells: Cell[]): Cell[] {
  return cells.filter((c) => !(c === null || (typeof c === 'string' && c.trim() === '')));
}

const NUMBERING_CELL = /^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?(\s*=\s*.*)?$|^\(\d{1,2}\)\s*[=x*/+-].*$/;

/** A row of column numbers under the header: "(1) (2) (3)", "1 2 3 4", "A B 1 2". */
function isNumberingRow(cells: Cell[]): boolean {
  const ne = nonEmpty(cells);
  if (ne.length < 3) return false;
  const ok = ne.filter((c) => NUMBERING_CELL.test(cellText(c)));
  if (ok.length !== ne.length) return false;
  // Plain integers must be (mostly) increasing small numbers, as column numbers are.
  const ints = ne.map((c) => Number(cellText(c).replace(/[()]/g, ''))).filter((n) => Number.isFinite(n));
  let increasing = 0;
  for (let i = 1; i < ints.length; i++) if (ints[i] > ints[i - 1]) increasing++;
  return ints.length < 2 || increasing >= (ints.length - 1) * 0.6;
}

function looksNumeric(c: Cell): boolean {
  if (typeof c === 'number') return true;
  const s = cellText(c);
  if (!s || isBlankText(s)) return false;
  if (/^\d{4,6}$/.test(s)) return true; // codes
  return parseNumber(s, 'decimal').value !== null;
}

/** A data-like row: at least 2 numeric cells making up at least 40% of its non-empty cells. */
function isDataLike(cells: Cell[]): boolean {
  const ne = nonEmpty(cells);
  const num = ne.filter(looksNumeric).length;
  return num >= 2 && num / ne.length >= 0.4;
}

function mergeAt(merges: MergeRange[], r: number, c: number): MergeRange | undefined {
  return merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

/** Joined header text of each column over rows [start, end], with merges spread and group labels carried right. */
function joinHeaders(grid: Grid, start: number, end: number, width: number): string[] {
  const texts: string[][] = [];
  for (let r = start; r <= end; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) {
      let v = cellText(grid.rows[r].cells[c] ?? null);
      if (!v) {
        const m = mergeAt(grid.merges, r, c);
        if (m && (m.top !== r || m.left !== c)) v = cellText(grid.rows[m.top]?.cells[m.left] ?? null);
      }
      row.push(v);
    }
    texts.push(row);
  }
  // CSV-style group headers (no merge information): "Hộ nghèo,,": carry the label right over empty cells whose
  // lower rows have sub-headers, when the label's own column has a sub-header too.
  for (let i = 0; i < texts.length - 1; i++) {
    for (let c = 1; c < width; c++) {
      if (texts[i][c] || mergeAt(grid.merges, start + i, c)) continue;
      const below = (col: number) => texts.slice(i + 1).some((row) => row[col]);
      if (!below(c)) continue;
      let p = c - 1;
      while (p >= 0 && !texts[i][p]) p--;
      if (p < 0 || !below(p)) continue;
      // only across a run of empty cells that all have sub-headers
      let run = true;
      for (let q = p + 1; q < c; q++) if (!below(q)) run = false;
      if (run) texts[i][c] = texts[i][p];
    }
  }
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of texts) if (row[c] && parts[parts.length - 1] !== row[c]) parts.push(row[c]);
    out.push(parts.join(' / '));
  }
  return out;
}

interface HeaderCandidate {
  start: number;
  end: number;
  score: number;
  headers: string[];
}

const UNIT_FIELDS: CanonicalField[] = ['commune_code', 'commune_name'];

function scoreHeaders(headers: string[]): { score: number; hasUnit: boolean } {
  const seen = new Set<string>();
  let hasUnit = false;
  for (const h of headers) {
    const m = recogniseHeader(h);
    if (m.field) {
      seen.add(m.field);
      if (UNIT_FIELDS.includes(m.field)) hasUnit = true;
    } else if (m.role === 'row_number') seen.add('#');
  }
  return { score: seen.size, hasUnit };
}

function findHeader(grid: Grid, width: number): { best: HeaderCandidate | null; withoutUnit: HeaderCandidate | null } {
  let best: HeaderCandidate | null = null;
  let withoutUnit: HeaderCandidate | null = null;
  const limit = Math.min(grid.rows.length, MAX_HEADER_SEARCH);
  for (let start = 0; start < limit; start++) {
    const first = grid.rows[start].cells;
    if (nonEmpty(first).length < 2 || isDataLike(first) || isNumberingRow(first)) continue;
    for (let k = 1; k <= 3 && start + k - 1 < grid.rows.length; k++) {
      const end = start + k - 1;
      if (k > 1) {
        const last = grid.rows[end].cells;
        if (isRowBlank(last) || isDataLike(last) || isNumberingRow(last)) break;
      }
      const headers = joinHeaders(grid, start, end, width);
      const { score, hasUnit } = scoreHeaders(headers);
      if (score < 2) continue;
      // more recognised fields wins; on a tie the earlier start and the shorter block win
      if (!hasUnit) {
        if (!withoutUnit || score > withoutUnit.score) withoutUnit = { start, end, score, headers };
        continue;
      }
      if (!best || score > best.score) best = { start, end, score, headers };
    }
  }
  return { best, withoutUnit };
}

// ---------------------------------------------------------------------------------------------------------------
// Row classification

const TOTAL_EXACT = /^(tong cong|tong so|tong|cong|total|grand total|subtotal|sub total|sum|toan bo|tong chung|tong hop|cong chung|tong so chung)$/;
const TOTAL_PREFIX = /^(toan tinh|toan huyen|toan thi xa|toan thanh pho|toan quan|toan tp|toan tx|tong cong|tong so|total|subtotal|grand total|cong toan|tong toan|cong huyen|cong quan|cong thi xa|cong thanh pho|cong tp|cong tx|tong huyen|tong quan|tong thi xa|tong thanh pho|cong cac|tong cac)\b/;
const TOTAL_NUMBERED = /^(cong|tong)( (i{1,3}|iv|vi{0,3}|ix|x|[abc]|\d+))+$/;
const DISTRICT_HEADING = /^(huyen|h|quan|q|thi xa|tx|thanh pho|tp) [a-z0-9]/;
const PROVINCE_HEADING = /^tinh [a-z]/;
const GROUP_NUMBER = /^(I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|[A-H])\.?$/;
const NOTE_TEXT = /^(ghi chu|chu thich|nguon|source|note|\*|nguoi lap|nguoi lap bieu|lap bieu|thu truong|giam doc|chu tich|kt |tm |ky ten|xac nhan|trong do|ngay \d|[a-z ]+ ngay \d+ thang)/;

export function isTotalText(text: string): boolean {
  const k = foldKey(text.replace(/^[IVX]+[.)]?\s+/, ''));
  return TOTAL_EXACT.test(k) || TOTAL_PREFIX.test(k) || TOTAL_NUMBERED.test(k);
}

/** "Huyện Hướng Hóa", "H. Hướng Hóa", "TX Quảng Trị", "TP. Đông Hà" (after an optional group number). */
export function isDistrictHeadingText(text: string): boolean {
  return DISTRICT_HEADING.test(foldKey(text.replace(/^[IVX]+[.)]?\s+/, '')));
}

/** Text columns that can carry a row label (not numeric fields). */
const LABEL_FIELDS = new Set<CanonicalField | null>([null, 'commune_code', 'commune_name', 'district_name', 'district_code', 'province_name']);

function classify(
  cells: Cell[],
  columns: ColumnInfo[],
  fieldCol: Partial<Record<CanonicalField, number>>,
  justAfterHeader: boolean,
): { kind: RowKind; text: string; district?: string; province?: string } {
  if (isRowBlank(cells)) return { kind: 'blank', text: '' };
  const get = (f: CanonicalField) => (fieldCol[f] === undefined ? '' : cellText(cells[fieldCol[f]!] ?? null));
  const code = get('commune_code');
  const name = get('commune_name');
  // fast path: a row with a commune code is data (the numbering row under the header aside)
  if (!justAfterHeader && /^'?\d{4,5}$/.test(code)) return { kind: 'data', text: name };
  const labels: string[] = [];
  for (const col of columns) {
    if (!LABEL_FIELDS.has(col.field)) continue;
    const v = cells[col.index];
    if (typeof v === 'string' && v.trim() && !/^\d+$/.test(v.trim())) labels.push(cellText(v));
  }
  const label = name || labels[0] || '';
  const codeIsCommune = /^\d{4,5}$/.test(code.replace(/^'/, ''));
  if ((justAfterHeader || !codeIsCommune) && isNumberingRow(cells)) return { kind: 'numbering', text: nonEmpty(cells).map(cellText).join(' ') };
  if (codeIsCommune) return { kind: 'data', text: label };
  // When the name cell is filled it alone says what the row is (a district column on a commune row is not a heading).
  const candidates = name ? [name] : labels;
  const totalLabel = candidates.find((t) => isTotalText(t));
  if (totalLabel) return { kind: 'total', text: totalLabel };
  const rowNumberCol = columns.find((c) => c.role === 'row_number');
  const stt = rowNumberCol ? cellText(cells[rowNumberCol.index] ?? null) : '';
  // a group heading with figures is the group's subtotal row: skipped and counted as one, still the group's heading
  const hasNumber = columns.some((c) => c.field && !LABEL_FIELDS.has(c.field) && looksNumeric(cells[c.index] ?? null));
  const heading = hasNumber ? 'subtotal' : 'district_heading';
  const headingLabel = candidates.find((t) => isDistrictHeadingText(t));
  if (headingLabel) return { kind: heading, text: headingLabel, district: headingLabel.replace(/^[IVX]+[.)]?\s+/, '') };
  const provinceLabel = candidates.find((t) => PROVINCE_HEADING.test(foldKey(t)));
  if (provinceLabel && !get('district_name')) return { kind: heading, text: provinceLabel, province: provinceLabel };
  if (stt && GROUP_NUMBER.test(stt) && label && !get('district_name')) return { kind: heading, text: label, district: label };
  const noteLabel = labels.find((t) => NOTE_TEXT.test(foldKey(t)));
  if (noteLabel && !name) return { kind: 'note', text: noteLabel };
  if (noteLabel && NOTE_TEXT.test(foldKey(name))) return { kind: 'note', text: noteLabel };
  // No unit identifier and no number anywhere: a note or signature line, not data.
  if (!code && !name && !hasNumber) return { kind: 'note', text: labels.join(' ') || nonEmpty(cells).map(cellText).join(' ') };
  return { kind: 'data', text: label };
}

export type FindTableResult =
  | { ok: true; layout: TableLayout }
  | { ok: false; reason: 'no_header'; searchedRows: number[] }
  | { ok: false; reason: 'no_unit_column'; headerRows: number[]; headers: string[] };

/** Find the header block and classify rows. */
export function findTable(grid: Grid): FindTableResult {
  const width = grid.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const found = findHeader(grid, width);
  const header = found.best;
  if (!header) {
    if (found.withoutUnit) {
      const h = found.withoutUnit;
      return {
        ok: false,
        reason: 'no_unit_column',
        headerRows: Array.from({ length: h.end - h.start + 1 }, (_, i) => grid.rows[h.start + i].rowNumber),
        headers: h.headers.filter(Boolean),
      };
    }
    const searched = grid.rows.slice(0, MAX_HEADER_SEARCH).map((r) => r.rowNumber);
    return { ok: false, reason: 'no_header', searchedRows: searched.length ? [searched[0], searched[searched.length - 1]] : [] };
  }

  const columns: ColumnInfo[] = [];
  const fieldCol: Partial<Record<CanonicalField, number>> = {};
  const mdRate: number[] = [];
  const hasData = new Array<boolean>(width).fill(false);
  for (let r = header.end + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r].cells;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (!hasData[c] && v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) hasData[c] = true;
    }
  }
  for (let c = 0; c < width; c++) {
    const text = header.headers[c];
    if (!text && !hasData[c]) continue;
    const m = recogniseHeader(text);
    let field = m.field;
    let role: ColumnInfo['role'] = m.role;
    if (field && fieldCol[field] !== undefined) {
      role = 'duplicate';
      field = null;
    } else if (field) fieldCol[field] = c;
    if (field && m.multidimensionalRate) mdRate.push(c);
    columns.push({ index: c, header: text, field, role, year: m.year });
  }

  const titleRows: { row: number; text: string }[] = [];
  for (let r = 0; r < header.start; r++) {
    const ne = nonEmpty(grid.rows[r].cells);
    if (ne.length) titleRows.push({ row: grid.rows[r].rowNumber, text: ne.map(cellText).join(' ') });
  }
  const titleYears = [...new Set(titleRows.map((t) => yearInText(t.text)).filter((y): y is number => y !== null))];

  // Vertical merges below the header are spread down (a district name merged over its communes).
  const verticalMerges = grid.merges.filter((m) => m.bottom > m.top && m.top > header.end);
  const rows: ClassifiedRow[] = [];
  let district: string | null = null;
  let province: string | null = null;
  let sawData = false;
  for (let r = header.end + 1; r < grid.rows.length; r++) {
    const src = grid.rows[r];
    let cells = src.cells;
    for (const m of verticalMerges) {
      if (r <= m.top || r > m.bottom) continue;
      if (cells === src.cells) cells = [...src.cells];
      for (let c = m.left; c <= m.right; c++) cells[c] = grid.rows[m.top].cells[c] ?? null;
    }
    const cl = classify(cells, columns, fieldCol, !sawData);
    if (cl.kind === 'district_heading' || cl.kind === 'subtotal') {
      if (cl.province) {
        province = cl.province;
        district = null;
      } else district = cl.district ?? cl.text;
    }
    if (cl.kind === 'data') sawData = true;
    rows.push({ gridIndex: r, rowNumber: src.rowNumber, kind: cl.kind, cells, text: cl.text, group: { district, province } });
  }

  const layout: TableLayout = {
    headerGridRows: Array.from({ length: header.end - header.start + 1 }, (_, i) => header.start + i),
    headerRows: Array.from({ length: header.end - header.start + 1 }, (_, i) => grid.rows[header.start + i].rowNumber),
    titleRows,
    columns,
    multidimensionalRateColumns: mdRate,
    rows,
    titleYear: titleYears.length === 1 ? titleYears[0] : null,
    aboveCount: header.end + 1,
  };
  return { ok: true, layout };
}
