// Fixed wording of the exported files (PDF, CSV, XLSX), in both interface languages. Kept here rather than in
// the app's i18n JSON so exports render the same in Node tests, without i18next.
export type ExportLocale = 'vi' | 'en';

export const exportStrings = {
  vi: {
    illustrativeNotice:
      'Dữ liệu minh họa — số liệu từng xã được sinh có hạt giống, khớp tổng số đã công bố; không phải số liệu thật.',
    source: 'Nguồn',
    dataDate: 'Thời điểm số liệu',
    exportDate: 'Ngày xuất',
    page: (n: number, of: number) => `Trang ${n}/${of}`,
    north: 'B',
    app: 'NTM Atlas',
    sponsorTitle: 'Báo cáo xã được đỡ đầu',
    sponsorBasis: 'Căn cứ',
    dataYear: 'Năm số liệu',
    colCommune: 'Xã',
    colDistrict: 'Huyện',
    colStatus: 'Tình trạng',
    colCriteria: 'Tiêu chí đạt',
    colPoorRate: 'Tỷ lệ hộ nghèo',
    colChange: 'Thay đổi (điểm %)',
    since: (year: number) => `từ ${year}`,
    missing: 'Tiêu chí chưa đạt',
    missingNone: 'không còn — đã đạt đủ các tiêu chí',
    missingUnknown: 'chưa có số liệu tiêu chí',
    summary: (s: { communes: number; reachedSinceAssignment: number; ntmNow: number }, fmt: (n: number) => string) =>
      `Tổng cộng: ${fmt(s.communes)} xã được đỡ đầu; ${fmt(s.reachedSinceAssignment)} xã đạt chuẩn nông thôn mới kể từ khi nhận đỡ đầu; ` +
      `${fmt(s.ntmNow)} xã hiện đạt chuẩn nông thôn mới.`,
    continued: '(tiếp theo)',
    notAvailable: '–',
  },
  en: {
    illustrativeNotice:
      'Illustrative data — commune-level figures are generated from a fixed seed to match the published totals; they are not real data.',
    source: 'Source',
    dataDate: 'Data as of',
    exportDate: 'Exported',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    north: 'N',
    app: 'NTM Atlas',
    sponsorTitle: 'Sponsored communes report',
    sponsorBasis: 'Basis',
    dataYear: 'Data year',
    colCommune: 'Commune',
    colDistrict: 'District',
    colStatus: 'Status',
    colCriteria: 'Criteria met',
    colPoorRate: 'Poverty rate',
    colChange: 'Change (points)',
    since: (year: number) => `since ${year}`,
    missing: 'Criteria not yet met',
    missingNone: 'none — all criteria met',
    missingUnknown: 'no criteria data',
    summary: (s: { communes: number; reachedSinceAssignment: number; ntmNow: number }, fmt: (n: number) => string) =>
      `In total: ${fmt(s.communes)} sponsored communes; ${fmt(s.reachedSinceAssignment)} reached the New Rural standard since sponsorship began; ` +
      `${fmt(s.ntmNow)} meet the standard now.`,
    continued: '(continued)',
    notAvailable: '–',
  },
} as const;

const bcp47: Record<ExportLocale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** "1.234,5" in Vietnamese, "1,234.5" in English. */
export function formatNumber(value: number, locale: ExportLocale, fractionDigits = 0): string {
  return new Intl.NumberFormat(bcp47[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** "24/11/2025" (both languages use day/month/year). */
export function formatDate(date: Date, locale: ExportLocale): string {
  return new Intl.DateTimeFormat(bcp47[locale], { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** Text as it goes into a file: NFC (jsPDF does not compose combining marks) and no stray whitespace. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}
