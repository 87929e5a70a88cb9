import { statusIndexSQL } from './status';

/**
 * Status class per boundary feature of one layer for one year, in feature-index order.
 * Params: [year, layer]. The map colours every feature from this join.
 */
export const featureStatusSQL = `
SELECT b.feature_index::INTEGER AS feature_index,
       (${statusIndexSQL('u', 'y')})::UTINYINT AS status,
       y.criteria_met_count::INTEGER AS criteria_met
FROM boundary_feature b
LEFT JOIN unit_commune u ON u.commune_code = b.code
LEFT JOIN commune_year y ON y.commune_code = b.code AND y.year = ?
WHERE b.layer = ?
ORDER BY b.feature_index`;

/** Names and parents of every feature of a layer, for tooltips (loaded once per layer). Params: [layer]. */
export const featureInfoSQL = `
SELECT b.feature_index::INTEGER AS feature_index, b.code, b.kind,
       coalesce(u.commune_name, b.name) AS name,
       d.district_name, p.province_name, b.province_code, b.covers_codes
FROM boundary_feature b
LEFT JOIN unit_commune u ON u.commune_code = b.code
LEFT JOIN unit_district d ON d.district_code = coalesce(u.district_code, b.district_code)
LEFT JOIN unit_province p ON p.province_code = b.province_code
WHERE b.layer = ?
ORDER BY b.feature_index`;

/**
 * Legend counts: every listed unit of the province (or the country when the code is NULL), including those
 * without a boundary in the drawn layer. Params: [year, province_code, province_code].
 */
export const statusCountsSQL = `
SELECT (${statusIndexSQL('u', 'y')})::INTEGER AS status, count(*)::INTEGER AS n
FROM unit_commune u
LEFT JOIN commune_year y ON y.commune_code = u.commune_code AND y.year = ?
WHERE (?::VARCHAR IS NULL OR u.province_code = ?)
GROUP BY ALL ORDER BY status`;

/** Units of a province listed in the unit list but with no feature in the drawn layer. Params: [layer, province]. */
export const withoutBoundarySQL = `
SELECT u.commune_code, u.commune_name, d.district_name, u.polygon_note
FROM unit_commune u JOIN unit_district d USING (district_code)
WHERE u.province_code = $2
  AND NOT EXISTS (SELECT 1 FROM boundary_feature b WHERE b.layer = $1 AND b.code = u.commune_code)
ORDER BY u.commune_code`;

/** Years with programme data. */
export const yearsSQL = `SELECT DISTINCT year::INTEGER AS year FROM commune_year ORDER BY year`;

/** Province list for the picker, with label points. */
export const provincesSQL = `
SELECT province_code, province_name, label_lon, label_lat FROM unit_province ORDER BY province_code`;

/** District label points of a province (or all when NULL). Params: [province, province]. */
export const districtLabelsSQL = `
SELECT district_code, district_name, province_code, label_lon, label_lat FROM unit_district
WHERE (?::VARCHAR IS NULL OR province_code = ?) AND label_lon IS NOT NULL AND NOT isnan(label_lon)`;
