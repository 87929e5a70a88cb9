import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfFonts } from '../../../src/export/pdf-fonts';
import { exportSponsorReportPdf } from '../../../src/export/sponsor-report';
import { inspectPdf, loadTestFonts, sponsorInput } from './fixtures';
import { pageOps } from './pdf-ops';
import { scene, sponsors, texts } from './scene-fixture';

/** The LMHTX's four communes with their neighbours, as the report's map. */
const lmhtxMap = () => ({ scene: scene({ province: '45', sponsorCodes: sponsors.lmhtx }), texts: texts() });

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadTestFonts();
});

describe('exportSponsorReportPdf', () => {
  it('fits four communes on one A4 portrait page with names, sponsor and missing criteria', async () => {
    const pdf = await inspectPdf(await exportSponsorReportPdf(sponsorInput(fonts, 4, { map: lmhtxMap(), vintage: 'Đơn vị hành chính trước sắp xếp 2025' })));
    expect(pdf.pages).toBe(1);
    const [x0, y0, x1, y1] = pdf.view;
    expect(Math.abs(x1 - x0 - 595.28)).toBeLessThan(1);
    expect(Math.abs(y1 - y0 - 841.89)).toBeLessThan(1);
    for (const text of [
      'Báo cáo xã được đỡ đầu',
      'Liên minh Hợp tác xã tỉnh Quảng Trị',
      'Hải Thượng',
      'Hải Ba',
      'Hải Dương',
      'Tân Liên',
      'Tiêu chí 17 — Môi trường và an toàn thực phẩm',
      'Tiêu chí chưa đạt',
      'Dữ liệu minh họa',
    ]) {
      expect(pdf.text).toContain(text.normalize('NFC'));
    }
    // criteria x/19, poverty with a decimal comma, change in points with a real minus and the start year
    expect(pdf.text).toContain('16/19');
    expect(pdf.text).toContain('8,5%');
    expect(pdf.text).toContain('−3,2 (từ 2021)');
    expect(pdf.text).toContain('+0,4 (từ 2022)');
    expect(pdf.text).toContain('Tổng cộng: 4 xã được đỡ đầu');
    expect(pdf.text).toContain('Nguồn: Văn phòng Điều phối nông thôn mới tỉnh Quảng Trị (2024)');
    expect(pdf.text).toContain('Đơn vị hành chính trước sắp xếp 2025');
  });

  it('draws its map as vectors, names every sponsored commune on it and carries the legend', async () => {
    const bytes = await exportSponsorReportPdf(sponsorInput(fonts, 4, { map: lmhtxMap() }));
    const ops = await pageOps(bytes);
    expect(ops.images).toBe(0);
    expect(ops.paths).toBeGreaterThan(10);
    // each name twice: in the table and on the map (a halo run and the name itself)
    for (const name of ['Hải Thượng', 'Hải Ba', 'Hải Dương', 'Tân Liên']) expect(ops.words.split(name).length - 1, name).toBeGreaterThanOrEqual(3);
    for (const mark of ['Xã được đỡ đầu', 'Xã khác', 'Ranh giới tỉnh', 'Đạt chuẩn NTM']) expect(ops.words).toContain(mark);
  });

  it('keeps twelve communes on one page, map included', async () => {
    const pdf = await inspectPdf(await exportSponsorReportPdf(sponsorInput(fonts, 12, { map: lmhtxMap() })));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Xã Thử Nghiệm 12');
  });

  it('continues twenty communes on a second page without losing any', async () => {
    const pdf = await inspectPdf(await exportSponsorReportPdf(sponsorInput(fonts, 20, { map: lmhtxMap() })));
    expect(pdf.pages).toBe(2);
    for (let i = 5; i <= 20; i++) expect(pdf.text).toContain(`Xã Thử Nghiệm ${i} `);
    expect(pdf.pageTexts[1]).toContain('(tiếp theo)');
    expect(pdf.pageTexts[1]).toContain('Trang 2/2');
    expect(pdf.pageTexts[1]).toContain('Tổng cộng: 20 xã');
    // the header row is repeated on the second page
    expect(pdf.pageTexts[1]).toContain('Tỷ lệ hộ nghèo');
  });

  it('works without a map, in English, without the notice', async () => {
    const pdf = await inspectPdf(await exportSponsorReportPdf(sponsorInput(fonts, 3, { locale: 'en', illustrative: false })));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Sponsored communes report');
    expect(pdf.text).toContain('Criteria not yet met');
    expect(pdf.text).toContain('−3.2 (since 2021)');
    expect(pdf.text).not.toContain('Illustrative data');
  });
});
