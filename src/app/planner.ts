import { rowsOf, type SqlEngine } from '../db/engine';
import { isBehind, plannerTableSQL, type PlannerLevel } from '../db/sql/planner';

export interface PlannerRow {
  group_code: string;
  group_name: string;
  units: number;
  in_scope: number;
  ntm: number | null;
  nang_cao: number | null;
  kieu_mau: number | null;
  ntm_share: number | null;
  advanced_share: number | null;
  avg_criteria: number | null;
  below_floor: number | null;
  poor_rate: number | null;
  near_poor_rate: number | null;
  households: number | null;
  poor: number | null;
  near_poor: number | null;
  base_ntm_share: number | null;
  ntm_share_change: number | null;
  poor_rate_change: number | null;
  recognition: string | null;
  recognition_year: number | null;
  target_share: number | null;
  target_year: number | null;
  expected_share: number | null;
  target_gap: number | null;
  behind: boolean;
}

export async function plannerRows(
  engine: SqlEngine,
  level: PlannerLevel,
  p: { province: string | null; year: number; baseYear: number; floor: number },
): Promise<PlannerRow[]> {
  const rows = rowsOf<Omit<PlannerRow, 'behind'>>(await engine.query(plannerTableSQL(level), [p.province, p.year, p.baseYear, p.floor]));
  return rows.map((r) => ({ ...r, behind: isBehind(r) }));
}
