/**
 * The scorecard: every target of a province's programme (or of every province, nationally) scored from the data
 * loaded, in SQL: the measure now and at the base year, the linear trajectory from the base year to the target,
 * and a verdict. A target whose indicator the data cannot measure says so and why.
 *
 * - The base year is the year before the target's programme period (criteria_sets.period_from - 1: 2020 for a
 *   2021-2025 target), or the first year with data when that is later (2016 for a 2016-2020 target).
 * - The measure is read in the shown year, or in the target year when the shown year is later.
 * - Level measures (shares, counts) follow a straight line from the base-year value to the goal at the target
 *   year; per-year measures (poverty reduced per year) are averaged over the year pairs measured with one poverty
 *   standard (a pair spanning the 2022 change of standard is left out and counted).
 * - A target is scored on the units its codes are of (src/common/vintage.ts): one of 2026 or later on a post-reform
 *   province, from its communes' own rows from 2026 and, before (its base year), the rows of the pre-reform communes
 *   that went into it (each whole, in the new province its largest part went to, as the post-reform planner reads
 *   them: vintage-planner.ts); an earlier one on a pre-reform province and its communes' rows before 2026.
 * Province '00' is the whole country.
 */
import { provenanceSetSQL } from './provenance';
import { allTargetsSQL, type TargetColumns } from './targets';
import { POST_REFORM, PRE_REFORM, rowsOfVintageSQL, type Vintage } from '../../common/vintage';

export type Measure =
  | 'ntm_share' | 'ntm_count' | 'advanced_share' | 'model_share' | 'advanced_of_ntm' | 'model_of_ntm' | 'below_floor' | 'districts_recognised'
  | 'poor_reduced_per_year' | 'poor_points_per_year' | 'poor_rate';

/** What a target indicator measures, and which way is better. A target indicator not listed cannot be measured. */
export const TARGET_MEASURES: Record<string, { measure: Measure; direction: 'up' | 'down'; unit: string }> = {
  target_share_communes_ntm: { measure: 'ntm_share', direction: 'up', unit: 'percent' },
  target_communes_ntm: { measure: 'ntm_count', direction: 'up', unit: 'communes' },
  target_share_communes_advanced_or_model: { measure: 'advanced_share', direction: 'up', unit: 'percent' },
  target_share_communes_model: { measure: 'model_share', direction: 'up', unit: 'percent' },
  target_share_advanced_of_ntm: { measure: 'advanced_of_ntm', direction: 'up', unit: 'percent' },
  target_share_model_of_ntm: { measure: 'model_of_ntm', direction: 'up', unit: 'percent' },
  // the value is the floor (12 criteria); the goal is no commune under it
  target_min_criteria_per_commune: { measure: 'below_floor', direction: 'down', unit: 'criteria' },
  target_districts_ntm: { measure: 'districts_recognised', direction: 'up', unit: 'districts' },
  target_poor_households_reduced_per_year: { measure: 'poor_reduced_per_year', direction: 'up', unit: 'households per year' },
  target_poor_rate_reduction_points_per_year: { measure: 'poor_points_per_year', direction: 'up', unit: 'points per year' },
  target_poor_rate_max: { measure: 'poor_rate', direction: 'down', unit: 'percent' },
};

/** Measures averaged per year over pairs of years (the rest are levels, read in one year). */
export const PER_YEAR_MEASURES: readonly Measure[] = ['poor_reduced_per_year', 'poor_points_per_year'];
const POVERTY_MEASURES: readonly Measure[] = [...PER_YEAR_MEASURES, 'poor_rate'];

export type Verdict = 'met' | 'on_track' | 'behind' | 'missed' | 'not_started' | 'no_data' | 'not_measurable';

