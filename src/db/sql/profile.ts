/**
 * A commune's series over all years: status, criteria (with the size of the set they were assessed with),
 * recognition, poverty, and the provenance of each series' row. Params: $1 commune code.
 */
export const communeSeriesSQL = `
SELECT t.year::INTEGER AS year, y.tier, y.criteria_set, y.criteria_met_count::INTEGER AS criteria_met,
       cs.n_criteria::INTEGER AS criteria_total,
       y.criteria_met_mask::INTEGER AS mask, y.recognised_year::INTEGER AS recognised_year, y.decision_no, y.fell_back,
       y.provenance AS ntm_provenance, y.source,
       p.households::INTEGER AS households, p.poor::INTEGER AS poor, p.near_poor::INTEGER AS near_poor, p.standard,
       p.provenance AS poverty_provenance
FROM (SELECT DISTINCT year FROM commune_year) t
LEFT JOIN commune_year y ON y.commune_code = $1 AND y.year = t.year
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
LEFT JOIN poverty_year p ON p.unit_code = $1 AND p.year = t.year
ORDER BY t.year`;

/** Sponsors of a commune. Params: $1 commune code. */
export const communeSponsorsSQL = `
SELECT sponsor_id, sponsor_org, sponsor_short, from_year::INTEGER AS from_year, to_year::INTEGER AS to_year, basis, source
FROM sponsorship WHERE commune_code = $1 ORDER BY from_year`;
