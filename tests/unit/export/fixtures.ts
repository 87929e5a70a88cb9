// Shared by the export tests and render-sample.ts: the subset fonts (built when missing or stale), PNG map
// images made with pngjs, sample inputs, and PDF inspection through pdfjs-dist.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { buildFonts, FONT_FILES, fontsOutDir } from '../../../geo/fonts/build-fonts';
import type { MapPdfInput } from '../../../src/export/map-pdf';
import type { PdfFonts } from '../../../src/export/pdf-fonts';
import type { SponsoredCommune, SponsorReportInput } from '../../../src/export/sponsor-report';

export async function loadTestFonts(): Promise<PdfFonts> {
  const paths = FONT_FILES.map((f) => resolve(fontsOutDir, f.output));
  if (!paths.every(existsSync)) await buildFonts({ quiet: true });
  const [regular, bold] = paths.map((p) => new Uint8Array(readFileSync(p)));
  return { regular, bold };
}

/** A PNG data URL drawn by paint(x, y) → [r, g, b]. */
export function pngDataUrl(width: number, height: number, paint: (x: number, y: number) => readonly [number, number, number]): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

export const legendColours = {
  kieuMau: [0, 90, 50],
  nangCao: [35, 139, 69],
  datChuan: [116, 196, 118],
  chuaDat: [244, 165, 96],
  noData: [190, 190, 190],
} as const;

/** A small two-tone image: enough for layout tests, tiny in the PDF. */
export function smallMapImage(): MapPdfInput['mapImage'] {
  return {
    dataUrl: pngDataUrl(200, 100, (x, y) => ((x >> 4) + (y >> 4)) % 2 ? [116, 196, 118] : [244, 165, 96]),
    widthPx: 200,
    heightPx: 100,
    metresPerPixel: 900,
  };
}

/** A map-like picture (communes as jittered cells inside a province-ish outline) for looking at the layout. */
export function fakeMapImage(width: number, height: number, metresPerPixel: number): MapPdfInput['mapImage'] {
  const palette = [legendColours.kieuMau, legendColours.nangCao, legendColours.datChuan, legendColours.datChuan, legendColours.chuaDat, legendColours.chuaDat, legendColours.noData];
  const cell = Math.round(Math.min(width, height) / 14);
  const hash = (a: number, b: number) => {
    let h = (a * 374761393 + b * 668265263) >>> 0;
    h = ((h ^ (h >>> 13)) * 1274126177) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const seeds = new Map<string, [number, number]>();
  const seed = (i: number, j: number) => {
    const k = `${i},${j}`;
    let s = seeds.get(k);
    if (!s) {
      const h = hash(i, j);
      s = [(i + ((h & 0xff) / 255) * 0.8 + 0.1) * cell, (j + (((h >>> 8) & 0xff) / 255) * 0.8 + 0.1) * cell];
      seeds.set(k, s);
    }
    return s;
  };
  return {
    dataUrl: pngDataUrl(width, height, (x, y) => {
      // A diagonal strip of land (like Quảng Trị) on pale sea.
      const u = x / width;
      const v = y / height;
      const inside = Math.abs(v - (1.05 - u * 1.1)) < 0.32 + 0.05 * Math.sin(u * 17);
      if (!inside) return [232, 238, 244];
      const ci = Math.floor(x / cell);
      const cj = Math.floor(y / cell);
      let best = Infinity;
      let second = Infinity;
      let owner: [number, number] = [0, 0];
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const [sx, sy] = seed(ci + di, cj + dj);
          const d = (sx - x) ** 2 + (sy - y) ** 2;
          if (d < best) {
            second = best;
            best = d;
            owner = [ci + di, cj + dj];
          } else if (d < second) second = d;
        }
      }
      if (Math.sqrt(second) - Math.sqrt(best) < 1.2) return [255, 255, 255];
      return palette[hash(owner[0] + 1000, owner[1]) % palette.length];
    }),
    widthPx: width,
    heightPx: height,
    metresPerPixel,
  };
}

export const mapTitle = 'Tình trạng nông thôn mới năm 2024 — Quảng Trị';
export const mapSource = 'Nguồn: Văn phòng Điều phối nông thôn mới Trung ương; Tổng cục Thống kê (2024)';

export function mapInput(fonts: PdfFonts, overrides: Partial<MapPdfInput> = {}): MapPdfInput {
  return {
    fonts,
    mapImage: smallMapImage(),
    title: mapTitle,
    subtitle: 'Xã đạt chuẩn nông thôn mới theo Bộ tiêu chí quốc gia 2021–2025',
    legend: {
      title: 'Tình trạng',
      items: [
        { colour: legendColours.kieuMau, label: 'Nông thôn mới kiểu mẫu', count: 3 },
        { colour: legendColours.nangCao, label: 'Nông thôn mới nâng cao', count: 17 },
        { colour: legendColours.datChuan, label: 'Đạt chuẩn NTM', count: 1234 },
        { colour: legendColours.chuaDat, label: 'Chưa đạt chuẩn', count: 45 },
        { colour: legendColours.noData, label: 'Không có số liệu' },
      ],
    },
    source: mapSource,
    dataDate: '31/12/2024',
    exportDate: new Date(2025, 10, 24),
    illustrative: true,
    paper: 'A3',
    orientation: 'landscape',
    locale: 'vi',
    ...overrides,
  };
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