export interface ScoredTarget extends Omit<TargetColumns, 'value_num'> {
  /** the units the target is scored on: its province's vintage (by its target year, or the view's for a key figure) */
  vintage: Vintage;
  /** 'fact' (published) or 'entered' (by a user); 'figure' for a key figure */
  origin: 'fact' | 'entered' | 'figure';
  measure: Measure | null;
  direction: 'up' | 'down' | null;
  /** the measure's goal: the target value (its lower bound for a range to reach, upper bound for one not to pass); 0 below a floor */
  goal: number | null;
  period_from: number;
  base_year: number;
  /** the year the measure is read in: the shown year, or the target year once it is past */
  eval_year: number;
  value_base: number | null;
  value_now: number | null;
  /** where the straight line from the base value to the goal stands in eval_year (per-year measures: the goal); null before the period */
  expected_now: number | null;
  verdict: Verdict;
  /** per-year measures: year pairs averaged, and pairs left out because the poverty standard changed between them */
  pairs: number | null;
  skipped_pairs: number | null;
  /** poverty measures: poor households and poor rate (%) in the base year and in eval_year */
  poor_base: number | null;
  poor_now: number | null;
  poor_rate_base: number | null;
  poor_rate_now: number | null;
  /** provenance sets of the rows the values rest on ('fact+illustrative'; null: none) */
  base_provenance: string | null;
  now_provenance: string | null;
}

// rank: the order targets are listed in (the order above; an indicator the data cannot measure comes last)
const measureRows = Object.entries(TARGET_MEASURES)
  .map(([indicator, m], rank) => `('${indicator}', '${m.measure}', '${m.direction}', ${rank})`)
  .join(', ');
export const measureListSQL = (ms: readonly Measure[]) => ms.map((m) => `'${m}'`).join(', ');

/** The vintage of a target's codes: that of its target year's rows (2026 on: post-reform). */
const targetVintageSQL = `CASE WHEN ${rowsOfVintageSQL(POST_REFORM, 't.target_year')} THEN '${POST_REFORM}' ELSE '${PRE_REFORM}' END`;

/**
 * The targets, with their measure, period, base and evaluation years, goal and vintage. `where` filters the targets
 * of `source` (its parameters are the caller's); $2 is the shown year; `vintage` (SQL) the units each is scored on.
 */
export function targetsCTE(where: string, source = allTargetsSQL, vintage = targetVintageSQL): string {
  return `
first_year AS (SELECT min(year)::INTEGER AS y FROM commune_year),
t AS (
  SELECT t.target_id, t.province_code, t.province_name, t.target_year::INTEGER AS target_year, t.indicator, t.value,
    t.value_num, t.value_min, t.value_max, t.unit, t.note, t.source, t.parent_id, t.origin, ${vintage} AS vintage,
    k.measure, k.direction, coalesce(k.rank, 99) AS rank,
    coalesce(cs.period_from, t.target_year - 4)::INTEGER AS period_from,
    greatest(coalesce(cs.period_from, t.target_year - 4) - 1, (SELECT y FROM first_year))::INTEGER AS base_year,
    least($2::INTEGER, t.target_year)::INTEGER AS eval_year,
    CASE WHEN k.measure = 'below_floor' THEN 0
         WHEN k.direction = 'up' THEN coalesce(t.value_min, t.value_num)
         ELSE coalesce(t.value_max, t.value_num) END AS goal
  FROM ${source} t
  LEFT JOIN (VALUES ${measureRows}) k(indicator, measure, direction, rank) ON k.indicator = t.indicator
  LEFT JOIN criteria_sets cs ON t.target_year BETWEEN cs.period_from AND cs.period_to
  WHERE ${where}
)`;
}

/**
 * Per vintage, place ('00' = country) and year: the measures' ingredients, with the provenance of their rows. Each
 * unit's rows are those of the years its code is of (`post_rows`: 2026 on), since the codes of the vintages collide.
 */
