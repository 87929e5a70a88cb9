/**
 * The header row of a targets table (programme targets per province: "Tỉnh | Chỉ tiêu | Năm mục tiêu | Giá trị"),
 * in Vietnamese with or without diacritics, or in English. A header row is a targets table's when it names an
 * indicator and a value: no table of communes' figures has both, so the two readers never compete for a file.
 */
import { cellText, foldKey } from './text';
import { REQUIRED_TARGET_FIELDS, type RequiredTargetField, type TargetColumn, type TargetField } from './targets-types';
import type { Cell, Grid } from './types';


/** Rules on the folded header ("Năm mục tiêu" -> "nam muc tieu"); a unit in brackets ("Giá trị (%)") is dropped first. */
const RULES: [TargetField, RegExp][] = [
  ['province_code', /^(ma (tinh|tinh thanh|tinh thanh pho|tinh tp))$|^province (code|id)$/],
  ['province_name', /^(ten )?tinh( thanh pho| tp| thanh)?$|^ten tinh thanh pho$|^province( name)?$|^dia phuong$/],
  ['indicator', /^(ten |noi dung |ma )?chi tieu$|^(target )?indicator( name)?$/],
  ['target_year', /^nam( muc tieu| dat| hoan thanh)?$|^den nam$|^(target )?year$/],
  ['value', /^(gia tri|muc tieu|gia tri muc tieu|gia tri chi tieu|muc chi tieu|value|target|target value)$/],
  ['note', /^(ghi chu|chu thich|note|notes|remarks)$/],
  ['source', /^(nguon|nguon so lieu|can cu|van ban|source)$/],
];

/** The field a header names, or null. */
export function targetFieldOf(header: string): TargetField | null {
  const k = foldKey(header.replace(/\([^)]*\)/g, ' ')).replace(/\bpct\b/g, ' ').replace(/\s+/g, ' ').trim();
  return RULES.find(([, re]) => re.test(k))?.[0] ?? null;
}

export interface TargetsHeader {
  /** index into grid.rows */
  gridIndex: number;
  rowNumber: number;
  columns: TargetColumn[];
  /** required columns the header lacks (the table cannot be read without them) */
  missing: RequiredTargetField[];
}

/** Rows searched for the header (titles above it are skipped). */
const SEARCH_ROWS = 30;

/** The first field of a header row is taken; a second column naming the same field is left unused. */
function columnsOf(cells: Cell[]): TargetColumn[] {
  const taken = new Set<TargetField>();
  return cells.map((c, index) => {
    const header = cellText(c);
    const field = targetFieldOf(header);
    if (!field || taken.has(field)) return { index, header, field: null };
    taken.add(field);
    return { index, header, field };
  });
}

/** The targets table's header row, or null when the grid is not a targets table. */
export function findTargetsHeader(grid: Grid): TargetsHeader | null {
  for (let i = 0; i < Math.min(grid.rows.length, SEARCH_ROWS); i++) {
    const columns = columnsOf(grid.rows[i].cells);
    const has = (f: TargetField) => columns.some((c) => c.field === f);
    if (!has('indicator') || !has('value')) continue;
    const missing = REQUIRED_TARGET_FIELDS.filter((f) => (f === 'province' ? !has('province_code') && !has('province_name') : !has(f)));
    return { gridIndex: i, rowNumber: grid.rows[i].rowNumber, columns, missing };
  }
  return null;
}
