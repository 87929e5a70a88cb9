// The language a person chose, remembered in the browser for the next visit (a link's lang= still wins).
import type { Locale } from '../i18n';

const key = 'ntm-atlas:locale';

export function rememberedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(key);
    return v === 'vi' || v === 'en' ? v : null;
  } catch {
    return null; // storage unavailable (private mode, blocked): the default language
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(key, locale);
  } catch {
    /* not remembered: nothing else depends on it */
  }
}