const placeYearCTEs = `
years AS (SELECT DISTINCT year FROM commune_year UNION SELECT DISTINCT year FROM poverty_year),
places AS (SELECT DISTINCT vintage, province_code AS place FROM t),
-- the post-reform commune that received the largest part of each pre-reform commune
main AS (SELECT old_commune_code, arg_max(new_commune_code, share) AS new_commune_code FROM crosswalk_2024_2025 GROUP BY ALL),
units AS (
  SELECT '${PRE_REFORM}' AS vintage, FALSE AS post_rows, u.commune_code, u.province_code, u.commune_type = 'Xã' AS rural FROM unit_commune u
  WHERE EXISTS (SELECT 1 FROM places p WHERE p.vintage = '${PRE_REFORM}' AND p.place IN ('00', u.province_code))
  UNION ALL
  SELECT '${POST_REFORM}', FALSE, o.commune_code, n.province_code, o.commune_type = 'Xã'
  FROM unit_commune o JOIN main m ON m.old_commune_code = o.commune_code JOIN unit_commune_2025 n ON n.commune_code = m.new_commune_code
  WHERE EXISTS (SELECT 1 FROM places p WHERE p.vintage = '${POST_REFORM}' AND p.place IN ('00', n.province_code))
  UNION ALL
  SELECT '${POST_REFORM}', TRUE, n.commune_code, n.province_code, n.commune_type = 'Xã' FROM unit_commune_2025 n
  WHERE EXISTS (SELECT 1 FROM places p WHERE p.vintage = '${POST_REFORM}' AND p.place IN ('00', n.province_code))
),
ny AS (
  SELECT u.vintage, u.province_code, u.rural, y.year, y.tier, y.criteria_met_count, y.provenance
  FROM units u JOIN commune_year y ON y.commune_code = u.commune_code
  WHERE u.post_rows = (${rowsOfVintageSQL(POST_REFORM, 'y.year')})
),
lv AS (
  SELECT vintage, coalesce(province_code, '00') AS place, year, count(*) AS xa,
    count(*) FILTER (WHERE tier <> 'chua_dat') AS ntm,
    count(*) FILTER (WHERE tier IN ('nang_cao', 'kieu_mau')) AS advanced,
    count(*) FILTER (WHERE tier = 'kieu_mau') AS model,
    ${provenanceSetSQL('provenance')} AS provenance
  FROM ny WHERE rural GROUP BY GROUPING SETS ((vintage, province_code, year), (vintage, year))
),
hist AS (
  SELECT vintage, coalesce(province_code, '00') AS place, year, criteria_met_count AS criteria, count(*) AS n
  FROM ny WHERE rural GROUP BY GROUPING SETS ((vintage, province_code, year, criteria_met_count), (vintage, year, criteria_met_count))
),
pv AS (
  SELECT u.vintage, coalesce(u.province_code, '00') AS place, p.year, sum(p.households) AS households, sum(p.poor) AS poor,
    CASE WHEN count(DISTINCT p.standard) = 1 THEN min(p.standard) END AS standard,
    ${provenanceSetSQL('p.provenance')} AS provenance
  FROM units u JOIN poverty_year p ON p.unit_code = u.commune_code
  WHERE u.post_rows = (${rowsOfVintageSQL(POST_REFORM, 'p.year')})
  GROUP BY GROUPING SETS ((u.vintage, u.province_code, p.year), (u.vintage, p.year))
),
pairs AS (
  SELECT vintage, place, year, poor, households, provenance,
    coalesce(lag(year) OVER w = year - 1 AND lag(standard) OVER w = standard, FALSE) AS comparable,
    lag(poor) OVER w - poor AS reduced,
    100.0 * (lag(poor) OVER w / lag(households) OVER w - poor / households) AS points,
    lag(provenance) OVER w AS prev_provenance
  FROM pv WINDOW w AS (PARTITION BY vintage, place ORDER BY year)
)`;

