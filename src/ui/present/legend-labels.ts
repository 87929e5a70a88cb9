import type { TFunction } from 'i18next';
import type { AppState } from '../../state/app-state';
import { formatRange } from '../../indicators/format';
import { indicators } from '../../indicators/registry';

/** Legend rows as text, for exports and the presentation overlay (the same labels the side legend shows). */
export function legendLabels(s: AppState, t: TFunction): { colour: [number, number, number]; label: string; count: number }[] {
  return s.legend.map((item) => ({
    colour: [item.colour[0], item.colour[1], item.colour[2]],
    label: item.category ? t(`status.${item.category}`) : item.noData ? t('status.no_data') : formatRange(s.indicator, item.range!, s.locale),
    count: item.count,
  }));
}

/** "Tình trạng NTM năm 2024 — Quảng Trị": the default title of a map, slide or export. */
export function viewTitle(s: AppState, t: TFunction): string {
  const place = s.province === null ? t('controls.nationalView') : (s.provinces.find((p) => p.code === s.province)?.name ?? '');
  const indicator = t(`indicator.${s.indicator}`, { n: s.criterion });
  const when = indicators[s.indicator].change ? `${s.compareYear}–${s.year}` : String(s.year);
  return t('present.defaultTitle', { indicator, when, place });
}
