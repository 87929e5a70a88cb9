/**
 * The places that hold a target back, in the year it is read in (scorecard.ts): the districts of the province
 * (the provinces, for a national target) below their own trajectory to it, the communes below a criteria floor,
 * the districts not yet recognised. Every value is in the target's unit; `expected` is what the place would need
 * to show now for the province to be on its trajectory (see each measure below).
 * Params: $1 target id, $2 shown year.
 */
import { provenanceSetSQL } from './provenance';
import { targetsCTE, type Measure } from './scorecard';
import { PRE_REFORM } from '../../common/vintage';

export interface Holdout {
  level: 'district' | 'province' | 'commune';
  code: string;
  name: string;
  /** the commune's district (communes only) */
  district_name: string | null;
  value: number | null;
  expected: number | null;
  /** communes not yet NTM (district measures), or the criteria of the commune's set (below a floor) */
  extra: number | null;
  provenance: string | null;
}

/** A place's rows of the target's year(s): its group is a district, or a province for a national target. */
const groupsCTE = `
units AS (
  SELECT u.commune_code, u.commune_name, u.district_code, u.commune_type = 'Xã' AS rural,
    CASE WHEN t.province_code = '00' THEN u.province_code ELSE u.district_code END AS grp
  -- a post-reform target's province has no districts: its places are not listed (yet)
  FROM unit_commune u, t WHERE t.province_code IN ('00', u.province_code) AND t.vintage = '${PRE_REFORM}'
),
names AS (
  SELECT district_code AS grp, district_name AS name, 'district' AS level FROM unit_district
  UNION ALL SELECT province_code, province_name, 'province' FROM unit_province
),
g AS (
  SELECT un.grp, y.year, count(*) AS xa,
    count(*) FILTER (WHERE y.tier <> 'chua_dat') AS ntm,
    count(*) FILTER (WHERE y.tier IN ('nang_cao', 'kieu_mau')) AS advanced,
    count(*) FILTER (WHERE y.tier = 'kieu_mau') AS model,
    ${provenanceSetSQL('y.provenance')} AS provenance
  FROM units un JOIN commune_year y ON y.commune_code = un.commune_code, t
  WHERE un.rural AND y.year IN (t.base_year, t.eval_year) GROUP BY ALL
),
gp AS (
  SELECT un.grp, p.year, sum(p.households) AS households, sum(p.poor) AS poor,
    CASE WHEN count(DISTINCT p.standard) = 1 THEN min(p.standard) END AS standard, ${provenanceSetSQL('p.provenance')} AS provenance
  FROM units un JOIN poverty_year p ON p.unit_code = un.commune_code GROUP BY ALL
),
gpairs AS (
  SELECT grp, year, provenance,
    coalesce(lag(year) OVER w = year - 1 AND lag(standard) OVER w = standard, FALSE) AS comparable,
    lag(poor) OVER w - poor AS reduced,
    100.0 * (lag(poor) OVER w / lag(households) OVER w - poor / households) AS points
  FROM gp WINDOW w AS (PARTITION BY grp ORDER BY year)
)`;

/** Levels: the group's share now, against a straight line from its own base share to the province's goal share. */
function shareRows(count: 'ntm' | 'advanced' | 'model'): string {
  return `
SELECT n.grp, 100.0 * n.${count} / n.xa AS value,
  CASE WHEN t.eval_year >= t.target_year OR t.target_year <= t.base_year THEN gs.goal_share
       ELSE 100.0 * b.${count} / b.xa + (gs.goal_share - 100.0 * b.${count} / b.xa) * (t.eval_year - t.base_year) / (t.target_year - t.base_year)
  END AS expected,
  n.xa - n.ntm AS extra, n.provenance
FROM t CROSS JOIN g n LEFT JOIN g b ON b.grp = n.grp AND b.year = t.base_year
  -- a count to reach (45 communes) is the same share of every group: 45 of the place's communes
  CROSS JOIN (SELECT CASE WHEN t.measure = 'ntm_count' THEN 100.0 * t.goal / sum(xa) ELSE t.goal END AS goal_share FROM g, t WHERE g.year = t.eval_year GROUP BY t.measure, t.goal) gs
WHERE n.year = t.eval_year`;
}

