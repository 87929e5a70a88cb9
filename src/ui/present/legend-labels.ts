import type { TFunction } from 'i18next';
import type { AppState } from '../../state/app-state';
import { formatRange } from '../../indicators/format';
import { indicators } from '../../indicators/registry';
import { viewIllustrative } from '../../indicators/provenance';
import type { ExportedView } from '../../export/map-export';
import type { MapPdfInput } from '../../export/map-pdf';
import type { Orientation, Paper } from '../../export/pdf-layout';

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

/** The current view as an export sees it: title, and whether its indicator shows illustrative values in its year(s). */
export function exportedView(s: AppState, t: TFunction, title = viewTitle(s, t)): ExportedView {
  return { title, illustrative: viewIllustrative(s), illustrativeLabel: t('app.illustrativeBadge') };
}

/** What the print PDF of the current map says besides the map itself. */
export function mapPdfText(s: AppState, t: TFunction, title: string, paper: Paper, orientation: Orientation): Omit<MapPdfInput, 'fonts' | 'mapImage' | 'exportDate'> {
  return {
    title: title || viewTitle(s, t),
    subtitle: t('present.subtitleDefault'),
    legend: { title: t(`indicator.${s.indicator}`, { n: s.criterion }), items: legendLabels(s, t) },
    source: `${t('present.sourceData')} · ${t('map.attribution')}`,
    dataDate: t('present.dataDate', { year: s.year }),
    illustrative: viewIllustrative(s),
    paper,
    orientation,
    locale: s.locale,
  };
}
