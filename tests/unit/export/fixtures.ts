// Shared by the export tests and render-sample.ts: the subset fonts (built when missing or stale), sample inputs,
// and PDF inspection through pdfjs-dist (scenes of real geometry: scene-fixture.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFonts, FONT_FILES, fontsOutDir } from '../../../geo/fonts/build-fonts';
import type { PdfFonts } from '../../../src/export/pdf-fonts';
import type { SponsoredCommune, SponsorReportInput } from '../../../src/export/sponsor-report';

export async function loadTestFonts(): Promise<PdfFonts> {
  const paths = FONT_FILES.map((f) => resolve(fontsOutDir, f.output));
  if (!paths.every(existsSync)) await buildFonts({ quiet: true });
  const [regular, bold] = paths.map((p) => new Uint8Array(readFileSync(p)));
  return { regular, bold };
}

export const criteriaNames = [
  'Tiêu chí 1 — Quy hoạch',
  'Tiêu chí 2 — Giao thông',
  'Tiêu chí 3 — Thủy lợi và phòng, chống thiên tai',
  'Tiêu chí 5 — Giáo dục',
  'Tiêu chí 6 — Văn hóa',
  'Tiêu chí 7 — Cơ sở hạ tầng thương mại nông thôn',
  'Tiêu chí 10 — Thu nhập',
  'Tiêu chí 11 — Nghèo đa chiều',
  'Tiêu chí 12 — Lao động',
  'Tiêu chí 13 — Tổ chức sản xuất và phát triển kinh tế nông thôn',
  'Tiêu chí 15 — Y tế',
  'Tiêu chí 17 — Môi trường và an toàn thực phẩm',
  'Tiêu chí 18 — Hệ thống chính trị và tiếp cận pháp luật',
] as const;

const baseCommunes: SponsoredCommune[] = [
  {
    name: 'Hải Thượng',
    districtName: 'Hải Lăng',
    status: 'Đạt chuẩn NTM',
    criteriaMet: 19,
    criteriaTotal: 19,
    missing: [],
    poorRate: 0.0312,
    poorRateChange: -0.0215,
    sinceYear: 2021,
  },
  {
    name: 'Hải Ba',
    districtName: 'Hải Lăng',
    status: 'Chưa đạt chuẩn',
    criteriaMet: 16,
    criteriaTotal: 19,
    missing: ['Tiêu chí 17 — Môi trường và an toàn thực phẩm', 'Tiêu chí 10 — Thu nhập', 'Tiêu chí 11 — Nghèo đa chiều'],
    poorRate: 0.0845,
    poorRateChange: -0.032,
    sinceYear: 2021,
  },
  {
    name: 'Hải Dương',
    districtName: 'Hải Lăng',
    status: 'Nông thôn mới nâng cao',
    criteriaMet: 19,
    criteriaTotal: 19,
    missing: [],
    poorRate: 0.018,
    poorRateChange: 0.004,
    sinceYear: 2022,
  },
  {
    name: 'Tân Liên',
    districtName: 'Hướng Hóa',
    status: 'Chưa đạt chuẩn',
    criteriaMet: 11,
    criteriaTotal: 19,
    missing: criteriaNames.slice(2, 10),
    poorRate: 0.2417,
    poorRateChange: null,
    sinceYear: 2023,
  },
];

/** n communes: the four real names first, then made-up ones with varied missing lists. */
export function sponsoredCommunes(n: number): SponsoredCommune[] {
  const out: SponsoredCommune[] = [];
  for (let i = 0; i < n; i++) {
    if (i < baseCommunes.length) {
      out.push(baseCommunes[i]);
      continue;
    }
    const met = 10 + ((i * 7) % 10);
    const unknown = i % 9 === 8;
    out.push({
      name: `Xã Thử Nghiệm ${i + 1}`,
      districtName: i % 2 ? 'Triệu Phong' : 'Gio Linh',
      status: unknown ? 'Chưa có số liệu' : met >= 19 ? 'Đạt chuẩn NTM' : 'Chưa đạt chuẩn',
      criteriaMet: unknown ? null : met,
      criteriaTotal: 19,
      missing: unknown ? [] : criteriaNames.slice(0, 19 - met),
      poorRate: 0.02 + ((i * 13) % 20) / 100,
      poorRateChange: -((i * 3) % 7) / 100,
      sinceYear: 2020 + (i % 4),
    });
  }
  return out;
}

export function sponsorInput(fonts: PdfFonts, n: number, overrides: Partial<SponsorReportInput> = {}): SponsorReportInput {
  const communes = sponsoredCommunes(n);
  return {
    fonts,
    locale: 'vi',
    sponsor: {
      name: 'Liên minh Hợp tác xã tỉnh Quảng Trị',
      shortName: 'LMHTX Quảng Trị',
      basis: 'Quyết định số 1234/QĐ-UBND ngày 15/3/2021 của UBND tỉnh Quảng Trị',
    },
    exportDate: new Date(2025, 10, 24),
    dataYear: 2024,
    communes,
    summary: {
      communes: communes.length,
      reachedSinceAssignment: communes.filter((c) => c.criteriaMet === 19).length,
      ntmNow: communes.filter((c) => c.criteriaMet === 19).length,
    },
    sources: ['Văn phòng Điều phối nông thôn mới tỉnh Quảng Trị (2024)', 'Sở Lao động – Thương binh và Xã hội, rà soát hộ nghèo 2024'],
    illustrative: true,
    ...overrides,
  };
}

export interface PdfInfo {
  pages: number;
  /** Page 1 view box in points: [x0, y0, x1, y1]. */
  view: number[];
  /** All text, items joined by spaces, whitespace collapsed, NFC. */
  text: string;
  pageTexts: string[];
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pageTexts: string[] = [];
  let view: number[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    if (p === 1) view = [...page.view];
    const content = await page.getTextContent();
    const parts = content.items.map((item) => ('str' in item ? item.str : ''));
    pageTexts.push(parts.join(' ').replace(/\s+/g, ' ').normalize('NFC'));
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, view, text: pageTexts.join(' '), pageTexts };
}

export const scratchDir = join(process.cwd(), 'scratch');
