import { FIRST_POST_REFORM_YEAR } from '../../common/programme';
import { inScopeOf, plannerSQL, recognitionOf, type PlannerLevel } from './planner';

const post = FIRST_POST_REFORM_YEAR;

/**
 * The planner table on the post-reform units (plannerTableSQL's columns, src/db/sql/planner.ts): nationally one row
 * per post-reform province; in a province, one row per former district, the historical grouping the review
 * conferences for 2021-2025 still use (the post-reform units have no districts).
 *
 * Each year is read on the units its rows are keyed by (src/common/vintage.ts): before 2026 the pre-reform communes,
 * each in its own district and in the province its largest part went to; from 2026 the post-reform communes, each
 * in the former district that gave it most (commune_2025_former_district). Counts are never apportioned here: a
 * pre-reform commune counts whole in one group, so every group's NTM counts and poverty sums are exact for its
 * pre-reform communes. Params: $1 province (post-reform code; NULL = national), $2 year, $3 base year, $4 floor.
 */
export function plannerTable2025SQL(level: PlannerLevel): string {
  const district = level === 'district';
  return plannerSQL({
    // the post-reform commune that received the largest part of each pre-reform commune
    before: `main AS (SELECT old_commune_code, arg_max(new_commune_code, share) AS new_commune_code FROM crosswalk_2024_2025 GROUP BY ALL),`,
    units: `
      SELECT o.commune_code, ${district ? 'o.district_code' : 'n.province_code'} AS group_code, o.commune_type = 'Xã' AS in_scope, 'pre' AS era
      FROM unit_commune o JOIN main m ON m.old_commune_code = o.commune_code JOIN unit_commune_2025 n ON n.commune_code = m.new_commune_code
      WHERE ${inScopeOf(level, 'n.province_code')}
      UNION ALL
      SELECT n.commune_code, ${district ? 'f.district_code' : 'n.province_code'}, n.commune_type = 'Xã', 'post'
      FROM unit_commune_2025 n LEFT JOIN commune_2025_former_district f USING (commune_code)
      WHERE ${inScopeOf(level, 'n.province_code')}`,
    eraOf: (year) => `CASE WHEN (${year})::INTEGER >= ${post} THEN 'post' ELSE 'pre' END`,
    groups: district
      ? `SELECT DISTINCT un.group_code, d.district_name AS group_name, $1::VARCHAR AS province_code
         FROM units un JOIN unit_district d ON d.district_code = un.group_code`
      : `SELECT province_code AS group_code, province_name AS group_name, province_code FROM unit_province_2025`,
    recognition: recognitionOf(level),
    // targets of 2026 and later are keyed by post-reform codes
    targetUnits: 'unit_commune_2025',
    targetYears: `t.target_year >= ${post}`,
  });
}