/** Per-year poverty measures of each group over the comparable year pairs (base year, eval year]. */
const perYearRows = (measure: 'reduced' | 'points') => `
SELECT q.grp, avg(q.${measure}) FILTER (WHERE q.comparable) AS value,
  ${measure === 'points'
    ? 't.goal'
    : // households: each group's part of the goal, by its share of the place's poor households in the base year
      `t.goal * any_value(b.poor) / (SELECT sum(poor) FROM gp WHERE year = t.base_year)`} AS expected,
  NULL AS extra, string_agg(DISTINCT q.provenance, '+') AS provenance
FROM t CROSS JOIN gpairs q LEFT JOIN gp b ON b.grp = q.grp AND b.year = t.base_year
WHERE q.year > t.base_year AND q.year <= t.eval_year GROUP BY q.grp, t.goal, t.base_year`;

/** The group rows of each measure: (grp, value, expected, extra, provenance). */
const groupRows: Partial<Record<Measure, string>> = {
  ntm_share: shareRows('ntm'),
  ntm_count: shareRows('ntm'),
  advanced_share: shareRows('advanced'),
  model_share: shareRows('model'),
  advanced_of_ntm: `SELECT grp, 100.0 * advanced / nullif(ntm, 0) AS value, t.goal AS expected, xa - ntm AS extra, provenance FROM g, t WHERE year = t.eval_year`,
  model_of_ntm: `SELECT grp, 100.0 * model / nullif(ntm, 0) AS value, t.goal AS expected, xa - ntm AS extra, provenance FROM g, t WHERE year = t.eval_year`,
  poor_rate: `SELECT grp, 100.0 * poor / nullif(households, 0) AS value, t.goal AS expected, NULL AS extra, provenance FROM gp, t WHERE year = t.eval_year`,
  poor_reduced_per_year: perYearRows('reduced'),
  poor_points_per_year: perYearRows('points'),
};

/** SQL of the places holding back a target of this measure, worst first. */
export function holdoutsSQL(measure: Measure): string {
  const head = `WITH ${targetsCTE('t.target_id = $1')},\n${groupsCTE}`;
  if (measure === 'below_floor') {
    // the communes under the floor in the year read, fewest criteria first
    return `${head}
SELECT 'commune' AS level, un.commune_code AS code, un.commune_name AS name, d.district_name, y.criteria_met_count::DOUBLE AS value,
  t.value_num AS expected, cs.n_criteria::INTEGER AS extra, y.provenance
FROM units un JOIN commune_year y ON y.commune_code = un.commune_code JOIN unit_district d ON d.district_code = un.district_code
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set, t
WHERE un.rural AND y.year = t.eval_year AND y.criteria_met_count < t.value_num
ORDER BY value, d.district_name, name`;
  }
  if (measure === 'districts_recognised') {
    // the districts (with rural communes) not recognised by the year read, those with fewest communes left first
    return `${head}
SELECT 'district' AS level, un.district_code AS code, d.district_name AS name, NULL AS district_name,
  (100.0 * count(*) FILTER (WHERE y.tier <> 'chua_dat') / count(*))::DOUBLE AS value, 100::DOUBLE AS expected,
  count(*) FILTER (WHERE y.tier = 'chua_dat')::INTEGER AS extra, ${provenanceSetSQL('y.provenance')} AS provenance
FROM units un JOIN commune_year y ON y.commune_code = un.commune_code JOIN unit_district d ON d.district_code = un.district_code, t
WHERE un.rural AND y.year = t.eval_year
  AND NOT EXISTS (SELECT 1 FROM district_recognition r WHERE r.district_code = un.district_code AND r.year <= t.eval_year)
GROUP BY ALL ORDER BY extra, name`;
  }
  const rows = groupRows[measure];
  if (!rows) throw new Error(`no holdouts for measure ${measure}`);
  // every measure here is to be reached (higher is better) but the poor rate, which is not to be passed
  const worse = measure === 'poor_rate' ? 'r.value > r.expected + 1e-9' : 'r.value < r.expected - 1e-9';
  const gap = measure === 'poor_rate' ? 'r.value - r.expected' : 'r.expected - r.value';
  return `${head},
r AS (${rows})
SELECT n.level, r.grp AS code, n.name, NULL AS district_name, r.value::DOUBLE AS value, r.expected::DOUBLE AS expected,
  r.extra::INTEGER AS extra, r.provenance
FROM r JOIN names n ON n.grp = r.grp
WHERE r.value IS NULL OR ${worse}
ORDER BY ${gap} DESC NULLS FIRST, n.name`;
}
