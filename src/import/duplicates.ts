/**
 * Rows that give the same unit and year more than once. Exact copies (every figure the same) are one row
 * given twice: the later copies are counted and not loaded, with a warning naming both rows. Versions that
 * differ conflict: none of them is loaded until the user keeps one, or none (match.ts keepDuplicate).
 */
import { issue } from './issues';
import type { CanonicalField, ImportedRow, Issue } from './types';

/** The values a row would load: two rows with the same ones are copies. */
const FIGURES: CanonicalField[] = ['year', 'criteria_met_count', 'tier', 'recognised_year', 'decision_no', 'households', 'poor', 'near_poor', 'poor_rate', 'near_poor_rate', 'sponsor_org'];

const signature = (r: ImportedRow) => JSON.stringify(FIGURES.map((f) => r.values[f]));

/** Versions of one unit-year a message names and a row lists (the rest are counted). */
const LISTED = 12;

export interface DuplicateMarks {
  /** row index -> the source row it repeats */
  duplicateOf: Map<number, number>;
  /** row index -> the source rows of the other versions (the first LISTED) */
  conflictWith: Map<number, number[]>;
  /** row index -> messages to add */
  messages: Map<number, Issue[]>;
}

/** Finds copies and conflicting versions among matched rows (rows left out by the user take no part). */
export function findDuplicates(rows: readonly ImportedRow[], yearColumn: { column: string | null; columnIndex: number | null }): DuplicateMarks {
  const marks: DuplicateMarks = { duplicateOf: new Map(), conflictWith: new Map(), messages: new Map() };
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!r.commune_code || r.match === 'excluded') return;
    const key = `${r.commune_code}|${r.values.year ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const add = (i: number, m: Issue) => {
    const list = marks.messages.get(i);
    if (list) list.push(m);
    else marks.messages.set(i, [m]);
  };
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // versions in order of first appearance; the first row of each version stands for it
    const versions = new Map<string, number>();
    for (const i of members) {
      const r = rows[i];
      const sig = signature(r);
      const first = versions.get(sig);
      if (first === undefined) {
        versions.set(sig, i);
        continue;
      }
      const of = rows[first];
      marks.duplicateOf.set(i, of.sourceRow);
      const unit_name = r.unit?.commune_name ?? r.commune_code;
      add(i, issue('duplicate_collapsed', { row: r.sourceRow, of: of.sourceRow, unit_name, year: r.values.year }, { row: r.sourceRow }));
    }
    if (versions.size < 2) continue;
    const heads = [...versions.values()];
    const listed = heads.map((i) => rows[i].sourceRow);
    // a file giving one unit-year hundreds of times names the first few (linear, however many there are)
    const named = listed.length > LISTED ? `${listed.slice(0, LISTED).join(', ')}, … (${listed.length})` : listed.join(', ');
    for (const i of heads) {
      const r = rows[i];
      const others: number[] = [];
      for (const n of listed) {
        if (n !== r.sourceRow) others.push(n);
        if (others.length === LISTED) break;
      }
      marks.conflictWith.set(i, others);
      const where = r.yearSource === 'column' ? { row: r.sourceRow, ...yearColumn } : { row: r.sourceRow };
      add(i, issue('duplicate_conflict', { unit_name: r.unit?.commune_name ?? r.commune_code, year: r.values.year, rows: named }, where));
    }
  }
  return marks;
}
