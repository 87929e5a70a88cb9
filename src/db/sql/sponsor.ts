import { provenanceSetSQL } from './provenance';
import { lastKnown } from './reform';
import { sponsorship2025 } from './vintage';
import { FIRST_POST_REFORM_YEAR } from '../../common/programme';
import { POST_REFORM, PRE_REFORM, rowsOfVintageSQL, type Vintage } from '../../common/vintage';

/**
 * Sponsorships of the data are assignments to pre-reform communes (2024 codes): their rows are read up to 2025 only,
 * since later rows are keyed by post-reform codes that may be the same digits (src/common/vintage.ts).
 */
const pre = (alias: string) => rowsOfVintageSQL(PRE_REFORM, `${alias}.year`);

/**
 * Where a sponsor's communes are read from on each vintage. `assignments`: one row per commune shown (`unit_code`)
 * and assignment (`commune_code`, the commune it was made to); `unit`: the shown commune's name and district line;
 * `ntm`/`poverty`: the rows of the shown communes.
 */
const SOURCES: Record<Vintage, { assignments: string; unit: string; ntm: string; poverty: string; history: string }> = {
  '2024': {
    // a 2026 assignment is keyed by a post-reform code (the year rule)
    assignments: `SELECT *, commune_code AS unit_code FROM sponsorship WHERE sponsor_id = $1 AND ${rowsOfVintageSQL(PRE_REFORM, 'from_year')}`,
    unit: `JOIN unit_commune u ON u.commune_code = s.unit_code JOIN unit_district d ON d.district_code = u.district_code`,
    ntm: `(SELECT * FROM commune_year WHERE ${pre('commune_year')})`,
    poverty: `(SELECT * FROM poverty_year WHERE ${pre('poverty_year')})`,
    history: `NULL::VARCHAR AS former_code, NULL::VARCHAR AS former_name, NULL::VARCHAR AS part_type, NULL::DOUBLE AS share,
       NULL::VARCHAR AS share_method, NULL::VARCHAR AS last_tier, NULL::INTEGER AS last_tier_year, NULL::DOUBLE AS last_poor_rate,
       NULL::INTEGER AS last_poverty_year, NULL::INTEGER AS former_ntm, NULL::INTEGER AS former_rural, NULL::INTEGER AS former_year,
       FALSE AS approximate`,
  },
  // an assignment to a pre-reform commune shows on every post-reform commune it went to (a split one flagged partial),
  // with the former commune's name, district and last status and poor rate; the new commune's own status only from its
  // own rows (2026 on: never inherited), else how many of its former communes were NTM; poverty apportioned before 2026
  '2025-07': {
    assignments: `SELECT *, new_code AS unit_code FROM (${sponsorship2025}) WHERE sponsor_id = $1`,
    unit: `JOIN unit_commune_2025 u ON u.commune_code = s.unit_code
LEFT JOIN unit_commune o ON o.commune_code = s.former_code
LEFT JOIN unit_district d ON d.district_code = o.district_code
LEFT JOIN former_ntm_2025 f ON f.commune_code = s.unit_code AND f.year = least($2::INTEGER, ${FIRST_POST_REFORM_YEAR - 1})`,
    ntm: `(SELECT * FROM commune_year WHERE ${rowsOfVintageSQL(POST_REFORM, 'year')})`,
    poverty: `poverty_year_2025`,
    history: `s.former_code, o.commune_name AS former_name, s.part_type, s.share, s.share_method, ${lastKnown('s.former_code')},
       f.n_ntm AS former_ntm, f.n_rural AS former_rural, f.year::INTEGER AS former_year, coalesce(p.approximate, FALSE) AS approximate`,
  },
};

/** Sponsoring organisations with their communes (many-to-many, dated), in the province and communes of a vintage. */
export function sponsorsSQLOf(vintage: Vintage): string {
  const [rows, code, province] =
    vintage === POST_REFORM
      ? [`(${sponsorship2025}) s JOIN unit_commune_2025 n ON n.commune_code = s.new_code`, 's.new_code', 'n.province_code']
      : ['sponsorship s', 's.commune_code', 's.province_code'];
  return `
SELECT sponsor_id, any_value(sponsor_org) AS sponsor_org, any_value(sponsor_short) AS sponsor_short,
       any_value(${province}) AS province_code, count(DISTINCT ${code})::INTEGER AS communes,
       min(from_year)::INTEGER AS from_year, max(to_year)::INTEGER AS to_year, string_agg(DISTINCT basis, '; ') AS basis,
       string_agg(DISTINCT source, '; ') AS source
FROM ${rows} GROUP BY sponsor_id ORDER BY province_code, sponsor_org`;
}
export const sponsorsSQL = sponsorsSQLOf(PRE_REFORM);

