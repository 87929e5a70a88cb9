/**
 * The model as one table: status and poverty per commune and year, for a province or the country (NULL). Each
 * series keeps its own provenance and source columns (`ntm_provenance`, `poverty_provenance`...): a commune-year
 * may hold imported NTM figures beside generated poverty figures, and each value is labelled by the row it comes
 * from. Columns of a series are NULL where it has no row. Params: [province].
 */
export const modelExportSQL = `
WITH years AS (SELECT year FROM commune_year UNION SELECT year FROM poverty_year)
SELECT u.province_code, u.district_code, u.commune_code, u.commune_name, t.year::INTEGER AS year,
       y.criteria_set, y.criteria_met_count::INTEGER AS criteria_met_count, y.tier, y.recognised_year::INTEGER AS recognised_year,
       y.decision_no, y.provenance AS ntm_provenance, y.source AS ntm_source,
       p.households::INTEGER AS households, p.poor::INTEGER AS poor, p.near_poor::INTEGER AS near_poor, p.standard,
       p.provenance AS poverty_provenance, p.source AS poverty_source
FROM unit_commune u CROSS JOIN years t
LEFT JOIN commune_year y ON y.commune_code = u.commune_code AND y.year = t.year
LEFT JOIN poverty_year p ON p.unit_code = u.commune_code AND p.year = t.year
WHERE ($1::VARCHAR IS NULL OR u.province_code = $1) AND (y.commune_code IS NOT NULL OR p.unit_code IS NOT NULL)
ORDER BY u.commune_code, t.year`;

/** The provenance column of each series in modelExportSQL. */
export const modelProvenanceColumns = ['ntm_provenance', 'poverty_provenance'] as const;
