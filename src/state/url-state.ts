import { quoteValue } from '../common/text-safety';
import { indicatorIds, type IndicatorId } from '../indicators/registry';
import type { AppState } from './app-state';
import { isVintage, type Vintage } from '../common/vintage';

/**
 * The whole shareable view in the URL query: ?vintage=2024&province=45&year=2024&indicator=poor_rate&compare=2020
 * &criterion=17&district=464&sel=19474&sponsor=qt-lmhtx&panel=districts&lang=en (province=all: national view);
 * on the post-reform units also former=<2024 commune code> (where it went) and former_districts=1.
 * `#/sponsor/<id>` is accepted as a short link. Parsing is syntactic only; the app checks the values against
 * the data and reports what it had to ignore.
 */
export type UrlState = Partial<
  Pick<AppState, 'vintage' | 'province' | 'year' | 'indicator' | 'compareYear' | 'criterion' | 'district' | 'selectedCode' | 'sponsor' | 'panel' | 'locale' | 'traced' | 'showFormerDistricts' | 'dataId'>
>;

const panels: AppState['panel'][] = ['legend', 'scorecard', 'districts', 'criteria', 'profile', 'sponsors', 'data', 'slides'];

export interface ParsedUrl {
  state: UrlState;
  /** Parameters that could not be read at all, e.g. "year=abc" (the value quoted: at most ~80 characters, controls shown). */
  invalid: string[];
}

export function readUrlState(search: string, hash = ''): ParsedUrl {
  const q = new URLSearchParams(search);
  const state: UrlState = {};
  const invalid: string[] = [];
  const take = (key: string, ok: (v: string) => boolean, set: (v: string) => void) => {
    const v = q.get(key);
    if (v === null) return;
    if (ok(v)) set(v);
    else invalid.push(`${key}=${quoteValue(v)}`);
  };
  const isYear = (v: string) => /^\d{4}$/.test(v);
  // the vintage qualifies every code of the link (province, district, sel): 44 is not the same province in both
  take('vintage', isVintage, (v) => (state.vintage = v as Vintage));
  take('former', (v) => /^\d{5}$/.test(v), (v) => (state.traced = v));
  take('former_districts', (v) => v === '1' || v === '0', (v) => (state.showFormerDistricts = v === '1'));
  take('province', (v) => v === 'all' || /^\d{2}$/.test(v), (v) => (state.province = v === 'all' ? null : v));
  take('year', isYear, (v) => (state.year = Number(v)));
  take('compare', isYear, (v) => (state.compareYear = Number(v)));
  take('indicator', (v) => (indicatorIds as string[]).includes(v), (v) => (state.indicator = v as IndicatorId));
  take('criterion', (v) => /^\d{1,2}$/.test(v), (v) => (state.criterion = Number(v)));
  take('district', (v) => /^\d{3}$/.test(v), (v) => (state.district = v));
  take('sel', (v) => /^\d{5}$/.test(v), (v) => (state.selectedCode = v));
  take('sponsor', (v) => /^[a-z0-9-]{1,64}$/.test(v), (v) => (state.sponsor = v));
  take('panel', (v) => (panels as string[]).includes(v), (v) => (state.panel = v as AppState['panel']));
  take('lang', (v) => v === 'vi' || v === 'en', (v) => (state.locale = v as 'vi' | 'en'));
  // the data the link was made with (src/app/data-identity.ts): checked at start-up, never trusted
  take('data', (v) => /^[a-z0-9.:~-]{1,400}$/.test(v), (v) => (state.dataId = v));
  const route = /^#\/sponsor\/([^/?#]+)$/.exec(hash);
  if (route) {
    const id = decodeURIComponent(route[1]);
    if (/^[a-z0-9-]{1,64}$/.test(id)) state.sponsor = id;
    else invalid.push(`#/sponsor/${quoteValue(id)}`);
  }
  return { state, invalid };
}

/** The query string for a state; defaults are left out so links stay short. */
export function writeUrlState(s: AppState, defaults: AppState): string {
  const q = new URLSearchParams();
  // always written: which units the codes below belong to (the app's default vintage depends on the data and the user)
  q.set('vintage', s.vintage);
  if (s.province !== defaults.province || s.vintage !== defaults.vintage) q.set('province', s.province ?? 'all');
  if (s.year !== defaults.year) q.set('year', String(s.year));
  if (s.indicator !== defaults.indicator) q.set('indicator', s.indicator);
  if (s.compareYear !== defaults.compareYear) q.set('compare', String(s.compareYear));
  if (s.indicator === 'criterion_missing') q.set('criterion', String(s.criterion));
  if (s.district) q.set('district', s.district);
  if (s.selectedCode) q.set('sel', s.selectedCode);
  if (s.sponsor) q.set('sponsor', s.sponsor);
  if (s.panel !== defaults.panel && !s.sponsor) q.set('panel', s.panel);
  if (s.locale !== defaults.locale) q.set('lang', s.locale);
  if (s.dataId) q.set('data', s.dataId);
  if (s.traced) q.set('former', s.traced);
  if (s.showFormerDistricts) q.set('former_districts', '1');
  const text = q.toString();
  return text ? `?${text}` : '';
}
