/**
 * Drill-down to a district: every commune-level unit of it in a year, with its NTM status, criteria met of its
 * set (x/N) and the numbers of those it misses, poor rate, and the organisations sponsoring it that year.
 * Phường and thị trấn are listed too (outside the NTM programme: no status). Params: $1 district code, $2 year.
 */
export interface DistrictCommuneRow {
  commune_code: string;
  commune_name: string;
  commune_type: string;
  /** a Xã: assessed under the NTM programme */
  in_scope: boolean;
  tier: string | null;
  criteria_met: number | null;
  criteria_total: number | null;
  /** numbers of the criteria of its set it does not meet, ascending ("3, 11, 17"); null without a row */
  missing: string | null;
  criteria_set: string | null;
  poor_rate: number | null;
  households: number | null;
  /** sponsoring organisations with an assignment covering the year, comma-joined */
  sponsors: string | null;
  ntm_provenance: string | null;
  poverty_provenance: string | null;
}

export const districtCommunesSQL = `
SELECT u.commune_code, u.commune_name, u.commune_type, u.commune_type = 'Xã' AS in_scope,
  y.tier, y.criteria_met_count::INTEGER AS criteria_met, cs.n_criteria::INTEGER AS criteria_total,
  (SELECT string_agg(c.number::VARCHAR, ', ' ORDER BY c.number) FROM criteria c
   WHERE c.criteria_set_id = y.criteria_set AND ((y.criteria_met_mask >> (c.number - 1)) & 1) = 0) AS missing,
  y.criteria_set,
  p.poor::DOUBLE / nullif(p.households, 0) AS poor_rate, p.households::INTEGER AS households,
  (SELECT string_agg(DISTINCT s.sponsor_org, ', ' ORDER BY s.sponsor_org) FROM sponsorship s
   WHERE s.commune_code = u.commune_code AND $2 >= s.from_year AND (s.to_year IS NULL OR $2 <= s.to_year)) AS sponsors,
  y.provenance AS ntm_provenance, p.provenance AS poverty_provenance
FROM unit_commune u
LEFT JOIN commune_year y ON y.commune_code = u.commune_code AND y.year = $2
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
LEFT JOIN poverty_year p ON p.unit_code = u.commune_code AND p.year = $2
WHERE u.district_code = $1
ORDER BY u.commune_name`;
