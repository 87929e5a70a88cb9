// The words of the exported files (PDF, CSV, XLSX) come from the one catalogue (src/i18n, keys "export.doc.*"
// and a few shared ones), in the language the export is made in; it loads without React, so exports render
// the same in Node tests.
import { visibleControls } from '../common/text-safety';
import { formatDate, formatNumber, formatPoints, translator, type Locale } from '../i18n/catalogue';

export { formatDate, formatNumber, formatPoints, translator };
export type ExportLocale = Locale;

/**
 * Text as it goes into a file: NFC (jsPDF does not compose combining marks), with bidi and other control
 * characters made visible ("<U+202E>", src/common/text-safety), so imported text cannot reorder a CSV line.
 */
export function nfc(text: string): string {
  return visibleControls(text.normalize('NFC'));
}

/** "Nguồn: …" ("Source: …") unless the text already starts with the label. */
export function sourceLine(source: string, locale: ExportLocale): string {
  const label = translator(locale)('legend.source');
  const trimmed = nfc(source.trim());
  return trimmed.toLocaleLowerCase(locale).startsWith(label.toLocaleLowerCase(locale)) ? trimmed : `${label}: ${trimmed}`;
}
