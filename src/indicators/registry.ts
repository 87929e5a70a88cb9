import { statusClasses } from '../db/sql/status';
import type { SchemeName } from '../classify/palettes';

/**
 * Map indicators. Each is one SQL expression over a commune's rows: `y` = commune_year, `p` = poverty_year,
 * `u` = unit_commune, for one year. Categorical ones return a class index, numeric ones a value (NULL = no data).
 */
export type IndicatorId =
  | 'status' | 'criteria' | 'poor_rate' | 'near_poor_rate' | 'ntm_year' | 'status_change' | 'poor_rate_change' | 'criterion_missing';

export interface IndicatorDef {
  id: IndicatorId;
  kind: 'categorical' | 'numeric';
  /** Needs a second (comparison) year: the value is a change between two years. */
  change?: boolean;
  /** Needs a criterion number (communes missing criterion n). */
  criterion?: boolean;
  scheme?: SchemeName;
  /** Value shown as a percentage (stored as a fraction). */
  percent?: boolean;
  /** Default number of classes for numeric indicators. */
  classes?: number;
}

export const indicators: Record<IndicatorId, IndicatorDef> = {
  status: { id: 'status', kind: 'categorical' },
  criteria: { id: 'criteria', kind: 'numeric', scheme: 'YlGn', classes: 5 },
  poor_rate: { id: 'poor_rate', kind: 'numeric', scheme: 'OrRd', percent: true, classes: 5 },
  near_poor_rate: { id: 'near_poor_rate', kind: 'numeric', scheme: 'PuBu', percent: true, classes: 5 },
  ntm_year: { id: 'ntm_year', kind: 'numeric', scheme: 'YlGn', classes: 5 },
  status_change: { id: 'status_change', kind: 'categorical', change: true },
  poor_rate_change: { id: 'poor_rate_change', kind: 'numeric', change: true, scheme: 'BrBG', percent: true, classes: 5 },
  criterion_missing: { id: 'criterion_missing', kind: 'categorical', criterion: true },
};

export const indicatorIds = Object.keys(indicators) as IndicatorId[];

/** Categories of the two-year comparison of NTM status. */
export const changeClasses = ['newly_recognised', 'still_ntm', 'fell_back', 'still_not', 'no_data', 'out_of_scope'] as const;
export type ChangeClass = (typeof changeClasses)[number];

/** Categories of "communes missing criterion n". */
export const criterionClasses = ['criterion_missing', 'criterion_met', 'no_data', 'out_of_scope'] as const;

export const categoriesOf = (id: IndicatorId): readonly string[] =>
  id === 'status' ? statusClasses : id === 'criterion_missing' ? criterionClasses : changeClasses;

/** Bound parameters of an indicator's matrix query. */
export function indicatorParams(id: IndicatorId, opts: { compareYear: number; criterion: number }): unknown[] {
  const def = indicators[id];
  return def.change ? [opts.compareYear] : def.criterion ? [opts.criterion] : [];
}