/**
 * One sponsor's communes on the units of a vintage: status now and at the start of the assignment, criteria (of the
 * set the row was assessed with) and the tier each works towards next, poverty change, with the provenance of each
 * row read (now and at the start, per series). Ordered by how close each is to its next tier: communes not yet NTM
 * first, fewest criteria missing first. The poverty change since the start is also split at a change of the poverty
 * standard (NĐ 07/2021 from the 2022 review): `change_before` over the years of the start's standard, `change_after`
 * over the years of the shown year's; a change spanning both (poor_rate_change) compares two different measures.
 * The status at the start is that of the commune the assignment was made to (the year rule reads its row).
 * On the post-reform units also each row's history (former commune, part, last status and poor rate, k of n former
 * communes NTM) and whether its poverty is apportioned from a split commune (`approximate`).
 * Params: $1 sponsor id, $2 year.
 */
export function sponsorCommunesSQLOf(vintage: Vintage): string {
  const src = SOURCES[vintage];
  return `
WITH s AS (${src.assignments}),
pov AS (
  SELECT s.unit_code, s.commune_code, s.from_year, p.year, p.standard, p.poor::DOUBLE / nullif(p.households, 0) AS rate, p.provenance
  FROM s JOIN ${src.poverty} p ON p.unit_code = s.unit_code AND p.year BETWEEN s.from_year AND $2
),
-- each run of years with one poverty standard: its first and last year and the change of the poor rate over it
seg AS (
  SELECT unit_code, commune_code, from_year, standard, min(year)::INTEGER AS y0, max(year)::INTEGER AS y1,
    arg_max(rate, year) - arg_min(rate, year) AS change, ${provenanceSetSQL('provenance')} AS provenance,
    row_number() OVER (PARTITION BY unit_code, commune_code, from_year ORDER BY min(year)) AS k,
    count(*) OVER (PARTITION BY unit_code, commune_code, from_year) AS n
  FROM pov GROUP BY unit_code, commune_code, from_year, standard
)
SELECT s.unit_code AS commune_code, u.commune_name, d.district_name, u.province_code, s.from_year::INTEGER AS from_year, s.to_year::INTEGER AS to_year,
       y.tier, y.criteria_met_count::INTEGER AS criteria_met, y.criteria_met_mask::INTEGER AS mask, y.criteria_set,
       CASE y.tier WHEN 'chua_dat' THEN 'dat_chuan' WHEN 'dat_chuan' THEN 'nang_cao' WHEN 'nang_cao' THEN 'kieu_mau' END AS next_tier,
       b.tier AS tier_at_start, b.criteria_met_count::INTEGER AS criteria_at_start,
       p.poor::DOUBLE / nullif(p.households, 0) AS poor_rate,
       p.poor::DOUBLE / nullif(p.households, 0) - pb.poor::DOUBLE / nullif(pb.households, 0) AS poor_rate_change,
       CASE WHEN last.k > 1 THEN last.y0 END AS standard_changed_in,
       -- a run of one year measures no change
       CASE WHEN last.k > 1 AND first.y1 > first.y0 THEN first.change END AS change_before, first.y0 AS before_from, first.y1 AS before_to,
       CASE WHEN last.k > 1 AND last.y1 > last.y0 THEN last.change END AS change_after, last.y0 AS after_from, last.y1 AS after_to,
       first.provenance AS before_provenance, last.provenance AS after_provenance,
       cs.n_criteria::INTEGER AS criteria_total,
       y.provenance AS ntm_provenance, b.provenance AS ntm_start_provenance,
       p.provenance AS poverty_provenance, pb.provenance AS poverty_start_provenance,
       ${src.history}
FROM s
${src.unit}
LEFT JOIN ${src.ntm} y ON y.commune_code = s.unit_code AND y.year = $2
LEFT JOIN commune_year b ON b.commune_code = s.commune_code AND b.year = s.from_year
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
LEFT JOIN ${src.poverty} p ON p.unit_code = s.unit_code AND p.year = $2
LEFT JOIN ${src.poverty} pb ON pb.unit_code = s.unit_code AND pb.year = s.from_year
LEFT JOIN seg first ON first.unit_code = s.unit_code AND first.commune_code = s.commune_code AND first.from_year = s.from_year AND first.k = 1
LEFT JOIN seg last ON last.unit_code = s.unit_code AND last.commune_code = s.commune_code AND last.from_year = s.from_year AND last.k = last.n
ORDER BY CASE y.tier WHEN 'chua_dat' THEN 0 WHEN 'dat_chuan' THEN 1 WHEN 'nang_cao' THEN 2 WHEN 'kieu_mau' THEN 3 ELSE 4 END,
  cs.n_criteria - y.criteria_met_count, d.district_name, u.commune_name, s.commune_code`;
}
export const sponsorCommunesSQL = sponsorCommunesSQLOf(PRE_REFORM);
export const sponsorCommunes2025SQL = sponsorCommunesSQLOf(POST_REFORM);

