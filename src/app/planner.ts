import { rowsOf, type SqlEngine } from '../db/engine';
import { isBehind, plannerTableSQL, type PlannerLevel, type PlannerRow } from '../db/sql/planner';
import { plannerTable2025SQL } from '../db/sql/vintage-planner';
import { POST_REFORM, type Vintage } from '../common/vintage';

/** The planner table; on the post-reform units the districts are the former ones (a historical grouping). */
export async function plannerRows(
  engine: SqlEngine,
  level: PlannerLevel,
  p: { province: string | null; year: number; baseYear: number; floor: number; vintage?: Vintage },
): Promise<PlannerRow[]> {
  const sql = p.vintage === POST_REFORM ? plannerTable2025SQL(level) : plannerTableSQL(level);
  const rows = rowsOf<Omit<PlannerRow, 'behind'>>(await engine.query(sql, [p.province, p.year, p.baseYear, p.floor]));
  return rows.map((r) => ({ ...r, behind: isBehind(r) }));
}
