import { formatNumber, type Locale } from '../i18n';
import { indicators, type IndicatorId } from './registry';

/** A value of an indicator as a planner reads it: "12,5%", "17", "2019", "+1,2 điểm %". */
export function formatIndicatorValue(id: IndicatorId, value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–';
  const def = indicators[id];
  if (id === 'ntm_year') return String(Math.round(value));
  if (def.percent) {
    const text = `${formatNumber(value * 100, locale, 2)}%`;
    return def.change && value > 0 ? `+${text}` : text;
  }
  return formatNumber(value, locale, Number.isInteger(value) ? 0 : 1);
}

/** A legend range "12,5% – 20,0%". */
export function formatRange(id: IndicatorId, [lo, hi]: [number, number], locale: Locale): string {
  return `${formatIndicatorValue(id, lo, locale)} – ${formatIndicatorValue(id, hi, locale)}`;
}
