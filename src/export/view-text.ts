// The words of an exported view, from the app state and the one catalogue: title, legend labels, the texts around
// the map (source, data date, vintage, export date, illustrative mark) and the words written on the map. Used by
// the PNG and PDF exports, the sponsor report and the slides alike.
import type { TFunction } from 'i18next';
import type { AppState } from '../state/app-state';
import { POST_REFORM } from '../common/vintage';
import { formatRange } from '../indicators/format';
import { indicators } from '../indicators/registry';
import { viewIllustrative } from '../indicators/provenance';
import { formatDate } from './wording';
import type { LegendEntry, MapTexts } from './map-scene';
import type { SceneWords } from './scene-builder';

/** Legend rows as text, for exports and the presentation (the same labels the side legend shows). */
export function legendLabels(s: AppState, t: TFunction): { colour: [number, number, number]; label: string; count: number }[] {
  return s.legend.map((item) => ({
    colour: [item.colour[0], item.colour[1], item.colour[2]],
    label: item.category ? t(`status.${item.category}`) : item.noData ? t('status.no_data') : formatRange(s.indicator, item.range!, s.locale),
    count: item.count,
  }));
}

/** The legend's class rows as the composer draws them. */
export const legendClasses = (s: AppState, t: TFunction): LegendEntry[] => legendLabels(s, t).map((l) => ({ mark: 'fill', colour: l.colour, label: l.label, count: l.count }));

/** "Tình trạng NTM năm 2024 — Quảng Trị": the default title of a map, slide or export, in the current language. */
export function viewTitle(s: Pick<AppState, 'province' | 'provinces' | 'indicator' | 'criterion' | 'compareYear' | 'year'>, t: TFunction): string {
  const place = s.province === null ? t('controls.nationalView') : (s.provinces.find((p) => p.code === s.province)?.name ?? '');
  const indicator = t(`indicator.${s.indicator}`, { n: s.criterion });
  const when = indicators[s.indicator].change ? `${s.compareYear}–${s.year}` : String(s.year);
  return t('present.defaultTitle', { indicator, when, place });
}

/** The administrative vintage of the units a view shows (the pre-reform one where the state names none). */
export function vintageText(s: Partial<Pick<AppState, 'vintage'>>, t: TFunction): string {
  return t(s.vintage === POST_REFORM ? 'export.vintage.post' : 'export.vintage.pre');
}

/** Everything the composer writes around a view's map. */
export function mapTexts(s: AppState, t: TFunction, opts: { title?: string; subtitle?: string; exportDate?: Date } = {}): MapTexts {
  return {
    title: opts.title || viewTitle(s, t),
    subtitle: opts.subtitle ?? t('present.subtitleDefault'),
    // "Số liệu: … · Ranh giới xã: …": each source names what it is the source of
    source: `${t('present.sourceData')} · ${t('map.attribution')}`,
    dataDate: t('present.dataDate', { year: s.year }),
    vintage: vintageText(s, t),
    exported: `${t('export.doc.exportDate')}: ${formatDate(opts.exportDate ?? new Date(), s.locale)}`,
    illustrative: viewIllustrative(s) ? t('app.illustrativeBadge') : null,
    north: t('export.doc.north'),
    locale: s.locale,
  };
}

/** The words written on the map and the legend's marks. */
export function sceneWords(s: AppState, t: TFunction): SceneWords {
  return {
    locale: s.locale,
    sea: t('map.sea'),
    hoangSa: t('map.hoangSa'),
    truongSa: t('map.truongSa'),
    ofVietnam: t('map.ofVietnam'),
    legendTitle: t(`indicator.${s.indicator}`, { n: s.criterion }),
    marks: {
      provinceLine: t('export.marks.provinceLine'),
      districtLine: t('export.marks.districtLine'),
      flagged: t(s.province === null ? 'export.marks.flaggedProvince' : 'export.marks.flaggedDistrict'),
      sponsored: t('export.marks.sponsored'),
      muted: t('export.marks.muted'),
      selected: t('export.marks.selected'),
      neighbours: t('export.marks.neighbours'),
    },
  };
}
