import { PROVENANCES, TABLES, type RowProvenance, type SeriesId, type TableName } from '../../common/schema';

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
 * The series with at least one illustrative row among the units of the province (or the country, NULL), per
 * year: what the legend badge, the notes and the exports combine with the series an indicator reads.
 * Params: [province]. Rows: { year, series }, only where illustrative.
 */
export const illustrativeSeriesSQL = `
${provenancedSeries
  .map(
    (s) => `SELECT r.year::INTEGER AS year, '${s.id}' AS series
FROM ${s.view} r JOIN unit_commune u ON u.commune_code = r.${s.key}
WHERE ${inProvince}
GROUP BY r.year HAVING bool_or(${illustrativeRowSQL('r')})`,
  )
  .join('\nUNION ALL\n')}
ORDER BY year, series`;

/** Row aliases in rowProvenanceSQL: the NTM row is `y` (its criteria set is joined), the others s1, s2... */
const rowAlias = (i: number) => (provenancedSeries[i].id === 'ntm' ? 'y' : `s${i}`);

/**
 * Per unit (unit_commune rowid, the index of every indicator matrix) and data year of the province (or the
 * country, NULL): a mask of the series whose row is illustrative (seriesBit), and the number of criteria of the set
 * the NTM row was assessed with (NULL without a row). Tooltips and the selection mark each line by it.
 * Params: [province].
 */
export const rowProvenanceSQL = `
WITH years AS (SELECT DISTINCT year FROM commune_year)
SELECT u.unit_row::INTEGER AS unit, t.year::INTEGER AS year,
  (${provenancedSeries
    .map((s, i) => `CASE WHEN ${rowAlias(i)}.${s.key} IS NOT NULL AND ${illustrativeRowSQL(rowAlias(i))} THEN ${seriesBit(s.id)} ELSE 0 END`)
    .join(' + ')})::INTEGER AS illustrative,
  cs.n_criteria::INTEGER AS n_criteria
FROM (SELECT rowid AS unit_row, * FROM unit_commune) u
CROSS JOIN years t
${provenancedSeries
  .map((s, i) => `LEFT JOIN ${s.view} ${rowAlias(i)} ON ${rowAlias(i)}.${s.key} = u.commune_code AND ${rowAlias(i)}.year = t.year`)
  .join('\n')}
LEFT JOIN criteria_sets cs ON cs.criteria_set_id = y.criteria_set
WHERE ${inProvince}
ORDER BY unit, year`;
