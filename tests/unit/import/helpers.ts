/** Shared helpers for the import tests: the committed focus-province unit list and fixture loading. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { inputPaths } from '../../../data/node/load-inputs.ts';
import { buildUnitIndex, type UnitIndex } from '../../../src/import/match.ts';
import type { ImportedRow, ImportResult, Unit } from '../../../src/import/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, '../../fixtures/import');

export function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) };
}

export function readUnits(path: string): Unit[] {
  return Papa.parse<Unit>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => ({
    commune_code: r.commune_code,
    commune_name: r.commune_name,
    commune_type: r.commune_type,
    district_code: r.district_code,
    district_name: r.district_name,
    province_code: r.province_code,
    province_name: r.province_name,
  }));
}

let focus: UnitIndex | null = null;
/** Units of Tuyên Quang, Quảng Trị and Bến Tre (tests/fixtures/import/units_focus.csv, from the data pack). */
export function focusUnits(): UnitIndex {
  focus ??= buildUnitIndex(readUnits(join(FIXTURES, 'units_focus.csv')));
  return focus;
}

/** The national list from the data pack (NTM_DATA_PACK or ../shared/vn-admin); missing, it fails with the pack's message. */
export function nationalUnits(): Unit[] {
  return readUnits(inputPaths().communes);
}

/** Compact view of a row for exact assertions. */
export function brief(r: ImportedRow) {
  return { row: r.sourceRow, code: r.commune_code, match: r.match };
}

export function issueCodes(r: ImportedRow): string[] {
  return r.messages.map((m) => m.code);
}

export function counts(res: ImportResult) {
  const { read, matched, matchedByCode, matchedByName, matchedManually, ambiguous, unmatched, excluded, rejected, accepted, skippedTotals, skippedHeadings, skippedNotes, skippedBlank } = res.report;
  return { read, matched, matchedByCode, matchedByName, matchedManually, ambiguous, unmatched, excluded, rejected, accepted, skippedTotals, skippedHeadings, skippedNotes, skippedBlank };
}
