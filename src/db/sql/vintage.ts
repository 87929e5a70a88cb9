/**
 * The two administrative vintages in SQL (src/common/vintage.ts): the views that carry the pre-reform series onto
 * the post-reform communes, and the lists every view of a vintage starts from (units, provinces, years).
 *
 * Rows of a year ≥ 2026 are keyed by post-reform codes, earlier rows by 2024 codes: every join on a code says which
 * years it reads (rowsOfVintageSQL), since the codes of the two vintages collide.
 */
import { FIRST_POST_REFORM_YEAR } from '../../common/programme';
import { POST_REFORM, rowsOfVintageSQL, UNIT_TABLES, type Vintage } from '../../common/vintage';
import { approximateBit, illustrativeRowSQL, seriesBit } from './provenance';

const post = FIRST_POST_REFORM_YEAR;

/**
 * NTM of the former communes of every post-reform commune, per pre-reform year with a row for any of them: former
 * communes in NTM scope (Xã), how many were NTM and at which tier, how many had no row, how many went only partly
 * into it. A split old commune counts in every new commune it went to. `illustrative`: some former commune's row
 * that year is illustrative.
 */
export const formerNtmViewSQL = `
CREATE OR REPLACE VIEW former_ntm_2025 AS
WITH former AS (
  SELECT c.new_commune_code, c.old_commune_code, c.part_type, o.commune_type = 'Xã' AS rural
  FROM crosswalk_2024_2025 c JOIN unit_commune o ON o.commune_code = c.old_commune_code
),
n AS (
  SELECT new_commune_code, count(*) FILTER (WHERE rural)::INTEGER AS n_rural,
    count(*) FILTER (WHERE part_type = 'partial')::INTEGER AS n_partial, count(*)::INTEGER AS n_former
  FROM former GROUP BY ALL
),
k AS (
  SELECT f.new_commune_code, y.year,
    count(*) FILTER (WHERE f.rural)::INTEGER AS n_with_row,
    count(*) FILTER (WHERE f.rural AND y.tier IN ('dat_chuan', 'nang_cao', 'kieu_mau'))::INTEGER AS n_ntm,
    count(*) FILTER (WHERE f.rural AND y.tier = 'dat_chuan')::INTEGER AS n_dat_chuan,
    count(*) FILTER (WHERE f.rural AND y.tier = 'nang_cao')::INTEGER AS n_nang_cao,
    count(*) FILTER (WHERE f.rural AND y.tier = 'kieu_mau')::INTEGER AS n_kieu_mau,
    bool_or(${illustrativeRowSQL('y')}) AS illustrative
  FROM former f JOIN (SELECT * FROM commune_year WHERE year < ${post}) y ON y.commune_code = f.old_commune_code
  GROUP BY ALL
)
SELECT k.new_commune_code AS commune_code, k.year, n.n_rural, k.n_ntm, k.n_dat_chuan, k.n_nang_cao, k.n_kieu_mau,
  n.n_rural - k.n_with_row AS n_no_data, n.n_partial, n.n_former, k.illustrative
FROM k JOIN n USING (new_commune_code)`;

/**
 * Poverty of every post-reform commune and year: from 2026 its own rows; before, its former communes' counts
 * apportioned by share and summed (approximate where a split commune is involved). Rates are recomputed from these
 * sums wherever they are read. `provenance` is 'illustrative' when any row it rests on is.
 */
