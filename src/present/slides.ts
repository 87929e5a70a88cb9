import { isVintage, PRE_REFORM, type Vintage } from '../common/vintage';
import type { AppState } from '../state/app-state';

/** The part of the app state a slide restores. */
export type SlideView = Pick<AppState, 'province' | 'year' | 'indicator' | 'compareYear' | 'criterion' | 'district' | 'selectedCode' | 'sponsor' | 'classMethod' | 'classCount' | 'manualBreaks'> & {
  /** whose units the codes are (src/common/vintage.ts); decks saved before there were two: the pre-reform ones */
  vintage?: Vintage;
};

/** What a slide shows of its view: the map, the district (or province) table, the ranking chart, the scorecard. */
export type SlideKind = 'map' | 'table' | 'ranking' | 'scorecard';
export const slideKinds: readonly SlideKind[] = ['map', 'table', 'ranking', 'scorecard'];

/**
 * A slide. Its texts are the presenter's own; an empty one is written for the view in the language of the moment
 * (title, subtitle, source, data date), so a deck built in Vietnamese presents in English too.
 */
export interface Slide {
  id: string;
  kind: SlideKind;
  title: string;
  subtitle: string;
  source: string;
  /** The data date shown on the slide ("Số liệu năm 2024"). */
  dataDate: string;
  view: SlideView;
}

export interface SlideDeck {
  format: 'ntm-atlas-slides';
  version: 1;
  title: string;
  slides: Slide[];
}

const storageKey = 'ntm-atlas:slides';

export function viewOf(s: AppState): SlideView {
  const { vintage, province, year, indicator, compareYear, criterion, district, selectedCode, sponsor, classMethod, classCount, manualBreaks } = s;
  return { vintage, province, year, indicator, compareYear, criterion, district, selectedCode, sponsor, classMethod, classCount, manualBreaks };
}

export function loadDeck(): SlideDeck {
  try {
    const parsed = parseDeck(localStorage.getItem(storageKey) ?? '');
    if (parsed.ok) return parsed.deck;
  } catch {
    /* storage unavailable: start empty */
  }
  return { format: 'ntm-atlas-slides', version: 1, title: '', slides: [] };
}

export function saveDeck(deck: SlideDeck): void {
  localStorage.setItem(storageKey, JSON.stringify(deck));
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNumOrNull = (v: unknown) => v === null || typeof v === 'number';

/** Reads a deck from JSON (a carried file); says what is wrong instead of throwing. Text stays data. */
export function parseDeck(text: string): { ok: true; deck: SlideDeck } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const d = raw as Partial<SlideDeck>;
  if (!d || d.format !== 'ntm-atlas-slides' || d.version !== 1 || !Array.isArray(d.slides)) return { ok: false, reason: 'not an NTM Atlas slide file' };
  const slides: Slide[] = [];
  for (const [i, s] of d.slides.entries()) {
    const v = s?.view as Partial<SlideView> | undefined;
    if (!s || !isStr(s.title) || !v || typeof v.year !== 'number' || !isStr(v.indicator) || !(v.province === null || isStr(v.province))) {
      return { ok: false, reason: `slide ${i + 1} is incomplete` };
    }
    slides.push({
      id: isStr(s.id) ? s.id : `s${i}`,
      kind: slideKinds.find((k) => k === (s as { kind?: unknown }).kind) ?? 'map',
      title: s.title,
      subtitle: isStr(s.subtitle) ? s.subtitle : '',
      source: isStr(s.source) ? s.source : '',
      dataDate: isStr(s.dataDate) ? s.dataDate : '',
      view: {
        vintage: isVintage(String(v.vintage)) ? v.vintage : PRE_REFORM,
        province: v.province ?? null,
        year: v.year,
        indicator: v.indicator as SlideView['indicator'],
        compareYear: typeof v.compareYear === 'number' ? v.compareYear : v.year,
        criterion: typeof v.criterion === 'number' ? v.criterion : 1,
        district: isStr(v.district) ? v.district : null,
        selectedCode: isStr(v.selectedCode) ? v.selectedCode : null,
        sponsor: isStr(v.sponsor) ? v.sponsor : null,
        classMethod: (['jenks', 'quantile', 'equal', 'manual'] as const).find((m) => m === v.classMethod) ?? 'jenks',
        classCount: typeof v.classCount === 'number' ? v.classCount : 5,
        manualBreaks: Array.isArray(v.manualBreaks) && v.manualBreaks.every(isNumOrNull) ? (v.manualBreaks as number[]) : [],
      },
    });
  }
  return { ok: true, deck: { format: 'ntm-atlas-slides', version: 1, title: isStr(d.title) ? d.title : '', slides } };
}