/** Per target and year: the value of its measure (in the target's unit), with the provenance it rests on. */
const measureValuesCTE = `
below AS (
  SELECT t.target_id, h.year, coalesce(sum(h.n) FILTER (WHERE h.criteria < t.value_num), 0) AS value
  FROM t JOIN hist h ON h.vintage = t.vintage AND h.place = t.province_code WHERE t.measure = 'below_floor' GROUP BY ALL
),
recognised AS (
  SELECT t.target_id, yr.year, count(DISTINCT r.district_code) AS value
  FROM t CROSS JOIN years yr
  LEFT JOIN district_recognition r ON t.province_code IN ('00', r.province_code) AND r.year BETWEEN t.period_from AND yr.year
  -- districts were abolished with the reform: a post-reform province has none to recognise
  WHERE t.measure = 'districts_recognised' AND t.vintage = '${PRE_REFORM}' GROUP BY ALL
),
rates AS (
  SELECT t.target_id, yr.year,
    avg(p.reduced) FILTER (WHERE p.comparable) AS reduced,
    avg(p.points) FILTER (WHERE p.comparable) AS points,
    count(*) FILTER (WHERE p.comparable) AS pairs,
    count(*) FILTER (WHERE NOT p.comparable) AS skipped,
    concat_ws('+', string_agg(DISTINCT p.provenance, '+'), string_agg(DISTINCT p.prev_provenance, '+')) AS provenance
  FROM t CROSS JOIN years yr JOIN pairs p ON p.vintage = t.vintage AND p.place = t.province_code AND p.year > t.base_year AND p.year <= yr.year
  WHERE t.measure IN (${measureListSQL(PER_YEAR_MEASURES)}) GROUP BY ALL
),
mv AS (
  SELECT t.target_id, yr.year,
    CASE t.measure
      WHEN 'ntm_share' THEN 100.0 * l.ntm / nullif(l.xa, 0)
      WHEN 'ntm_count' THEN l.ntm
      WHEN 'advanced_share' THEN 100.0 * l.advanced / nullif(l.xa, 0)
      WHEN 'model_share' THEN 100.0 * l.model / nullif(l.xa, 0)
      WHEN 'advanced_of_ntm' THEN 100.0 * l.advanced / nullif(l.ntm, 0)
      WHEN 'model_of_ntm' THEN 100.0 * l.model / nullif(l.ntm, 0)
      WHEN 'below_floor' THEN b.value
      WHEN 'districts_recognised' THEN r.value
      WHEN 'poor_rate' THEN 100.0 * p.poor / nullif(p.households, 0)
      WHEN 'poor_reduced_per_year' THEN q.reduced
      WHEN 'poor_points_per_year' THEN q.points
    END::DOUBLE AS value,
    CASE WHEN t.measure = 'districts_recognised' THEN 'fact'
         WHEN t.measure IN (${measureListSQL(PER_YEAR_MEASURES)}) THEN q.provenance
         WHEN t.measure = 'poor_rate' THEN p.provenance
         ELSE l.provenance END AS provenance,
    q.pairs, q.skipped, p.poor, 100.0 * p.poor / nullif(p.households, 0) AS poor_rate, p.provenance AS poverty_provenance
  FROM t CROSS JOIN years yr
  LEFT JOIN lv l ON l.vintage = t.vintage AND l.place = t.province_code AND l.year = yr.year
  LEFT JOIN below b ON b.target_id = t.target_id AND b.year = yr.year
  LEFT JOIN recognised r ON r.target_id = t.target_id AND r.year = yr.year
  LEFT JOIN pv p ON p.vintage = t.vintage AND p.place = t.province_code AND p.year = yr.year
  LEFT JOIN rates q ON q.target_id = t.target_id AND q.year = yr.year
  WHERE t.measure IS NOT NULL
)`;

const perYear = `t.measure IN (${measureListSQL(PER_YEAR_MEASURES)})`;
const reached = (v: string, goal: string) => `CASE WHEN t.direction = 'up' THEN ${v} >= ${goal} - 1e-9 ELSE ${v} <= ${goal} + 1e-9 END`;

/** Scores the targets of `source` that pass `where`, in the shown year ($2): one row per target (ScoredTarget). */
const scoreSQL = (where: string, source?: string, vintage?: string) => `
WITH ${targetsCTE(where, source, vintage)},
${placeYearCTEs},
${measureValuesCTE},
scored AS (
  SELECT t.*, b.value AS value_base, n.value AS value_now,
    -- no trajectory before the period starts (a 2026-2030 target in 2025): its line begins at the base year's value
    CASE WHEN $2::INTEGER < t.period_from THEN NULL
         WHEN ${perYear} THEN t.goal
         WHEN t.target_year > t.base_year THEN b.value + (t.goal - b.value) * (t.eval_year - t.base_year) / (t.target_year - t.base_year)
    END AS expected_now,
    n.pairs, n.skipped AS skipped_pairs,
    b.poor AS poor_base, n.poor AS poor_now, b.poor_rate AS poor_rate_base, n.poor_rate AS poor_rate_now,
    CASE WHEN t.measure IN (${measureListSQL(POVERTY_MEASURES)}) AND NOT ${perYear} THEN b.poverty_provenance ELSE b.provenance END AS base_provenance,
    n.provenance AS now_provenance
  FROM t
  LEFT JOIN mv b ON b.target_id = t.target_id AND b.year = t.base_year
  LEFT JOIN mv n ON n.target_id = t.target_id AND n.year = t.eval_year
)
SELECT target_id, province_code, province_name, target_year, indicator, value, value_min, value_max, unit, note, source,
  parent_id, vintage, origin, measure, direction, goal, period_from, base_year, eval_year, value_base, value_now, expected_now,
  CASE
    WHEN t.measure IS NULL THEN 'not_measurable'
    -- the shown year before the period (the base year is the year before it): nothing to score yet
    WHEN $2::INTEGER < t.period_from THEN 'not_started'
    WHEN t.value_now IS NULL THEN 'no_data'
    WHEN ${perYear} AND t.eval_year < t.target_year THEN CASE WHEN ${reached('t.value_now', 't.goal')} THEN 'on_track' ELSE 'behind' END
    WHEN ${reached('t.value_now', 't.goal')} THEN 'met'
    WHEN t.eval_year >= t.target_year THEN 'missed'
    WHEN t.expected_now IS NOT NULL AND ${reached('t.value_now', 't.expected_now')} THEN 'on_track'
    ELSE 'behind'
  END AS verdict,
  pairs::INTEGER AS pairs, skipped_pairs::INTEGER AS skipped_pairs, poor_base::DOUBLE AS poor_base, poor_now::DOUBLE AS poor_now,
  poor_rate_base, poor_rate_now, base_provenance, now_provenance
FROM scored t
-- each sub-target right after its parent (the parent's rank), published before entered
ORDER BY province_code, origin DESC, coalesce((SELECT p.rank FROM t p WHERE p.target_id = t.parent_id), t.rank),
  coalesce(parent_id, target_id), parent_id NULLS FIRST, t.rank, target_id`;