export const povertyViewSQL = `
CREATE OR REPLACE VIEW poverty_year_2025 AS
SELECT p.unit_code, p.year, p.households::DOUBLE AS households, p.poor::DOUBLE AS poor, p.near_poor::DOUBLE AS near_poor,
  FALSE AS approximate, p.provenance, 1 AS n_former, p.standard
FROM poverty_year p JOIN unit_commune_2025 n ON n.commune_code = p.unit_code
WHERE p.year >= ${post}
UNION ALL
SELECT c.new_commune_code AS unit_code, p.year,
  sum(p.households * c.share) AS households, sum(p.poor * c.share) AS poor, sum(p.near_poor * c.share) AS near_poor,
  bool_or(c.share_method <> 'whole') AS approximate,
  CASE WHEN bool_or(${illustrativeRowSQL('p')}) THEN 'illustrative' WHEN bool_and(p.provenance = 'fact') THEN 'fact' ELSE 'imported' END AS provenance,
  count(DISTINCT c.old_commune_code)::INTEGER AS n_former,
  -- the standard the former communes were counted by (null should they differ: no change is measured across it)
  CASE WHEN count(DISTINCT p.standard) = 1 THEN min(p.standard) END AS standard
FROM crosswalk_2024_2025 c JOIN poverty_year p ON p.unit_code = c.old_commune_code
WHERE p.year < ${post}
GROUP BY c.new_commune_code, p.year`;

/**
 * The former district of each post-reform commune: the old district that gave it the most (sum of the shares of its
 * former communes there; ties to the lower code). The historical grouping of the new communes.
 */
export const formerDistrictViewSQL = `
CREATE OR REPLACE VIEW commune_2025_former_district AS
SELECT commune_code, arg_max(district_code, weight - district_code::INTEGER * 1e-9) AS district_code
FROM (
  SELECT c.new_commune_code AS commune_code, o.district_code, sum(c.share) AS weight
  FROM crosswalk_2024_2025 c JOIN unit_commune o ON o.commune_code = c.old_commune_code
  GROUP BY ALL
)
GROUP BY commune_code`;

/** Views of the post-reform vintage that need only the core tables (units, crosswalk, NTM series). */
export const coreVintageViews = [formerNtmViewSQL, formerDistrictViewSQL];

/** The unit list of a vintage in rowid order (the index of its indicator matrices): names for tooltips, search, tables. */
export function unitListOfVintageSQL(vintage: Vintage): string {
  if (vintage === POST_REFORM) {
    return `
SELECT u.commune_code, u.commune_name, u.commune_type, f.district_code, d.district_name, u.province_code, p.province_name
FROM (SELECT rowid AS unit_row, * FROM unit_commune_2025) u
LEFT JOIN commune_2025_former_district f USING (commune_code)
LEFT JOIN unit_district d ON d.district_code = f.district_code
LEFT JOIN unit_province_2025 p ON p.province_code = u.province_code
ORDER BY u.unit_row`;
  }
  return `
SELECT u.commune_code, u.commune_name, u.commune_type, u.district_code, d.district_name, u.province_code, p.province_name
FROM (SELECT rowid AS unit_row, * FROM unit_commune) u
LEFT JOIN unit_district d USING (district_code)
LEFT JOIN unit_province p ON p.province_code = u.province_code
ORDER BY u.unit_row`;
}

/** Years a vintage shows: up to 2025 on the pre-reform units; every year with data on the post-reform ones. */
export function yearsOfVintageSQL(vintage: Vintage): string {
  const where = vintage === POST_REFORM ? '' : `WHERE ${rowsOfVintageSQL(vintage, 'year')}`;
  return `SELECT DISTINCT year::INTEGER AS year FROM commune_year ${where} ORDER BY year`;
}

/** Province list of a vintage for the picker, with label points. */
export const provincesOfVintageSQL = (vintage: Vintage): string => `
SELECT province_code, province_name, label_lon, label_lat FROM ${UNIT_TABLES[vintage].province} ORDER BY province_code`;

/**
 * Which post-reform province each pre-reform province went to (the one that received most of its communes), with
 * the number of its communes there. Whole provinces merged in 2025: one row per old province in practice.
 */
