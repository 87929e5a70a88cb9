import { PRE_REFORM, rowsOfVintageSQL } from '../../common/vintage';

/**
 * The July 2025 reform in SQL: pre-reform series carried onto the post-reform units through the crosswalk.
 * Tables (vintage in the name, since codes of the two vintages collide): unit_province_2025, unit_commune_2025,
 * crosswalk_2024_2025 (old_commune_code → new_commune_code with share and share_method, see geo/reform/crosswalk.ts).
 *
 * Counts (households, poor, near-poor) are apportioned by share and summed; rates are recomputed from the sums and a
 * figure that rests on a split commune is flagged approximate. NTM status is never summed or inherited: a new commune
 * gets "k of n former communes were NTM" with the tier breakdown, never a status of its own from the old ones.
 */

/** A row of a 2024 commune: before the first post-reform year (later rows are keyed by post-reform codes). */
const pre = (alias: string) => rowsOfVintageSQL(PRE_REFORM, `${alias}.year`);

/** Shared select list of the apportioned poverty counts; `c` = crosswalk, `p` = poverty_year. */
const apportioned = `
  sum(p.households * c.share) AS households,
  sum(p.poor * c.share) AS poor,
  sum(p.near_poor * c.share) AS near_poor,
  sum(p.poor * c.share) / nullif(sum(p.households * c.share), 0) AS poor_rate,
  sum(p.near_poor * c.share) / nullif(sum(p.households * c.share), 0) AS near_poor_rate,
  count(DISTINCT c.old_commune_code)::INTEGER AS n_former,
  bool_or(c.share_method <> 'whole') AS approximate`;

/**
 * Poverty of every post-reform commune of a province (new code, $1) for every year with data.
 * Columns: commune_code, year, households, poor, near_poor, poor_rate, near_poor_rate, n_former, approximate.
 */
export const newCommunePovertySQL = `
SELECT c.new_commune_code AS commune_code, p.year, ${apportioned}
FROM crosswalk_2024_2025 c
JOIN unit_commune_2025 n ON n.commune_code = c.new_commune_code
JOIN poverty_year p ON p.unit_code = c.old_commune_code AND ${pre('p')}
WHERE n.province_code = $1::VARCHAR
GROUP BY c.new_commune_code, p.year
ORDER BY c.new_commune_code, p.year`;

/** Poverty of every post-reform province for every year; same columns with province_code. */
export const newProvincePovertySQL = `
SELECT n.province_code, p.year, ${apportioned}
FROM crosswalk_2024_2025 c
JOIN unit_commune_2025 n ON n.commune_code = c.new_commune_code
JOIN poverty_year p ON p.unit_code = c.old_commune_code AND ${pre('p')}
GROUP BY n.province_code, p.year
ORDER BY n.province_code, p.year`;

/**
 * NTM of the former communes of each post-reform commune of a province ($1 new province code) in a year ($2):
 * former communes in NTM scope (Xã), how many were NTM and at which tier, how many had no data.
 * A split old commune counts in every new commune it went to (n_partial says how many did).
 */
export const formerNtmSQL = `
SELECT c.new_commune_code AS commune_code,
  count(*) FILTER (WHERE o.commune_type = 'Xã')::INTEGER AS n_rural,
  count(*) FILTER (WHERE o.commune_type = 'Xã' AND y.tier IN ('dat_chuan', 'nang_cao', 'kieu_mau'))::INTEGER AS n_ntm,
  count(*) FILTER (WHERE o.commune_type = 'Xã' AND y.tier = 'dat_chuan')::INTEGER AS n_dat_chuan,
  count(*) FILTER (WHERE o.commune_type = 'Xã' AND y.tier = 'nang_cao')::INTEGER AS n_nang_cao,
  count(*) FILTER (WHERE o.commune_type = 'Xã' AND y.tier = 'kieu_mau')::INTEGER AS n_kieu_mau,
  count(*) FILTER (WHERE o.commune_type = 'Xã' AND y.tier IS NULL)::INTEGER AS n_no_data,
  count(*) FILTER (WHERE c.part_type = 'partial')::INTEGER AS n_partial
FROM crosswalk_2024_2025 c
JOIN unit_commune_2025 n ON n.commune_code = c.new_commune_code
JOIN unit_commune o ON o.commune_code = c.old_commune_code
LEFT JOIN commune_year y ON y.commune_code = c.old_commune_code AND y.year = $2::INTEGER AND ${pre('y')}
WHERE n.province_code = $1::VARCHAR
GROUP BY c.new_commune_code
ORDER BY c.new_commune_code`;

/**
 * The latest pre-reform year ≤ $2 with data for a (2024) commune, status and poverty; used by the two lists below
 * and by the sponsor view on the post-reform units (sponsor.ts).
 * Rows from 2026 are keyed by post-reform codes, which collide with 2024 ones: never read for a 2024 commune.
 */
export const lastKnown = (code: string) => `
  (SELECT y.tier FROM commune_year y WHERE y.commune_code = ${code} AND y.year <= $2::INTEGER AND ${pre('y')} ORDER BY y.year DESC LIMIT 1) AS last_tier,
  (SELECT y.year FROM commune_year y WHERE y.commune_code = ${code} AND y.year <= $2::INTEGER AND ${pre('y')} ORDER BY y.year DESC LIMIT 1) AS last_tier_year,
  (SELECT p.poor::DOUBLE / nullif(p.households, 0) FROM poverty_year p WHERE p.unit_code = ${code} AND p.year <= $2::INTEGER AND ${pre('p')} ORDER BY p.year DESC LIMIT 1) AS last_poor_rate,
  (SELECT p.year FROM poverty_year p WHERE p.unit_code = ${code} AND p.year <= $2::INTEGER AND ${pre('p')} ORDER BY p.year DESC LIMIT 1) AS last_poverty_year`;

/**
 * The former communes of a post-reform commune ($1 new code), each with its district and province of the old
 * vintage, the part it gave (share, method), its last known status and poor rate up to year $2.
 */
export const formerCommunesSQL = `
SELECT c.old_commune_code AS commune_code, o.commune_name, o.commune_type, d.district_name, pr.province_name,
  c.part_type, c.share, c.share_method, c.n_targets, ${lastKnown('c.old_commune_code')}
FROM crosswalk_2024_2025 c
JOIN unit_commune o ON o.commune_code = c.old_commune_code
LEFT JOIN unit_district d ON d.district_code = o.district_code
LEFT JOIN unit_province pr ON pr.province_code = o.province_code
WHERE c.new_commune_code = $1::VARCHAR
ORDER BY c.share DESC, o.commune_name`;

/** Where an old commune ($1, 2024 code) went: the post-reform commune(s), with the part each received. */
export const successorsSQL = `
SELECT c.new_commune_code AS commune_code, n.commune_name, n.commune_type, n.province_code, np.province_name,
  c.part_type, c.share, c.share_method, c.n_targets
FROM crosswalk_2024_2025 c
JOIN unit_commune_2025 n ON n.commune_code = c.new_commune_code
JOIN unit_province_2025 np ON np.province_code = n.province_code
WHERE c.old_commune_code = $1::VARCHAR
ORDER BY c.share DESC, n.commune_name`;
