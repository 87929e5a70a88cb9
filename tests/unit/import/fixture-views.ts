// What the fixture tests compare of an import: the rows, their messages and suggestions, the file's issues.
import type { ImportContext } from '../../../src/import/index.ts';
import type { ImportResult, RowValues } from '../../../src/import/types.ts';
import { focusUnits } from './helpers.ts';

export const ctx = (extra: Partial<ImportContext> = {}): ImportContext => ({ units: focusUnits(), currentYear: 2025, ...extra });
export const pick = (r: ImportResult, fields: (keyof RowValues)[]) => r.rows.map((x) => [x.sourceRow, x.commune_code, x.match, ...fields.map((f) => x.values[f])]);
export const messages = (r: ImportResult) => r.rows.filter((x) => x.messages.length).map((x) => [x.sourceRow, x.messages.map((m) => [m.code, m.column])]);
export const suggestions = (r: ImportResult) => r.rows.filter((x) => x.suggestions.length).map((x) => [x.sourceRow, x.suggestions.map((s) => [s.commune_code, s.score])]);
export const fileIssues = (r: ImportResult) => r.fileIssues.map((i) => [i.severity, i.code, i.column]);

export const zero = { matchedByName: 0, matchedManually: 0, ambiguous: 0, unmatched: 0, excluded: 0, rejected: 0, skippedTotals: 0, skippedHeadings: 0, skippedNotes: 0, skippedBlank: 0 };
