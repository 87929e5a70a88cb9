/**
 * Programme targets as data: the published ones (table targets, built from the facts) and the ones a user enters
 * in the scorecard (table user_targets, kept in the browser and inserted at start-up). Both are read as one
 * relation, allTargetsSQL; the scorecard (scorecard.ts) and the planner's trajectory (planner.ts) read it.
 */
import { declaredColumns, duckdbType } from '../../common/schema';
import { quoteIdent } from '../engine';

/** The columns of an entered target, in the table's order. */
export const userTargetColumns = declaredColumns('user_targets').map((c) => c.name);

/** A target's own columns, published (table targets) or entered (user_targets): what the scorecard lists and scores. */
export interface TargetColumns {
  target_id: string;
  province_code: string;
  province_name: string;
  target_year: number;
  indicator: string;
  value: string;
  value_num: number | null;
  value_min: number | null;
  value_max: number | null;
  unit: string;
  note: string;
  source: string;
  parent_id: string | null;
}

/** An entered target as stored (IndexedDB) and inserted (DuckDB). */
export interface UserTargetRow extends TargetColumns {
  entered_at: string;
}

/** The empty table of entered targets, with the columns the schema declares (run once at start-up). */
export const userTargetsDDL = `CREATE TABLE IF NOT EXISTS user_targets (${declaredColumns('user_targets')
  .map((c) => `${quoteIdent(c.name)} ${duckdbType[c.type]}`)
  .join(', ')}, PRIMARY KEY (target_id))`;

/** Adds (or replaces) one entered target. Params: the row's values in userTargetColumns order. */
export const insertUserTargetSQL = `INSERT OR REPLACE INTO user_targets (${userTargetColumns.map(quoteIdent).join(', ')})
VALUES (${userTargetColumns.map(() => '?').join(', ')})`;

/** Params: [target_id]. */
export const deleteUserTargetSQL = `DELETE FROM user_targets WHERE target_id = ?`;

/** The values of a row as insertUserTargetSQL binds them. */
export const userTargetParams = (row: UserTargetRow): unknown[] => userTargetColumns.map((c) => row[c as keyof UserTargetRow]);

/**
 * Every target, published ('fact') and entered ('entered'), with the same columns (entered_at null for the
 * published ones). A subquery: use it as `FROM ${allTargetsSQL} t`.
 */
export const allTargetsSQL = `(SELECT *, 'fact' AS origin FROM targets UNION ALL BY NAME SELECT *, 'entered' AS origin FROM user_targets)`;
