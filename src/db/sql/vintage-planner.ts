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
import { FIRST_POST_REFORM_YEAR } from '../../common/programme';
import type { PlannerLevel } from './planner';
import { provenanceSetSQL } from './provenance';
import { allTargetsSQL } from './targets';

const post = FIRST_POST_REFORM_YEAR;
const eraOf = (year: string) => `CASE WHEN (${year})::INTEGER >= ${post} THEN 'post' ELSE 'pre' END`;

export function plannerTable2025SQL(level: PlannerLevel): string {
  const district = level === 'district';
  const inProvince = (p: string) => (district ? `${p} = $1` : `($1::VARCHAR IS NULL OR ${p} = $1)`);
  const groups = district
    ? `SELECT DISTINCT un.group_code, d.district_name AS group_name, $1::VARCHAR AS province_code
       FROM units un JOIN unit_district d ON d.district_code = un.group_code`
    : `SELECT province_code AS group_code, province_name AS group_name, province_code FROM unit_province_2025`;
  const recognition = district
    ? `SELECT district_code AS group_code, arg_max(level, year) AS recognition, max(year)::INTEGER AS recognition_year
       FROM district_recognition WHERE year <= $2 GROUP BY ALL`
    : `SELECT NULL::VARCHAR AS group_code, NULL::VARCHAR AS recognition, NULL::INTEGER AS recognition_year WHERE FALSE`;
  return `
WITH main AS (
  -- the post-reform commune that received the largest part of each pre-reform commune
  SELECT old_commune_code, arg_max(new_commune_code, share) AS new_commune_code FROM crosswalk_2024_2025 GROUP BY ALL
),
units AS (
  SELECT o.commune_code, ${district ? 'o.district_code' : 'n.province_code'} AS group_code, o.commune_type = 'Xã' AS in_scope, 'pre' AS era
  FROM unit_commune o JOIN main m ON m.old_commune_code = o.commune_code JOIN unit_commune_2025 n ON n.commune_code = m.new_commune_code
  WHERE ${inProvince('n.province_code')}
  UNION ALL
  SELECT n.commune_code, ${district ? 'f.district_code' : 'n.province_code'}, n.commune_type = 'Xã', 'post'
  FROM unit_commune_2025 n LEFT JOIN commune_2025_former_district f USING (commune_code)
  WHERE ${inProvince('n.province_code')}
),
ntm AS (
  SELECT un.group_code, y.year,
    count(*) FILTER (WHERE y.tier <> 'chua_dat')::INTEGER AS ntm,
    count(*) FILTER (WHERE y.tier = 'nang_cao')::INTEGER AS nang_cao,
    count(*) FILTER (WHERE y.tier = 'kieu_mau')::INTEGER AS kieu_mau,
    avg(y.criteria_met_count) AS avg_criteria,
    count(*) FILTER (WHERE y.criteria_met_count < $4)::INTEGER AS below_floor,
    ${provenanceSetSQL('y.provenance')} AS provenance
  FROM units un JOIN commune_year y ON y.commune_code = un.commune_code AND y.year IN ($2, $3) AND un.era = ${eraOf('y.year')}
  WHERE un.in_scope GROUP BY ALL
),
pov AS (
  SELECT un.group_code, p.year, sum(p.households)::BIGINT AS households, sum(p.poor)::BIGINT AS poor,
         sum(p.near_poor)::BIGINT AS near_poor, ${provenanceSetSQL('p.provenance')} AS provenance
  FROM units un JOIN poverty_year p ON p.unit_code = un.commune_code AND p.year IN ($2, $3) AND un.era = ${eraOf('p.year')}
  GROUP BY ALL
),
scope AS (
  SELECT group_code, era, count(*) FILTER (WHERE in_scope)::INTEGER AS in_scope, count(*)::INTEGER AS units FROM units GROUP BY ALL
),
-- a post-reform province's NTM target (targets of 2026 and later are keyed by post-reform codes), as in plannerTableSQL
target AS (
  SELECT t.province_code, t.target_year::INTEGER AS target_year,
    CASE WHEN t.indicator = 'target_communes_ntm' THEN t.value_num / nullif(ps.in_scope, 0) ELSE t.value_num / 100 END AS target_share
  FROM ${allTargetsSQL} t
  LEFT JOIN (SELECT province_code, count(*) AS in_scope FROM unit_commune_2025 WHERE commune_type = 'Xã' GROUP BY ALL) ps ON ps.province_code = t.province_code
  WHERE t.indicator IN ('target_share_communes_ntm', 'target_communes_ntm') AND t.value_num IS NOT NULL AND t.target_year >= ${post}
  QUALIFY row_number() OVER (PARTITION BY t.province_code ORDER BY t.target_year < $2, abs(t.target_year - $2), t.origin) = 1
),
rec AS (${recognition}),
base AS (${groups})
SELECT b.group_code, b.group_name,
  coalesce(s.units, 0) AS units,
  coalesce(s.in_scope, 0) AS in_scope,
  c.ntm, c.nang_cao, c.kieu_mau,
  c.ntm / nullif(s.in_scope, 0) AS ntm_share,
  (c.nang_cao + c.kieu_mau) / nullif(s.in_scope, 0) AS advanced_share,
  c.avg_criteria, c.below_floor,
  pc.poor / nullif(pc.households, 0) AS poor_rate,
  pc.near_poor / nullif(pc.households, 0) AS near_poor_rate,
  pc.households, pc.poor, pc.near_poor,
  o.ntm / nullif(sb.in_scope, 0) AS base_ntm_share,
  c.ntm / nullif(s.in_scope, 0) - o.ntm / nullif(sb.in_scope, 0) AS ntm_share_change,
  pc.poor / nullif(pc.households, 0) - pb.poor / nullif(pb.households, 0) AS poor_rate_change,
  r.recognition, r.recognition_year,
  t.target_share, t.target_year,
  CASE WHEN t.target_year > $3 AND sb.in_scope > 0 THEN
    o.ntm / sb.in_scope + (t.target_share - o.ntm / sb.in_scope) * least(1.0, ($2 - $3) / (t.target_year - $3))
  END AS expected_share,
  t.target_share - c.ntm / nullif(s.in_scope, 0) AS target_gap,
  c.provenance AS ntm_provenance, o.provenance AS ntm_base_provenance,
  pc.provenance AS poverty_provenance, pb.provenance AS poverty_base_provenance
FROM base b
LEFT JOIN scope s ON s.group_code = b.group_code AND s.era = ${eraOf('$2')}
LEFT JOIN scope sb ON sb.group_code = b.group_code AND sb.era = ${eraOf('$3')}
LEFT JOIN ntm c ON c.group_code = b.group_code AND c.year = $2
LEFT JOIN ntm o ON o.group_code = b.group_code AND o.year = $3
LEFT JOIN pov pc ON pc.group_code = b.group_code AND pc.year = $2
LEFT JOIN pov pb ON pb.group_code = b.group_code AND pb.year = $3
LEFT JOIN rec r ON r.group_code = b.group_code
LEFT JOIN target t ON t.province_code = b.province_code
ORDER BY b.group_code`;
}
