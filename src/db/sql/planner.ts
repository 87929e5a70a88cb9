import { provenanceSetSQL } from './provenance';
import { FIRST_POST_REFORM_YEAR } from '../../common/programme';
import { allTargetsSQL } from './targets';

/**
 * The planner's district table (or province table in the national view), computed in one SQL statement:
 * scope, NTM tiers and shares, average criteria, communes below the floor, poverty as sum ratios, change
 * since a base year, district recognition, target and the linear target trajectory. `target_gap` is signed: the
 * points still short of the target (negative: beyond it).
 *
 * Params: $1 province code (ignored at province level), $2 year, $3 base year, $4 criteria floor.
 */
export type PlannerLevel = 'district' | 'province';

/** One row of the planner table as the app shows it (`behind`: under its target trajectory, see isBehind). */
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
  /** The provenances of the group's rows of each series, in the year and the base year ('fact+illustrative'). */
  ntm_provenance: string | null;
  ntm_base_provenance: string | null;
  poverty_provenance: string | null;
  poverty_base_provenance: string | null;
  behind: boolean;
}

/**
 * Where a planner table's rows come from (one per vintage): the units counted, each in its group, and the group
 * list. Each unit carries the era its rows are keyed by ('pre': 2024 codes, 'post': post-reform codes); where a
 * vintage's units are of both eras, a row counts only for a unit of its year's era (src/common/vintage.ts), so codes
 * that collide across vintages never mix, and a share is taken over the units of its own year's era.
 */
export interface PlannerUnitSource {
  /** CTEs the units read, each followed by a comma (or empty). */
  before: string;
  /** SELECTs of (commune_code, group_code, in_scope, era): the units of the scope ($1), each in its group. */
  units: string;
  /** The era of the rows of a year (an SQL expression of that year; a constant where every unit is of one era). */
  eraOf: (year: string) => string;
  /** SELECT of (group_code, group_name, province_code): every row of the table, also those without a unit. */
  groups: string;
  /** SELECT of (group_code, recognition, recognition_year) as of the year $2. */
  recognition: string;
  /** The unit table whose rural communes a target given as a number of communes is a share of. */
  targetUnits: string;
  /** Which targets are this vintage's (an SQL condition on t.target_year). */
  targetYears: string;
}

/** The units of the scope: in a province ($1) or, at province level, nationally where $1 is NULL. */
export const inScopeOf = (level: PlannerLevel, provinceColumn: string) =>
  level === 'district' ? `${provinceColumn} = $1` : `($1::VARCHAR IS NULL OR ${provinceColumn} = $1)`;

/** The latest recognition of each district as of the year $2; province rows have none. */
export const recognitionOf = (level: PlannerLevel) =>
  level === 'district'
    ? `SELECT district_code AS group_code, arg_max(level, year) AS recognition, max(year)::INTEGER AS recognition_year
       FROM district_recognition WHERE year <= $2 GROUP BY ALL`
    : `SELECT NULL::VARCHAR AS group_code, NULL::VARCHAR AS recognition, NULL::INTEGER AS recognition_year WHERE FALSE`;

/** The pre-reform units: each commune in its own district or province; every row before 2026. */
function preReformUnits(level: PlannerLevel): PlannerUnitSource {
  const g = level === 'district' ? 'district_code' : 'province_code';
  return {
    before: '',
    units: `SELECT u.commune_code, u.${g} AS group_code, u.commune_type = 'Xã' AS in_scope, 'pre' AS era FROM unit_commune u
      WHERE ${inScopeOf(level, 'u.province_code')}`,
    eraOf: () => `'pre'`,
    groups:
      level === 'district'
        ? `SELECT district_code AS group_code, district_name AS group_name, province_code FROM unit_district WHERE province_code = $1`
        : `SELECT province_code AS group_code, province_name AS group_name, province_code FROM unit_province`,
    recognition: recognitionOf(level),
    targetUnits: 'unit_commune',
    // later targets are of post-reform provinces (vintage-planner.ts), whose codes may be an old province's
    targetYears: `t.target_year < ${FIRST_POST_REFORM_YEAR}`,
  };
}

export function plannerTableSQL(level: PlannerLevel): string {
  return plannerSQL(preReformUnits(level));
}

/** The planner table over a vintage's units (the params as above). */
export function plannerSQL(source: PlannerUnitSource): string {
  const { eraOf } = source;
  return `
WITH ${source.before}
units AS (${source.units}),
ntm AS (
  SELECT un.group_code, y.year,
    count(*) FILTER (WHERE y.tier <> 'chua_dat')::INTEGER AS ntm,
    count(*) FILTER (WHERE y.tier = 'nang_cao')::INTEGER AS nang_cao,
    count(*) FILTER (WHERE y.tier = 'kieu_mau')::INTEGER AS kieu_mau,
    avg(y.criteria_met_count) AS avg_criteria,
    -- a floor is of a criteria set: 12 of QĐ 318's 19 means nothing for QĐ 51/2025's 10 (no count, not zero)
    CASE WHEN min(cs.n_criteria) >= $4 THEN count(*) FILTER (WHERE y.criteria_met_count < $4) END::INTEGER AS below_floor,
    ${provenanceSetSQL('y.provenance')} AS provenance
  FROM units un JOIN commune_year y ON y.commune_code = un.commune_code AND y.year IN ($2, $3) AND un.era = ${eraOf('y.year')}
  LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
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
-- the province's NTM target (published or entered) that the year works towards: the nearest not yet past, else the
-- last; a number of communes is read as a share of the province's rural communes; an entered one before a published one
target AS (
  SELECT t.province_code, t.target_year::INTEGER AS target_year,
    CASE WHEN t.indicator = 'target_communes_ntm' THEN t.value_num / nullif(ps.in_scope, 0) ELSE t.value_num / 100 END AS target_share
  FROM ${allTargetsSQL} t
  LEFT JOIN (SELECT province_code, count(*) AS in_scope FROM ${source.targetUnits} WHERE commune_type = 'Xã' GROUP BY ALL) ps ON ps.province_code = t.province_code
  WHERE t.indicator IN ('target_share_communes_ntm', 'target_communes_ntm') AND t.value_num IS NOT NULL AND ${source.targetYears}
  QUALIFY row_number() OVER (PARTITION BY t.province_code ORDER BY t.target_year < $2, abs(t.target_year - $2), t.origin) = 1
),
rec AS (${source.recognition}),
base AS (${source.groups})
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
  -- linear trajectory from the group's own base-year share (of its units of that year's era) to the province target
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

/** A district is behind when its share is under its expected trajectory share (districts without scope never are). */
export const isBehind = (row: { ntm_share: number | null; expected_share: number | null }) =>
  row.ntm_share !== null && row.expected_share !== null && row.ntm_share < row.expected_share - 1e-9;
