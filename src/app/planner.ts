import { rowsOf, type SqlEngine } from '../db/engine';
import { isBehind, plannerTableSQL, type PlannerLevel, type PlannerRow } from '../db/sql/planner';

export async function plannerRows(
  engine: SqlEngine,
  level: PlannerLevel,
  p: { province: string | null; year: number; baseYear: number; floor: number },
): Promise<PlannerRow[]> {
  const rows = rowsOf<Omit<PlannerRow, 'behind'>>(await engine.query(plannerTableSQL(level), [p.province, p.year, p.baseYear, p.floor]));
  return rows.map((r) => ({ ...r, behind: isBehind(r) }));
}
