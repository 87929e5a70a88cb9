// The catalogue as the app reads it: components translate through src/ui/use-translation.ts, which follows
// i18n.changeLanguage().
import { catalogue } from './catalogue';

export const i18n = catalogue;
export { formatDate, formatNumber, formatPercent, formatPoints, locales, render, translator, type Locale } from './catalogue';
export { msg, type Message, type MessageKey } from './message';
