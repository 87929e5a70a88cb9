// The catalogue bound to React: components call useTranslation() and follow i18n.changeLanguage().
import { setI18n } from 'react-i18next';
import { catalogue } from './catalogue';

setI18n(catalogue);

export const i18n = catalogue;
export { formatDate, formatNumber, formatPercent, formatPoints, locales, render, translator, type Locale } from './catalogue';
export { msg, type Message, type MessageKey } from './message';
