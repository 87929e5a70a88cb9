import { provenanceSetSQL } from './provenance';
import { PRE_REFORM, rowsOfVintageSQL } from '../../common/vintage';

/**
 * Sponsorships of the data are assignments to pre-reform communes (2024 codes): their rows are read up to 2025 only,
 * since later rows are keyed by post-reform codes that may be the same digits (src/common/vintage.ts).
 */
const pre = (alias: string) => rowsOfVintageSQL(PRE_REFORM, `${alias}.year`);

/** Sponsoring organisations with their communes (many-to-many, dated). */
export const sponsorsSQL = `
SELECT sponsor_id, any_value(sponsor_org) AS sponsor_org, any_value(sponsor_short) AS sponsor_short,
       any_value(province_code) AS province_code, count(DISTINCT commune_code)::INTEGER AS communes,
       min(from_year)::INTEGER AS from_year, max(to_year)::INTEGER AS to_year, string_agg(DISTINCT basis, '; ') AS basis,
       string_agg(DISTINCT source, '; ') AS source
FROM sponsorship GROUP BY sponsor_id ORDER BY province_code, sponsor_org`;

/**
 * One sponsor's communes: status now and at the start of the assignment, criteria (of the set the row was assessed
 * with) and the tier each works towards next, poverty change, with the provenance of each row read (now and at the
 * start, per series). Ordered by how close each is to its next tier: communes not yet NTM first, fewest criteria
 * missing first. The poverty change since the start is also split at a change of the poverty standard (NĐ 07/2021
 * from the 2022 review): `change_before` over the years of the start's standard, `change_after` over the years of
 * the shown year's; a change spanning both (poor_rate_change) compares two different measures.
 * Params: $1 sponsor id, $2 year.
 */
export const sponsorCommunesSQL = `
WITH s AS (SELECT * FROM sponsorship WHERE sponsor_id = $1),
pov AS (
  SELECT s.commune_code, s.from_year, p.year, p.standard, p.poor::DOUBLE / nullif(p.households, 0) AS rate, p.provenance
  FROM s JOIN poverty_year p ON p.unit_code = s.commune_code AND p.year BETWEEN s.from_year AND $2 AND ${pre('p')}
),
-- each run of years with one poverty standard: its first and last year and the change of the poor rate over it
seg AS (
  SELECT commune_code, from_year, standard, min(year)::INTEGER AS y0, max(year)::INTEGER AS y1,
    arg_max(rate, year) - arg_min(rate, year) AS change, ${provenanceSetSQL('provenance')} AS provenance,
    row_number() OVER (PARTITION BY commune_code, from_year ORDER BY min(year)) AS k,
    count(*) OVER (PARTITION BY commune_code, from_year) AS n
  FROM pov GROUP BY commune_code, from_year, standard
)
SELECT s.commune_code, u.commune_name, d.district_name, u.province_code, s.from_year::INTEGER AS from_year, s.to_year::INTEGER AS to_year,
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
       p.provenance AS poverty_provenance, pb.provenance AS poverty_start_provenance
FROM s
JOIN unit_commune u USING (commune_code)
JOIN unit_district d ON d.district_code = u.district_code
LEFT JOIN commune_year y ON y.commune_code = s.commune_code AND y.year = $2 AND ${pre('y')}
LEFT JOIN commune_year b ON b.commune_code = s.commune_code AND b.year = s.from_year AND ${pre('b')}
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
LEFT JOIN poverty_year p ON p.unit_code = s.commune_code AND p.year = $2 AND ${pre('p')}
LEFT JOIN poverty_year pb ON pb.unit_code = s.commune_code AND pb.year = s.from_year AND ${pre('pb')}
LEFT JOIN seg first ON first.commune_code = s.commune_code AND first.from_year = s.from_year AND first.k = 1
LEFT JOIN seg last ON last.commune_code = s.commune_code AND last.from_year = s.from_year AND last.k = last.n
ORDER BY CASE y.tier WHEN 'chua_dat' THEN 0 WHEN 'dat_chuan' THEN 1 WHEN 'nang_cao' THEN 2 WHEN 'kieu_mau' THEN 3 ELSE 4 END,
  cs.n_criteria - y.criteria_met_count, d.district_name, u.commune_name`;

/**
 * Sponsored vs not-sponsored rural communes of a province: NTM share now and at a base year, mean criteria.
 * Params: $1 province, $2 year, $3 base year.
 */
export const sponsoredComparisonSQL = `
WITH sponsored AS (SELECT DISTINCT commune_code FROM sponsorship)
SELECT (s.commune_code IS NOT NULL) AS sponsored, count(*)::INTEGER AS communes,
       avg(CASE WHEN y.tier <> 'chua_dat' THEN 1.0 ELSE 0.0 END) AS ntm_share,
       avg(CASE WHEN b.tier <> 'chua_dat' THEN 1.0 ELSE 0.0 END) AS ntm_share_base,
       avg(y.criteria_met_count) AS avg_criteria, avg(b.criteria_met_count) AS avg_criteria_base
FROM unit_commune u
LEFT JOIN sponsored s USING (commune_code)
LEFT JOIN commune_year y ON y.commune_code = u.commune_code AND y.year = $2
LEFT JOIN commune_year b ON b.commune_code = u.commune_code AND b.year = $3
WHERE u.province_code = $1 AND u.commune_type = 'Xã'
GROUP BY ALL ORDER BY sponsored DESC`;

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