export const provinceSuccessionSQL = `
SELECT old_province, arg_max(new_province, n) AS new_province, max(n)::INTEGER AS n
FROM (
  SELECT o.province_code AS old_province, n.province_code AS new_province, count(DISTINCT c.old_commune_code) AS n
  FROM crosswalk_2024_2025 c
  JOIN unit_commune o ON o.commune_code = c.old_commune_code
  JOIN unit_commune_2025 n ON n.commune_code = c.new_commune_code
  GROUP BY ALL
)
GROUP BY old_province ORDER BY old_province`;

/** Post-reform communes of a province listed without a polygon in the drawn layer. Params: [layer, province]. */
export const withoutBoundary2025SQL = `
SELECT u.commune_code, u.commune_name, NULL AS district_name, NULL AS polygon_note
FROM unit_commune_2025 u
WHERE u.province_code = $2
  AND NOT EXISTS (SELECT 1 FROM boundary_feature b WHERE b.layer = $1 AND b.code = u.commune_code)
ORDER BY u.commune_code`;

/**
 * rowProvenanceSQL for the post-reform units (same columns, unit = unit_commune_2025 rowid): from 2026 their own
 * rows; before, the rows of their former communes (NTM: former_ntm_2025; poverty: poverty_year_2025, whose
 * apportioned values also set approximateBit where a split commune is involved). Params: [province (new code)].
 */
export const rowProvenance2025SQL = `
WITH r AS (
  SELECT y.commune_code AS code, y.year, CASE WHEN ${illustrativeRowSQL('y')} THEN ${seriesBit('ntm')} ELSE 0 END AS mask,
    (SELECT n_criteria FROM criteria_sets cs WHERE cs.criteria_set_id = y.criteria_set) AS n_criteria
  FROM commune_year y WHERE y.year >= ${post}
  UNION ALL
  SELECT f.commune_code, f.year, CASE WHEN f.illustrative THEN ${seriesBit('ntm')} ELSE 0 END, NULL::INTEGER
  FROM former_ntm_2025 f WHERE f.n_rural > f.n_no_data
  UNION ALL
  SELECT p.unit_code, p.year,
    (CASE WHEN ${illustrativeRowSQL('p')} THEN ${seriesBit('poverty')} ELSE 0 END) | (CASE WHEN p.approximate THEN ${approximateBit} ELSE 0 END),
    NULL::INTEGER
  FROM poverty_year_2025 p
)
SELECT u.unit_row::INTEGER AS unit, r.year::INTEGER AS year, bit_or(r.mask)::INTEGER AS illustrative, max(r.n_criteria)::INTEGER AS n_criteria
FROM r JOIN (SELECT rowid AS unit_row, commune_code, province_code FROM unit_commune_2025) u ON u.commune_code = r.code
WHERE ($1::VARCHAR IS NULL OR u.province_code = $1)
GROUP BY ALL
ORDER BY unit, year`;

/**
 * Sponsorships on the post-reform units: an assignment to a pre-reform commune (from before 2026) shows on every
 * commune it went to; an assignment from 2026 on is keyed by a post-reform code. The rows below keep the
 * original commune (`former_code`, null for a post-reform assignment) and the part of it each new commune received
 * (`part_type`, `share`, `share_method`) so its history can be shown.
 */
export const sponsorship2025 = `
  SELECT s.*, c.new_commune_code AS new_code, s.commune_code AS former_code, c.part_type, c.share, c.share_method
  FROM sponsorship s JOIN crosswalk_2024_2025 c ON c.old_commune_code = s.commune_code
  WHERE s.from_year < ${post}
  UNION ALL BY NAME
  SELECT s.*, s.commune_code AS new_code, NULL AS former_code
  FROM sponsorship s JOIN unit_commune_2025 n ON n.commune_code = s.commune_code
  WHERE s.from_year >= ${post}`;

/**
 * Map labels of sponsored post-reform communes, as sponsoredLabelsSQL's on the pre-reform ones: in a sponsor's view
 * ($1) each new commune by name; with every sponsored commune shown ($1 NULL), the name and the sponsors' short names.
 */
