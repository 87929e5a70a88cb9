import type { TFunction } from 'i18next';
import type { AppState } from '../../state/app-state';
import type { Slide } from '../../present/slides';
import { viewTitle } from '../../export/view-text';

/** The place a view is about, as a title names it. */
export function placeName(s: Pick<AppState, 'provinces'>, province: string | null, t: TFunction): string {
  return province === null ? t('controls.nationalView') : (s.provinces.find((p) => p.code === province)?.name ?? '');
}

/** A slide's automatic title: written for its kind and view in the language of the moment. */
export function autoTitle(slide: Pick<Slide, 'kind' | 'view'>, s: Pick<AppState, 'provinces'>, t: TFunction): string {
  const v = slide.view;
  const place = placeName(s, v.province, t);
  if (slide.kind === 'table') return v.province === null ? t('present.tableTitleProvince', { year: v.year }) : t('present.tableTitle', { year: v.year, place });
  if (slide.kind === 'ranking') return t('present.rankingTitle', { year: v.year, place });
  if (slide.kind === 'scorecard') return t('present.scorecardTitle', { place });
  return viewTitle({ ...v, provinces: s.provinces }, t);
}

/** The words a slide shows: the presenter's own where given, else written for the view now. */
export function slideTexts(slide: Slide, s: Pick<AppState, 'provinces'>, t: TFunction) {
  return {
    title: slide.title || autoTitle(slide, s, t),
    subtitle: slide.subtitle || t('present.subtitleDefault'),
    source: slide.source || t('present.sourceData'),
    dataDate: slide.dataDate || t('present.dataDate', { year: slide.view.year }),
  };
}
