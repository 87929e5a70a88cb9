/**
 * Criteria gaps. Criterion n is met when bit n-1 of criteria_met_mask is set. Names come from the criteria
 * table of the set in force that year (QĐ 1980 until 2021, QĐ 318 from 2022): codes mean different things
 * in different sets, so a criterion is always (set, number).
 */
const met = (mask: string, n: string) => `((${mask} >> (${n} - 1)) & 1) = 1`;

/** Communes x criteria of one district and year. Params: $1 district code, $2 year. */
export const districtCriteriaMatrixSQL = `
SELECT u.commune_code, u.commune_name, y.criteria_set, y.criteria_met_count::INTEGER AS criteria_met,
       y.criteria_met_mask::INTEGER AS mask
FROM unit_commune u
LEFT JOIN commune_year y ON y.commune_code = u.commune_code AND y.year = $2
WHERE u.district_code = $1 AND u.commune_type = 'Xã'
ORDER BY u.commune_name`;

/** Criteria of the set used in a year, with how many rural communes of the province miss each. Params: $1 province, $2 year. */
export const criteriaMissingSQL = `
WITH rows AS (
  SELECT y.criteria_set, y.criteria_met_mask AS mask
  FROM commune_year y JOIN unit_commune u ON u.commune_code = y.commune_code
  WHERE y.year = $2 AND ($1::VARCHAR IS NULL OR u.province_code = $1)
)
SELECT c.number::INTEGER AS number, c.name_vi, c.name_en, c.criteria_set_id AS criteria_set,
       count(r.mask) FILTER (WHERE NOT ${met('r.mask', 'c.number')})::INTEGER AS missing,
       count(r.mask)::INTEGER AS assessed
FROM criteria c JOIN rows r ON r.criteria_set = c.criteria_set_id
GROUP BY ALL ORDER BY missing DESC, number`;

/** Criteria names of a set. Params: $1 set id. */
export const criteriaNamesSQL = `
SELECT number::INTEGER AS number, name_vi, name_en FROM criteria WHERE criteria_set_id = $1 ORDER BY number`;

/** Set in force for a year. Params: $1 year. */
export const criteriaSetOfYearSQL = `
SELECT criteria_set_id, n_criteria::INTEGER AS n_criteria FROM criteria_sets
WHERE $1 BETWEEN data_years_from AND data_years_to`;
