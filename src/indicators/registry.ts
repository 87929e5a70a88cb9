import { statusClasses } from '../db/sql/status';
import { changeClasses, criterionClasses, type IndicatorId } from '../db/sql/indicator-values';
import type { SchemeName } from '../classify/palettes';
import type { SeriesId } from '../common/schema';
import type { Vintage } from '../common/vintage';

export { changeClasses, criterionClasses, type ChangeClass, type IndicatorId } from '../db/sql/indicator-values';

/**
 * Map indicators. Each is one SQL expression over a commune's rows (src/db/sql/indicator-values.ts): `y` =
 * commune_year, `p` = poverty_year, `u` = unit_commune, for one year. Categorical ones return a class index,
 * numeric ones a value (NULL = no data).
 */
export interface IndicatorDef {
  id: IndicatorId;
  kind: 'categorical' | 'numeric';
  /** The series its values are read from: a value is illustrative when its row in one of them is. */
  series: readonly SeriesId[];
  /** Needs a second (comparison) year: the value is a change between two years. */
  change?: boolean;
  /** Needs a criterion number (communes missing criterion n). */
  criterion?: boolean;
  scheme?: SchemeName;
  /** Value shown as a percentage (stored as a fraction). */
  percent?: boolean;
  /** Default number of classes for numeric indicators. */
  classes?: number;
  /** Shown only on the units of this vintage (src/common/vintage.ts); otherwise on both. */
  vintage?: Vintage;
}

export const indicators: Record<IndicatorId, IndicatorDef> = {
  status: { id: 'status', kind: 'categorical', series: ['ntm'] },
  criteria: { id: 'criteria', kind: 'numeric', series: ['ntm'], scheme: 'YlGn', classes: 5 },
  poor_rate: { id: 'poor_rate', kind: 'numeric', series: ['poverty'], scheme: 'OrRd', percent: true, classes: 5 },
  near_poor_rate: { id: 'near_poor_rate', kind: 'numeric', series: ['poverty'], scheme: 'PuBu', percent: true, classes: 5 },
  ntm_year: { id: 'ntm_year', kind: 'numeric', series: ['ntm'], scheme: 'YlGn', classes: 5 },
  status_change: { id: 'status_change', kind: 'categorical', series: ['ntm'], change: true },
  poor_rate_change: { id: 'poor_rate_change', kind: 'numeric', series: ['poverty'], change: true, scheme: 'BrBG', percent: true, classes: 5 },
  criterion_missing: { id: 'criterion_missing', kind: 'categorical', series: ['ntm'], criterion: true },
  // k of n former communes NTM, as a share: what a post-reform commune has before a recognition of its own
  former_ntm: { id: 'former_ntm', kind: 'numeric', series: ['ntm'], scheme: 'YlGn', percent: true, classes: 5, vintage: '2025-07' },
};

/** Whether an indicator is offered on the units of a vintage. */
export const indicatorOnVintage = (id: IndicatorId, vintage: Vintage): boolean => (indicators[id].vintage ?? vintage) === vintage;

/**
 * The official bands of criteria met under a 19-criteria set (QĐ 1980, QĐ 318), as the programme's reports group
 * communes: 19 (meets the standard), 15-18, 10-14, 5-9, under 5. As class breaks: class i holds [b(i-1), b(i)).
 */
export const OFFICIAL_CRITERIA_BANDS: readonly number[] = [5, 10, 15, 19];

/** Whether a classification of the criteria indicator is the official bands, or the floor split ([floor]). */
export function criteriaBandsOf(breaks: readonly number[], floor: number): 'official' | 'floor' | null {
  if (breaks.length === OFFICIAL_CRITERIA_BANDS.length && breaks.every((b, i) => b === OFFICIAL_CRITERIA_BANDS[i])) return 'official';
  return breaks.length === 1 && breaks[0] === floor ? 'floor' : null;
}

export const indicatorIds = Object.keys(indicators) as IndicatorId[];

export const categoriesOf = (id: IndicatorId): readonly string[] =>
  id === 'status' ? statusClasses : id === 'criterion_missing' ? criterionClasses : changeClasses;

/** Bound parameters of an indicator's matrix query. */
export function indicatorParams(id: IndicatorId, opts: { compareYear: number; criterion: number }): unknown[] {
  const def = indicators[id];
  return def.change ? [opts.compareYear] : def.criterion ? [opts.criterion] : [];
}