/**
 * The targets of a province ($1; NULL = every target, nationally), scored in the shown year ($2): published first,
 * each sub-target after its parent; each on the units of its vintage (a code means a province of the vintage of the
 * target's year: 44 is old Quảng Bình for 2025, new Quảng Trị for 2030).
 */
export const scorecardSQL = scoreSQL('($1::VARCHAR IS NULL OR t.province_code = $1)');

/** scorecardSQL for a view of one vintage: the targets whose codes are of its units (by their target year). */
export const scorecardOfVintageSQL = (vintage: Vintage): string =>
  scoreSQL(`($1::VARCHAR IS NULL OR t.province_code = $1) AND ${rowsOfVintageSQL(vintage, 't.target_year')}`);

/** The measures the key figures show, in order (the floor one with the planner's floor). */
export const KEY_FIGURES = [
  'target_share_communes_ntm', 'target_share_communes_advanced_or_model', 'target_share_communes_model', 'target_min_criteria_per_commune',
  'target_districts_ntm', 'target_poor_households_reduced_per_year', 'target_poor_rate_reduction_points_per_year',
] as const;

/**
 * Key figures of a place ($1; NULL = the country) of a vintage's view in the shown year ($2), whatever its targets:
 * every measure of KEY_FIGURES over the programme period of the year (communes under the floor $3), scored as
 * targets without a goal (value_now, value_base, pairs of the per-year ones; the verdict means nothing here), on the
 * units of the view (a post-reform province before 2026: the rows of the pre-reform communes that went into it).
 */
export const keyFiguresOfVintageSQL = (vintage: Vintage): string => scoreSQL(
  'TRUE',
  `(SELECT 'key-' || k.indicator AS target_id, coalesce($1::VARCHAR, '00') AS province_code, '' AS province_name,
     coalesce((SELECT max(period_to) FROM criteria_sets WHERE $2 BETWEEN period_from AND period_to), $2)::INTEGER AS target_year,
     k.indicator, '' AS value, CASE WHEN k.indicator = 'target_min_criteria_per_commune' THEN $3::DOUBLE END AS value_num,
     NULL::DOUBLE AS value_min, NULL::DOUBLE AS value_max, '' AS unit, '' AS note, '' AS source, NULL::VARCHAR AS parent_id, 'figure' AS origin
   FROM (VALUES ${KEY_FIGURES.map((k) => `('${k}')`).join(', ')}) k(indicator)
   -- the floor is of a criteria set (12 of 19): none for a year whose set has fewer criteria (QĐ 51/2025: 10)
   WHERE k.indicator <> 'target_min_criteria_per_commune'
      OR $3 <= (SELECT min(n_criteria) FROM criteria_sets WHERE $2 BETWEEN period_from AND period_to))`,
  `'${vintage}'`,
);
export const keyFiguresSQL = keyFiguresOfVintageSQL(PRE_REFORM);

/** One target's measure in every year with data (the trajectory chart). Params: $1 target id, $2 shown year. */
export const targetSeriesSQL = `
WITH ${targetsCTE('t.target_id = $1')},
${placeYearCTEs},
${measureValuesCTE}
SELECT year::INTEGER AS year, value, provenance FROM mv WHERE value IS NOT NULL ORDER BY year`;