export const sponsoredLabels2025SQL = `
SELECT s.new_code AS commune_code,
  CASE WHEN $1::VARCHAR IS NULL THEN any_value(n.commune_name) || ' (' || string_agg(DISTINCT s.sponsor_short, ', ' ORDER BY s.sponsor_short) || ')'
       ELSE any_value(n.commune_name) END AS label
FROM (${sponsorship2025}) s JOIN unit_commune_2025 n ON n.commune_code = s.new_code
WHERE ($1::VARCHAR IS NULL OR s.sponsor_id = $1)
GROUP BY s.new_code
ORDER BY s.new_code`;

/** The post-reform communes of one sponsor and their province (sponsorFootprintSQL's columns). Params: $1 sponsor id. */
export const sponsorFootprint2025SQL = `
SELECT DISTINCT s.new_code AS commune_code, n.province_code
FROM (${sponsorship2025}) s JOIN unit_commune_2025 n ON n.commune_code = s.new_code
WHERE s.sponsor_id = $1
ORDER BY s.new_code`;

/** Sponsors of a post-reform commune, with the former commune each assignment was made to. Params: $1 new code. */
export const communeSponsors2025SQL = `
SELECT s.sponsor_id, s.sponsor_org, s.sponsor_short, s.from_year::INTEGER AS from_year, s.to_year::INTEGER AS to_year, s.basis, s.source,
  s.former_code, o.commune_name AS former_name
FROM (${sponsorship2025}) s LEFT JOIN unit_commune o ON o.commune_code = s.former_code
WHERE s.new_code = $1
ORDER BY s.from_year, s.sponsor_org`;

/** Pre-reform sponsorship rows only (the pre-reform map must not read a 2026 assignment's post-reform code). */
export const sponsoredLabels2024SQL = `
SELECT commune_code, string_agg(DISTINCT sponsor_short, ', ' ORDER BY sponsor_short) AS label
FROM sponsorship
WHERE ($1::VARCHAR IS NULL OR sponsor_id = $1) AND from_year < ${post}
GROUP BY commune_code
ORDER BY commune_code`;

/** "k of n former communes NTM" of one post-reform commune in one pre-reform year. Params: $1 new code, $2 year. */
export const formerNtmOfSQL = `SELECT * FROM former_ntm_2025 WHERE commune_code = $1 AND year = $2::INTEGER`;

/**
 * A post-reform commune's series over all years (communeSeriesSQL's columns, src/db/sql/profile.ts): its own NTM
 * rows from 2026; poverty of every year, apportioned through the crosswalk before 2026 (`approximate` where a split
 * commune is involved), its own rows after; before 2026 how many of its former communes were NTM (former_ntm of
 * former_rural, never a status of its own). Params: $1 new commune code.
 */
export const communeSeries2025SQL = `
SELECT t.year::INTEGER AS year, y.tier, y.criteria_set, y.criteria_met_count::INTEGER AS criteria_met,
       cs.n_criteria::INTEGER AS criteria_total,
       y.criteria_met_mask::INTEGER AS mask, y.recognised_year::INTEGER AS recognised_year, y.decision_no, y.fell_back,
       y.provenance AS ntm_provenance, y.source,
       round(p.households)::INTEGER AS households, round(p.poor)::INTEGER AS poor, round(p.near_poor)::INTEGER AS near_poor,
       p.standard, p.provenance AS poverty_provenance, p.approximate,
       f.n_ntm AS former_ntm, f.n_rural AS former_rural, f.illustrative AS former_illustrative
FROM (SELECT DISTINCT year FROM commune_year) t
LEFT JOIN (SELECT * FROM commune_year WHERE year >= ${post}) y ON y.commune_code = $1 AND y.year = t.year
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
LEFT JOIN poverty_year_2025 p ON p.unit_code = $1 AND p.year = t.year
LEFT JOIN former_ntm_2025 f ON f.commune_code = $1 AND f.year = t.year
ORDER BY t.year`;
