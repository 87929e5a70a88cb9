import { PROVENANCES, TABLES, type RowProvenance, type SeriesId, type TableName } from '../../common/schema';
import { FIRST_POST_REFORM_YEAR } from '../../common/programme';

/**
 * Provenance per series and per value. A per-commune series is one view (shipped sample + imports, see
 * imported.ts) whose rows carry a provenance: 'fact' (facts/ files), 'imported' (the user's own tables) or
 * 'illustrative' (generated). A shown value is illustrative when the row it comes from is; an indicator reads one
 * or more series, so its mark is decided per series, never by one flag for the whole view. The other series
 * (recognition, sponsorship, targets, figures, criteria) are facts: never marked.
 */

/** The series whose rows carry a provenance (from the schema): the view holding each and its unit key column. */
export const provenancedSeries = (Object.keys(TABLES) as TableName[]).flatMap((t) => {
  const spec: { series: SeriesId | null; key?: readonly string[]; columns: object } = TABLES[t];
  return spec.series && 'provenance' in spec.columns && spec.key ? [{ id: spec.series, view: t, key: spec.key[0] }] : [];
});
const seriesIds = provenancedSeries.map((s) => s.id);

/** Provenances of real rows; a row without one counts as illustrative (only rows known to be real go unmarked). */
export const realProvenances: readonly RowProvenance[] = PROVENANCES.filter((p) => p !== 'illustrative');

/** SQL: TRUE when row `alias` (which exists) is not known to be real. */
export const illustrativeRowSQL = (alias: string) =>
  `coalesce(${alias}.provenance NOT IN (${realProvenances.map((p) => `'${p}'`).join(', ')}), TRUE)`;

/** Whether a provenance value (or a '+'-joined set of them, see provenanceSetSQL) includes an illustrative row. */
export function isIllustrativeProvenance(p: string | null | undefined): boolean {
  if (p === null || p === undefined) return false; // no row: nothing shown
  return p.split('+').some((one) => !(realProvenances as readonly string[]).includes(one));
}

/** SQL aggregate: the distinct provenances of a group's rows, '+'-joined in a stable order ('fact+illustrative'). */
export const provenanceSetSQL = (expr: string) =>
  `string_agg(DISTINCT coalesce(${expr}, 'illustrative'), '+' ORDER BY coalesce(${expr}, 'illustrative'))`;

/** Bit of a series in the per-row masks (rowProvenanceSQL); 0 for a series without row provenance (facts). */
export const seriesBit = (id: SeriesId) => (seriesIds.includes(id) ? 1 << seriesIds.indexOf(id) : 0);

const inProvince = `($1::VARCHAR IS NULL OR u.province_code = $1)`;

/**
 * Bit of the per-row masks set where a value is approximate: apportioned through the 2025 crosswalk from an old
 * commune that was split (post-reform units before 2026; src/db/sql/vintage.ts). Above the series bits.
 */
export const approximateBit = 1 << 6;

/**
 * Per unit (unit_commune rowid, the index of every indicator matrix) and data year, for the units of a province
 * (or the country, NULL) that have a row of some series that year: a mask of the series whose row is illustrative
 * (seriesBit), and the number of criteria of the set the NTM row was assessed with (NULL without one). The legend
 * badge, notes and exports combine the masks per year with the series an indicator reads; tooltips and the
 * selection mark each line by its unit's mask. Params: [province].
 */
export const rowProvenanceSQL = `
WITH r AS (
${provenancedSeries
  .map(
    (s) => `  SELECT r.${s.key} AS code, r.year, CASE WHEN ${illustrativeRowSQL('r')} THEN ${seriesBit(s.id)} ELSE 0 END AS mask,
    ${s.id === 'ntm' ? '(SELECT n_criteria FROM criteria_sets cs WHERE cs.criteria_set_id = r.criteria_set)' : 'NULL::INTEGER'} AS n_criteria
  FROM ${s.view} r`,
  )
  .join('\n  UNION ALL\n')}
)
SELECT u.unit_row::INTEGER AS unit, r.year::INTEGER AS year, bit_or(r.mask)::INTEGER AS illustrative, max(r.n_criteria)::INTEGER AS n_criteria
FROM r JOIN (SELECT rowid AS unit_row, commune_code, province_code FROM unit_commune) u ON u.commune_code = r.code
WHERE ${inProvince} AND r.year < ${FIRST_POST_REFORM_YEAR} -- later rows are keyed by post-reform codes (src/common/vintage.ts)
GROUP BY ALL
ORDER BY unit, year`;
