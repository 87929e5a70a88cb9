import { statusIndexSQL } from './status';

/**
 * The map indicators, each one SQL expression below. How each is shown (kind, palette, parameters) is declared in
 * src/indicators/registry.ts, above this layer.
 */
export type IndicatorId =
  | 'status' | 'criteria' | 'poor_rate' | 'near_poor_rate' | 'ntm_year' | 'status_change' | 'poor_rate_change' | 'criterion_missing';

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
};

/**
 * One indicator for every unit and every data year, in unit order (unit_commune.rowid) and year order:
 * the app slices a year out of it in JS, so moving the year slider runs no SQL.
 * Params: indicatorParams() — [comparison year] for change indicators, [criterion] for criterion gaps.
 */
export function indicatorMatrixSQL(id: IndicatorId): string {
  return indicatorsMatrixSQL([id]);
}

/**
 * Several indicators in one pass (column `value` for the first, `value_1`, `value_2`... for the others); they
 * must take the same parameters. The start-up reads status and criteria together this way.
 */
export function indicatorsMatrixSQL(ids: IndicatorId[]): string {
  const poverty = ids.some(needsPoverty);
  const change = ids.some(needsComparisonYear);
  const joins = [
    'LEFT JOIN commune_year y ON y.commune_code = u.commune_code AND y.year = t.year',
    poverty ? 'LEFT JOIN poverty_year p ON p.unit_code = u.commune_code AND p.year = t.year' : '',
    change ? 'LEFT JOIN commune_year ya ON ya.commune_code = u.commune_code AND ya.year = $1::INTEGER' : '',
    change && poverty ? 'LEFT JOIN poverty_year pa ON pa.unit_code = u.commune_code AND pa.year = $1::INTEGER' : '',
  ];
  const values = ids.map((id, i) => `(${valueSQL[id]})::DOUBLE AS ${i === 0 ? 'value' : `value_${i}`}`);
  return `
WITH years AS (SELECT DISTINCT year FROM commune_year)
SELECT ${values.join(',\n  ')}
FROM (SELECT rowid AS unit_row, * FROM unit_commune) u
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

/** The unit list in rowid order, once: names for tooltips, search and tables. */
export const unitListSQL = `
SELECT u.commune_code, u.commune_name, u.commune_type, u.district_code, d.district_name, u.province_code, p.province_name
FROM (SELECT rowid AS unit_row, * FROM unit_commune) u
LEFT JOIN unit_district d USING (district_code)
LEFT JOIN unit_province p ON p.province_code = u.province_code
ORDER BY u.unit_row`;
