/**
 * The one message catalogue (vi.json, en.json) in one i18next instance, without React: the UI binds it in
 * ./index.ts; the exports (PDF, CSV, XLSX) and Node code (tests, a terminal import report) use it from here.
 * Each user-visible sentence is declared once per language in the JSON files.
 */
import i18next from 'i18next';
import vi from './vi.json';
import en from './en.json';
import { isMessage, type Message, type MessageKey, type MessageParam, type MessageParams } from './message';

export type Locale = 'vi' | 'en';
export const locales: Locale[] = ['vi', 'en'];

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

export const catalogue = i18next.createInstance();
void catalogue.init({
  resources,
  lng: 'vi',
  fallbackLng: 'vi',
  // React escapes rendered text itself, and files (PDF, CSV) take text as it is: i18next escaping would turn
  // names like "Hưng Khánh Trung A & B" into "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

export type Translate = (key: MessageKey, params?: MessageParams) => string;

function paramText(t: Translate, p: MessageParam): string | number {
  if (p === null || p === undefined) return '';
  if (typeof p === 'string' || typeof p === 'number') return p;
  if (isMessage(p)) return t(p.key, p.params);
  return p.map((m) => t(m.key, m.params)).join(' ');
}

/** The catalogue in one language; parameters that are messages are translated in that language first. */
export function translator(locale: Locale): Translate {
  const fixed = catalogue.getFixedT(locale);
  const t: Translate = (key, params) => {
    if (!params) return fixed(key);
    const values: Record<string, string | number> = {};
    for (const [name, p] of Object.entries(params)) values[name] = paramText(t, p);
    return fixed(key, values);
  };
  return t;
}

const translators: Record<Locale, Translate> = { vi: translator('vi'), en: translator('en') };

/** A message (or a list of them, as sentences) in the given language. */
export function render(locale: Locale, message: Message | readonly Message[]): string {
  return String(paramText(translators[locale], message));
}

const bcp47: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * One formatter per locale and option set: building an Intl formatter costs far more than formatting with it, and
 * every render of the legend and tables formats dozens of numbers.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as F;
}

/** "1.234,5" in Vietnamese, "1,234.5" in English. */
export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return formatter(`number ${locale} ${fractionDigits}`, () =>
    new Intl.NumberFormat(bcp47[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })).format(value);
}

/**
 * A change of a share in percentage points, signed: "+2,1", "−0,9", "0,0" (a share of 0.021 = 2.1 points), rounded to
 * a tenth of a point first so that a change too small to show carries no sign. The minus is the typographic one,
 * as wide as the plus it pairs with (Intl writes a hyphen): the planner's table and the sponsor view read this.
 */
export function formatPoints(change: number, locale: Locale): string {
  const points = Math.round(change * 1000) / 10;
  return `${points > 0 ? '+' : points < 0 ? '\u2212' : ''}${formatNumber(Math.abs(points), locale, 1)}`;
}

export function formatPercent(share: number, locale: Locale, fractionDigits = 1): string {
  return formatter(`percent ${locale} ${fractionDigits}`, () =>
    new Intl.NumberFormat(bcp47[locale], { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })).format(share);
}

/** "24/11/2025" (both languages write day/month/year). */
export function formatDate(date: Date, locale: Locale): string {
  return formatter(`date ${locale}`, () => new Intl.DateTimeFormat(bcp47[locale], { day: '2-digit', month: '2-digit', year: 'numeric' })).format(date);
}
