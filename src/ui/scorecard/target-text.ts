import type { TFunction } from 'i18next';
import { formatNumber, type Locale } from '../../i18n';
import type { Measure, ScoredTarget } from '../../db/sql/scorecard';

/**
 * A measure's value in its unit, as a planner reads it: "71,3%", "72 xã", "2 huyện", "2.015 hộ/năm", "1,15
 * điểm/năm". `digits`: decimals of a share or of points (default 1 and 2).
 */
export function formatMeasure(measure: Measure, value: number | null, locale: Locale, t: TFunction, digits?: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (measure) {
    case 'ntm_count':
    case 'below_floor':
      return t('scorecard.unit.communes', { count: Math.round(value), n: formatNumber(Math.round(value), locale) });
    case 'districts_recognised':
      return t('scorecard.unit.districts', { count: Math.round(value), n: formatNumber(Math.round(value), locale) });
    case 'poor_reduced_per_year':
      return t('scorecard.unit.householdsPerYear', { n: formatNumber(Math.round(value), locale) });
    case 'poor_points_per_year':
      return t('scorecard.unit.pointsPerYear', { n: formatNumber(value, locale, digits ?? 2) });
    default:
      return `${formatNumber(value, locale, digits ?? 1)}%`;
  }
}

/** Decimals a published number is written with (at most 2): a goal reads "≥ 75%" and "2–2,5 điểm/năm" as published. */
const decimalsOf = (v: number) => (Number.isInteger(v) ? 0 : Number.isInteger(v * 10) ? 1 : 2);

/** What a target asks for: "≥ 75%", "≤ 4%", "1.800–2.200 hộ/năm", "không xã nào dưới 12 tiêu chí"; as published when not measurable. */
export function goalText(r: ScoredTarget, locale: Locale, t: TFunction): string {
  if (!r.measure) return `${r.value} ${t(`scorecard.publishedUnit.${r.unit.replace(/ /g, '_')}`, { defaultValue: r.unit })}`;
  if (r.measure === 'below_floor') return t('scorecard.goal.floor', { n: r.value });
  const m = r.measure;
  const fmt = (v: number) => formatMeasure(m, v, locale, t, decimalsOf(v));
  if (r.value_min !== null && r.value_max !== null && r.value_min !== r.value_max) {
    return `${fmt(r.value_min).replace(/[^\d.,]+$/, '')}–${fmt(r.value_max)}`;
  }
  return r.goal === null ? '–' : `${r.direction === 'down' ? '≤' : '≥'} ${fmt(r.goal)}`;
}

/** The target's indicator in words (the published ones, the ones a user can enter); its id when unknown. */
export const indicatorName = (indicator: string, t: TFunction): string =>
  t(`scorecard.indicator.${indicator.replace(/^target_/, '')}`, { defaultValue: indicator });

/** Why a verdict could not be given from the data, in words (null for a verdict that needs none). */
export function whyText(r: ScoredTarget, year: number, place: string, t: TFunction): string | null {
  if (r.verdict === 'not_measurable') return t('scorecard.why.not_measurable');
  if (r.verdict === 'not_started') return t('scorecard.why.not_started', { year, from: r.period_from, base: r.base_year });
  if (r.verdict === 'no_data') return t('scorecard.why.no_data', { place, year: r.eval_year });
  return null;
}
