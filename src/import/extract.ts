/** Read the canonical values of one data row, with a message for every cell that cannot be read. */
import { issue } from './issues';
import type { CanonicalField, Cell, ColumnInfo, Issue, RowValues } from './types';
import { parseCode, parseNumber, parseText, parseTier, parseYear } from './values';

export function emptyValues(): RowValues {
  return {
    commune_code: null,
    commune_name: null,
    district_code: null,
    district_name: null,
    province_name: null,
    year: null,
    criteria_met_count: null,
    tier: null,
    recognised_year: null,
    decision_no: null,
    households: null,
    poor: null,
    near_poor: null,
    poor_rate: null,
    near_poor_rate: null,
    sponsor_org: null,
  };
}

const COUNT_FIELDS = new Set<CanonicalField>(['criteria_met_count', 'households', 'poor', 'near_poor']);
const RATE_FIELDS = new Set<CanonicalField>(['poor_rate', 'near_poor_rate']);
const TEXT_FIELDS = new Set<CanonicalField>(['commune_name', 'district_name', 'province_name', 'decision_no', 'sponsor_org']);

const shown = (c: Cell) => (typeof c === 'number' ? String(c) : (c ?? ''));

export interface Extracted {
  values: RowValues;
  raw: Partial<Record<CanonicalField, Cell>>;
  messages: Issue[];
}

/** Where a message is (built only for a message: most cells have none). */
const at = (row: number, col: ColumnInfo) => ({ row, column: col.header, columnIndex: col.index });

export function extractRow(rowNumber: number, cells: Cell[], columns: ColumnInfo[], criteriaCount: number): Extracted {
  const values = emptyValues();
  const raw: Partial<Record<CanonicalField, Cell>> = {};
  const messages: Issue[] = [];
  for (const col of columns) {
    const f = col.field;
    if (!f) continue;
    const cell = cells[col.index] ?? null;
    if (cell === null) continue;
    raw[f] = cell;
    if (f === 'commune_code' || f === 'district_code') {
      const width = f === 'commune_code' ? 5 : 3;
      const r = parseCode(cell, width);
      values[f] = r.code;
      if (r.padded) messages.push(issue('code_padded', { value: shown(cell), code: r.code }, at(rowNumber, col)));
      if (r.invalid) messages.push(issue('code_invalid', { value: shown(cell), width }, at(rowNumber, col)));
    } else if (TEXT_FIELDS.has(f)) {
      (values as unknown as Record<string, string | null>)[f] = parseText(cell);
    } else if (f === 'year' || f === 'recognised_year') {
      const r = parseYear(cell);
      values[f] = r.value;
      if (r.error) messages.push(issue('year_invalid', { value: shown(cell) }, at(rowNumber, col)));
    } else if (f === 'tier') {
      const r = parseTier(cell);
      values.tier = r.value;
      if (r.unknown) messages.push(issue('tier_unknown', { value: shown(cell) }, at(rowNumber, col)));
    } else if (COUNT_FIELDS.has(f) || RATE_FIELDS.has(f)) {
      const r = parseNumber(cell, COUNT_FIELDS.has(f) ? 'count' : 'rate');
      (values as unknown as Record<string, number | null>)[f] = r.value;
      if (r.error === 'not_integer') messages.push(issue('not_integer', { value: shown(cell) }, at(rowNumber, col)));
      else if (r.error) messages.push(issue('not_a_number', { value: shown(cell) }, at(rowNumber, col)));
      if (f === 'criteria_met_count' && r.denominator !== undefined && r.denominator !== criteriaCount) {
        messages.push(issue('fraction_denominator', { value: shown(cell), denominator: r.denominator, expected: criteriaCount }, at(rowNumber, col)));
      }
    }
  }
  return { values, raw, messages };
}
