import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';
import en from './en.json';

export type Locale = 'vi' | 'en';
export const locales: Locale[] = ['vi', 'en'];

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: 'vi',
  fallbackLng: 'vi',
  // React escapes rendered text itself; i18next escaping would double-escape names like "Hưng Khánh Trung A & B".
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

const bcp47: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(bcp47[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

export function formatPercent(share: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(bcp47[locale], { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(share);
}