/**
 * Sponsored vs not-sponsored rural communes of a province: NTM share now and at a base year, mean criteria. On the
 * post-reform units only their own rows count (2026 on): a year before has no status of theirs to compare.
 * Params: $1 province, $2 year, $3 base year.
 */
export function sponsoredComparisonSQLOf(vintage: Vintage): string {
  const post = vintage === POST_REFORM;
  const [units, sponsored, rows] = post
    ? ['unit_commune_2025', `SELECT DISTINCT new_code AS commune_code FROM (${sponsorship2025})`, `(SELECT * FROM commune_year WHERE ${rowsOfVintageSQL(POST_REFORM, 'year')})`]
    : ['unit_commune', 'SELECT DISTINCT commune_code FROM sponsorship', 'commune_year'];
  return `
WITH sponsored AS (${sponsored})
SELECT (s.commune_code IS NOT NULL) AS sponsored, count(*)::INTEGER AS communes,
       avg(CASE WHEN y.tier <> 'chua_dat' THEN 1.0 ELSE 0.0 END) AS ntm_share,
       avg(CASE WHEN b.tier <> 'chua_dat' THEN 1.0 ELSE 0.0 END) AS ntm_share_base,
       avg(y.criteria_met_count) AS avg_criteria, avg(b.criteria_met_count) AS avg_criteria_base
FROM ${units} u
LEFT JOIN sponsored s USING (commune_code)
LEFT JOIN ${rows} y ON y.commune_code = u.commune_code AND y.year = $2
LEFT JOIN ${rows} b ON b.commune_code = u.commune_code AND b.year = $3
WHERE u.province_code = $1 AND u.commune_type = 'Xã'${post ? ` AND $2::INTEGER >= ${FIRST_POST_REFORM_YEAR} AND $3::INTEGER >= ${FIRST_POST_REFORM_YEAR}` : ''}
GROUP BY ALL ORDER BY sponsored DESC`;
}
export const sponsoredComparisonSQL = sponsoredComparisonSQLOf(PRE_REFORM);

/** The communes of one sponsor and their province: what the sponsor view zooms to and leaves unmuted. Params: $1 sponsor id. */
export const sponsorFootprintSQL = `
SELECT DISTINCT s.commune_code, u.province_code
FROM sponsorship s JOIN unit_commune u USING (commune_code)
WHERE s.sponsor_id = $1
ORDER BY s.commune_code`;

/**
 * Map labels of sponsored communes: in a sponsor's view ($1) each of its communes by name; with every sponsored
 * commune shown ($1 NULL), the name and its sponsors' short names ("Xã Hướng Lộc (HND)").
 */
export const sponsoredLabelsSQL = `
SELECT s.commune_code,
  CASE WHEN $1::VARCHAR IS NULL THEN any_value(u.commune_name) || ' (' || string_agg(DISTINCT s.sponsor_short, ', ' ORDER BY s.sponsor_short) || ')'
       ELSE any_value(u.commune_name) END AS label
FROM sponsorship s JOIN unit_commune u ON u.commune_code = s.commune_code
WHERE ($1::VARCHAR IS NULL OR s.sponsor_id = $1)
GROUP BY s.commune_code
ORDER BY s.commune_code`;

/** Every sponsor id, for checking one asked for by a link. */
export const sponsorIdsSQL = `SELECT DISTINCT sponsor_id FROM sponsorship ORDER BY sponsor_id`;
