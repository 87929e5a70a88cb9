import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { i18n as catalogue } from '../i18n';
import { keepingTexts } from '../i18n/keeping-texts';

/** One `t` per language; the catalogue's texts are fixed when it is made (src/i18n/catalogue.ts), so kept texts never go stale. */
const byLanguage = new Map<string, { t: TFunction }>();

const subscribe = (onChange: () => void) => {
  catalogue.on('languageChanged', onChange);
  return () => catalogue.off('languageChanged', onChange);
};
const language = () => catalogue.language;

/**
 * The UI's translations, in the catalogue's language: components render again when it changes, and `t` stays the
 * same function (and keeps its texts, see keepingTexts) for as long as the language does.
 */
export function useTranslation(): { t: TFunction } {
  const lng = useSyncExternalStore(subscribe, language);
  let translations = byLanguage.get(lng);
  if (!translations) byLanguage.set(lng, (translations = { t: keepingTexts(catalogue.getFixedT(lng)) }));
  return translations;
}
