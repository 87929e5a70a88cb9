import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { i18n as catalogue } from '../i18n';
import { keepingTexts } from '../i18n/keeping-texts';

const byLanguage = new Map<string, { t: TFunction }>();
// texts are kept per language while the catalogue's resources stay as they are
catalogue.store.on('added', () => byLanguage.clear());

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
