/** Sponsoring organisations with their communes (many-to-many, dated). */
export const sponsorsSQL = `
SELECT sponsor_id, any_value(sponsor_org) AS sponsor_org, any_value(sponsor_short) AS sponsor_short,
       any_value(province_code) AS province_code, count(DISTINCT commune_code)::INTEGER AS communes,
       min(from_year)::INTEGER AS from_year, max(to_year)::INTEGER AS to_year, string_agg(DISTINCT basis, '; ') AS basis,
       string_agg(DISTINCT source, '; ') AS source
FROM sponsorship GROUP BY sponsor_id ORDER BY province_code, sponsor_org`;

/**
 * One sponsor's communes: status now, at the start of the assignment, criteria (of the set the row was assessed
 * with) and poverty change, with the provenance of each row read (now and at the start, per series).
 * Params: $1 sponsor id, $2 year.
 */
export const sponsorCommunesSQL = `
SELECT s.commune_code, u.commune_name, d.district_name, u.province_code, s.from_year::INTEGER AS from_year, s.to_year::INTEGER AS to_year,
       y.tier, y.criteria_met_count::INTEGER AS criteria_met, y.criteria_met_mask::INTEGER AS mask, y.criteria_set,
       b.tier AS tier_at_start, b.criteria_met_count::INTEGER AS criteria_at_start,
       p.poor::DOUBLE / nullif(p.households, 0) AS poor_rate,
       p.poor::DOUBLE / nullif(p.households, 0) - pb.poor::DOUBLE / nullif(pb.households, 0) AS poor_rate_change,
       cs.n_criteria::INTEGER AS criteria_total,
       y.provenance AS ntm_provenance, b.provenance AS ntm_start_provenance,
       p.provenance AS poverty_provenance, pb.provenance AS poverty_start_provenance
FROM sponsorship s
JOIN unit_commune u USING (commune_code)
JOIN unit_district d ON d.district_code = u.district_code
LEFT JOIN commune_year y ON y.commune_code = s.commune_code AND y.year = $2
LEFT JOIN commune_year b ON b.commune_code = s.commune_code AND b.year = s.from_year
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
LEFT JOIN poverty_year p ON p.unit_code = s.commune_code AND p.year = $2
LEFT JOIN poverty_year pb ON pb.unit_code = s.commune_code AND pb.year = s.from_year
WHERE s.sponsor_id = $1
ORDER BY d.district_name, u.commune_name`;

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
 * Map labels of sponsored communes: each commune with its sponsors' short names, comma-joined in order.
 * Params: $1 sponsor id (only that sponsor's communes), or NULL for every sponsored commune.
 */
export const sponsoredLabelsSQL = `
SELECT commune_code, string_agg(DISTINCT sponsor_short, ', ' ORDER BY sponsor_short) AS label
FROM sponsorship
WHERE ($1::VARCHAR IS NULL OR sponsor_id = $1)
GROUP BY commune_code
ORDER BY commune_code`;

/** Every sponsor id, for checking one asked for by a link. */
export const sponsorIdsSQL = `SELECT DISTINCT sponsor_id FROM sponsorship ORDER BY sponsor_id`;
