import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfFonts } from '../../../src/export/pdf-fonts';
import { exportSponsorReportPdf } from '../../../src/export/sponsor-report';
import { inspectPdf, loadTestFonts, sponsoredCommunes, sponsorInput } from './fixtures';
import { pageOps } from './pdf-ops';
import { scene, sponsors, texts } from './scene-fixture';

/** The LMHTX's four communes with their neighbours, as the report's map. */
const lmhtxMap = () => ({ scene: scene({ province: '45', sponsorCodes: sponsors.lmhtx }), texts: texts() });

/** How many lines of the first page run from the one starting with `first` to the next one ending with `last`. */
async function linesOf(bytes: Uint8Array, first: string, last: string): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const items = (await (await pdf.getPage(1)).getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() ? [i.str.normalize('NFC')] : []));
  await pdf.destroy();
  const from = items.findIndex((s) => s.startsWith(first.normalize('NFC')));
  const to = items.findIndex((s, i) => i >= from && s.trimEnd().endsWith(last.normalize('NFC')));
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThanOrEqual(from);
  return to - from + 1;
}

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

  it('prints the poverty change split at the 2022 standard change, span by span, as the view shows it', async () => {
    const [first, ...rest] = sponsoredCommunes(3);
    const split = {
      ...first,
      sinceYear: 2020,
      poorRateChange: -0.004,
      povertySpans: [
        { from: 2020, to: 2021, change: -0.0095, illustrative: false },
        { from: 2022, to: 2025, change: -0.0452, illustrative: true },
      ],
    };
    const pdf = await inspectPdf(await exportSponsorReportPdf(sponsorInput(fonts, 3, { communes: [split, ...rest], standardChangedIn: 2022 })));
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/2020–2021: −0,9/);
    expect(text).toMatch(/2022–2025: −4,5 \*/);
    // the change over both standards is never printed as one
    expect(text).not.toContain('−0,4 (từ 2020)');
    expect(text).toContain('Chuẩn nghèo đổi từ năm 2022');
  });

  it('on the post-reform units names the former commune each assignment was made to, and marks apportioned rates', async () => {
    const [first, ...rest] = sponsoredCommunes(2);
    // the former commune as sponsor-report-file gives it to the column (no "trước là" under the "Xã cũ" header)
    const former = 'Xã Tân Liên (Huyện Hướng Hóa), toàn bộ · Đạt chuẩn NTM năm 2025 · tỷ lệ nghèo 3,6% năm 2025';
    const moved = { ...first, name: 'Xã Tân Lập', districtName: former, status: 'Chưa có công nhận sau sắp xếp', approximate: true };
    const summary = { communes: 2, ntmNow: 0, reachedSinceAssignment: 0, former: { count: 2, ntm: 1, year: 2025 } };
    const bytes = await exportSponsorReportPdf(sponsorInput(fonts, 2, { communes: [moved, ...rest], formerColumn: true, summary }));
    const pdf = await inspectPdf(bytes);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Xã cũ (trước 1/7/2025)');
    expect(text).not.toContain('Huyện Tình trạng');
    expect(text).toContain('Xã Tân Liên (Huyện Hướng Hóa), toàn bộ');
    expect(text).not.toContain('trước là');
    // the column is as wide as its text needs: the former commune on 3 lines at most (fixed shares gave it 7-8)
    expect(await linesOf(bytes, 'Xã Tân Liên', 'năm 2025')).toBeLessThanOrEqual(3);
    // Noto Sans has no ≈: the mark is printed as ~, in the cell and the note
    expect(text).toMatch(/~ \d+,\d%/);
    expect(text).toContain('~ ước tính');
    // no new commune counted NTM before a recognition of its own: the former communes assigned instead
    expect(text).toContain('các xã mới chưa có công nhận NTM riêng (sau sắp xếp); 1/2 xã cũ được giao đỡ đầu đạt chuẩn NTM năm 2025');
    expect(text).not.toContain('Tổng cộng');
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
