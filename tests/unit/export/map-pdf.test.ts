import { beforeAll, describe, expect, it } from 'vitest';
import { exportMapPdf } from '../../../src/export/map-pdf';
import type { PdfFonts } from '../../../src/export/pdf-fonts';
import { translator } from '../../../src/i18n/catalogue';
import { fakeMapImage, inspectPdf, loadTestFonts, mapInput, mapSource, mapTitle } from './fixtures';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadTestFonts();
});

const noticeVi = translator('vi')('export.doc.illustrativeNotice').normalize('NFC');
const pt = (mm: number) => (mm / 25.4) * 72;

describe('exportMapPdf', () => {
  it('A3 landscape: 420 × 297 mm, with title, legend, source and the notice, diacritics intact', async () => {
    const bytes = exportMapPdf(mapInput(fonts, { paper: 'A3', orientation: 'landscape', illustrative: true }));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = await inspectPdf(bytes);
    expect(pdf.pages).toBe(1);
    const [x0, y0, x1, y1] = pdf.view;
    expect(x1 - x0).toBeCloseTo(1190.55, 0);
    expect(Math.abs(x1 - x0 - pt(420))).toBeLessThan(1);
    expect(Math.abs(y1 - y0 - 841.89)).toBeLessThan(1);
    for (const text of [mapTitle, 'Đạt chuẩn NTM', 'Chưa đạt chuẩn', 'Nông thôn mới kiểu mẫu', mapSource, noticeVi]) {
      expect(pdf.text).toContain(text.normalize('NFC'));
    }
    // Counts in Vietnamese format, dates day/month/year.
    expect(pdf.text).toContain('1.234');
    expect(pdf.text).toContain('Ngày xuất: 24/11/2025');
    expect(pdf.text).toContain('Thời điểm số liệu: 31/12/2024');
  });

  it('leaves the notice out when the data is not illustrative', async () => {
    const pdf = await inspectPdf(exportMapPdf(mapInput(fonts, { illustrative: false })));
    expect(pdf.text).toContain(mapTitle);
    expect(pdf.text).not.toContain('Dữ liệu minh họa');
  });

  it('adds "Nguồn:" to a source given without it, once', async () => {
    const pdf = await inspectPdf(exportMapPdf(mapInput(fonts, { source: 'Tổng cục Thống kê' })));
    expect(pdf.text).toContain('Nguồn: Tổng cục Thống kê');
    expect(pdf.text).not.toContain('Nguồn: Nguồn');
  });

  it.each([
    ['A4', 'portrait', 210, 297],
    ['A4', 'landscape', 297, 210],
    ['A3', 'portrait', 297, 420],
  ] as const)('%s %s is %i × %i mm', async (paper, orientation, w, h) => {
    const pdf = await inspectPdf(exportMapPdf(mapInput(fonts, { paper, orientation })));
    const [x0, y0, x1, y1] = pdf.view;
    expect(Math.abs(x1 - x0 - pt(w))).toBeLessThan(1);
    expect(Math.abs(y1 - y0 - pt(h))).toBeLessThan(1);
    expect(pdf.text).toContain('Chưa đạt chuẩn');
  });

  it('English: English labels and notice, the legend as given', async () => {
    const pdf = await inspectPdf(exportMapPdf(mapInput(fonts, { locale: 'en', source: 'General Statistics Office' })));
    expect(pdf.text).toContain('Source: General Statistics Office');
    expect(pdf.text).toContain(translator('en')('export.doc.illustrativeNotice'));
    expect(pdf.text).toContain('Exported: 24/11/2025');
    expect(pdf.text).toContain('1,234');
  });

  it('stays small with the subset fonts (no big image)', () => {
    const bytes = exportMapPdf(mapInput(fonts));
    expect(bytes.byteLength).toBeLessThan(300 * 1024);
  });

  it('takes a full-size capture', async () => {
    const bytes = exportMapPdf(mapInput(fonts, { mapImage: fakeMapImage(800, 1000, 60), paper: 'A4', orientation: 'portrait' }));
    const pdf = await inspectPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain(mapTitle);
  });
});
