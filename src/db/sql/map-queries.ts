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

/** Rows of the user's own imported NTM tables now in the model (the data panel's count). */
export const importedRowCountSQL = `SELECT count(*)::INTEGER AS n FROM import_commune_year`;
