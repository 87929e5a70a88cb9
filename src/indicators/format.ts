import { formatNumber, type Locale } from '../i18n';
import { indicators, type IndicatorId } from './registry';

/**
 * A value of an indicator as a planner reads it: "12,5%", "17", "2019", "+1,2 điểm %". `wholePercent`: a percentage
 * that is whole at the precision shown drops its zero decimals ("100%", not "100,00%").
 */
export function formatIndicatorValue(id: IndicatorId, value: number, locale: Locale, wholePercent = false): string {
  if (!Number.isFinite(value)) return '–';
  const def = indicators[id];
  if (id === 'ntm_year') return String(Math.round(value));
  if (def.percent) {
    const shown = Math.round(value * 10000) / 100;
    const text = `${formatNumber(shown, locale, wholePercent && Number.isInteger(shown) ? 0 : 2)}%`;
    return def.change && value > 0 ? `+${text}` : text;
  }
  return formatNumber(value, locale, Number.isInteger(value) ? 0 : 1);
}

/**
 * A legend range "12,5% – 20,0%"; a class whose bounds read the same (every unit in it at 100%) as that one value,
 * "100%", not "100,00% – 100,00%". The screen's legend, the comparison map's and the exports' all read this.
 */
export function formatRange(id: IndicatorId, [lo, hi]: [number, number], locale: Locale): string {
  const [from, to] = [formatIndicatorValue(id, lo, locale), formatIndicatorValue(id, hi, locale)];
  return from === to ? formatIndicatorValue(id, lo, locale, true) : `${from} – ${to}`;
}
