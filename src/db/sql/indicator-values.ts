import { statusIndexSQL } from './status';
import { POST_REFORM, PRE_REFORM, rowsOfVintageSQL, UNIT_TABLES, type Vintage } from '../../common/vintage';
import { unitListOfVintageSQL } from './vintage';

/**
 * The map indicators, each one SQL expression below. How each is shown (kind, palette, parameters) is declared in
 * src/indicators/registry.ts, above this layer.
 */
export type IndicatorId =
  | 'status' | 'criteria' | 'poor_rate' | 'near_poor_rate' | 'ntm_year' | 'status_change' | 'poor_rate_change' | 'criterion_missing'
  | 'former_ntm';

/** Categories of the two-year comparison of NTM status (the value is the index). */
export const changeClasses = ['newly_recognised', 'still_ntm', 'fell_back', 'still_not', 'no_data', 'out_of_scope'] as const;
export type ChangeClass = (typeof changeClasses)[number];

/** Categories of "communes missing criterion n" (the value is the index). */
export const criterionClasses = ['criterion_missing', 'criterion_met', 'no_data', 'out_of_scope'] as const;

const ntm = (y: string) => `(${y}.tier IS NOT NULL AND ${y}.tier <> 'chua_dat')`;
const rate = (p: string, col: string) => `${p}.${col}::DOUBLE / nullif(${p}.households, 0)`;
const change = (c: (typeof changeClasses)[number]) => changeClasses.indexOf(c);

/** Value of one indicator for one unit and year; `a` = values of the comparison (earlier) year. */
const valueSQL: Record<IndicatorId, string> = {
  status: statusIndexSQL('u', 'y'),
  criteria: `CASE WHEN u.commune_type = 'Xã' THEN y.criteria_met_count END`,
  poor_rate: rate('p', 'poor'),
  near_poor_rate: rate('p', 'near_poor'),
  ntm_year: `CASE WHEN ${ntm('y')} THEN y.ntm_year END`,
  status_change: `CASE WHEN u.commune_type <> 'Xã' THEN ${change('out_of_scope')}
    WHEN y.tier IS NULL OR ya.tier IS NULL THEN ${change('no_data')}
    WHEN ${ntm('y')} AND NOT ${ntm('ya')} THEN ${change('newly_recognised')}
    WHEN ${ntm('y')} THEN ${change('still_ntm')}
    WHEN ${ntm('ya')} THEN ${change('fell_back')}
    ELSE ${change('still_not')} END`,
  poor_rate_change: `${rate('p', 'poor')} - ${rate('pa', 'poor')}`,
  criterion_missing: `CASE WHEN u.commune_type <> 'Xã' THEN ${criterionClasses.indexOf('out_of_scope')}
    WHEN y.criteria_met_mask IS NULL THEN ${criterionClasses.indexOf('no_data')}
    WHEN ((y.criteria_met_mask >> ($1::INTEGER - 1)) & 1) = 1 THEN ${criterionClasses.indexOf('criterion_met')}
    ELSE ${criterionClasses.indexOf('criterion_missing')} END`,
  // post-reform communes before 2026: the share of their former rural communes that were NTM (never a status of their own)
  // (over the former rural communes with a row that year; none: no data)
  former_ntm: `f.n_ntm::DOUBLE / nullif(f.n_rural - f.n_no_data, 0)`,
};

/**
 * One indicator for every unit and every data year of a vintage, in unit order (rowid of the vintage's commune
 * table) and year order: the app slices a year out of it in JS, so moving the year slider runs no SQL.
 * Params: indicatorParams() — [comparison year] for change indicators, [criterion] for criterion gaps.
 */
export function indicatorMatrixSQL(id: IndicatorId, vintage: Vintage = PRE_REFORM): string {
  return indicatorsMatrixSQL([id], vintage);
}

/**
 * Several indicators in one pass (column `value` for the first, `value_1`, `value_2`... for the others); they
 * must take the same parameters. The start-up reads status and criteria together this way.
 *
 * The pre-reform units show the years up to 2025. The post-reform units show every year: their own NTM rows from
 * 2026 (never a row of a colliding 2024 code), poverty apportioned through the crosswalk before 2026
 * (poverty_year_2025), and the NTM of their former communes before 2026 (former_ntm_2025).
 */
export function indicatorsMatrixSQL(ids: IndicatorId[], vintage: Vintage = PRE_REFORM): string {
  const poverty = ids.some(needsPoverty);
  const change = ids.some(needsComparisonYear);
  const former = ids.some(needsFormerCommunes);
  const postReform = vintage === POST_REFORM;
  const povertyView = postReform ? 'poverty_year_2025' : 'poverty_year';
  // a post-reform commune's own NTM rows are those of 2026 on (an earlier row with its code is a 2024 commune's);
  // filtered before the join (a condition on the join itself makes DuckDB plan a much slower join)
  const ntmRows = postReform ? `(SELECT * FROM commune_year WHERE ${rowsOfVintageSQL(vintage, 'year')})` : 'commune_year';
  const joins = [
    `LEFT JOIN ${ntmRows} y ON y.commune_code = u.commune_code AND y.year = t.year`,
    poverty ? `LEFT JOIN ${povertyView} p ON p.unit_code = u.commune_code AND p.year = t.year` : '',
    change ? `LEFT JOIN ${ntmRows} ya ON ya.commune_code = u.commune_code AND ya.year = $1::INTEGER` : '',
    change && poverty ? `LEFT JOIN ${povertyView} pa ON pa.unit_code = u.commune_code AND pa.year = $1::INTEGER` : '',
    former && postReform ? 'LEFT JOIN former_ntm_2025 f ON f.commune_code = u.commune_code AND f.year = t.year' : '',
  ];
  // the former communes' NTM exists only for post-reform units
  const value = (id: IndicatorId) => (needsFormerCommunes(id) && !postReform ? 'NULL' : valueSQL[id]);
  const values = ids.map((id, i) => `(${value(id)})::DOUBLE AS ${i === 0 ? 'value' : `value_${i}`}`);
  const years = postReform ? '' : ` WHERE ${rowsOfVintageSQL(vintage, 'year')}`;
  return `
WITH years AS (SELECT DISTINCT year FROM commune_year${years})
SELECT ${values.join(',\n  ')}
FROM (SELECT rowid AS unit_row, * FROM ${UNIT_TABLES[vintage].commune}) u
CROSS JOIN years t
${joins.filter(Boolean).join('\n')}
ORDER BY u.unit_row, t.year`;
}

/** Whether an indicator compares with a second year (its values of that year are `ya` and `pa`; param $1). */
export function needsComparisonYear(id: IndicatorId): boolean {
  return /\bya\.|\bpa\./.test(valueSQL[id]);
}

/** Whether an indicator reads the poverty series (loaded after the first coloured map). */
export function needsPoverty(id: IndicatorId): boolean {
  return /\bpa?\./.test(valueSQL[id]);
}

/** Whether an indicator reads the NTM of a post-reform commune's former communes (`f`). */
export function needsFormerCommunes(id: IndicatorId): boolean {
  return /\bf\./.test(valueSQL[id]);
}

/** The pre-reform unit list in rowid order, once: names for tooltips, search and tables (any vintage: vintage.ts). */
export const unitListSQL = unitListOfVintageSQL(PRE_REFORM);
