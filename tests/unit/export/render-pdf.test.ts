// The map PDF is vector: polygons as paths, names as text in the embedded font; the raster fallback only above the
// stated polygon count, with outlines and every label still vector.
import { beforeAll, describe, expect, test } from 'vitest';
import type { PdfFonts } from '../../../src/export/pdf-fonts';
import { renderMapPdf } from '../../../src/export/map-export';
import { presets } from '../../../src/export/presets';
import { polygonCount } from '../../../src/export/map-scene';
import { VECTOR_POLYGON_LIMIT, drawPdfPage, newPdf, pdfMeasure } from '../../../src/export/render-pdf';
import { composeLayout } from '../../../src/export/composer';
import { loadTestFonts } from './fixtures';
import { pageOps } from './pdf-ops';
import { scene, texts } from './scene-fixture';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadTestFonts();
});

const mm = (pt: number) => (pt * 25.4) / 72;

describe('vector map PDF', () => {
  test('A3 landscape of Quảng Trị: paths for the communes, commune and district names as text, every mark of the page', async () => {
    const { bytes, rasterised, layout } = await renderMapPdf({ scene: scene({ province: '45', flagged: ['464'] }), texts: texts(), preset: presets['a3-landscape'] }, undefined, fonts);
    expect(rasterised).toEqual([]);
    const ops = await pageOps(bytes);
    expect(mm(ops.size[0])).toBeCloseTo(420, 0);
    expect(mm(ops.size[1])).toBeCloseTo(297, 0);
    expect(ops.images).toBe(0);
    expect(ops.paths).toBeGreaterThan(20);
    for (const name of ['Hướng Lộc', 'Khe Sanh', 'Vĩnh Linh', 'Hải Lăng', 'Đạt chuẩn NTM', 'Dữ liệu minh họa', 'Số liệu năm 2024', 'Đơn vị hành chính trước sắp xếp 2025', 'Ngày xuất: 24/11/2025', 'Huyện chậm so với lộ trình']) {
      expect(ops.words, name).toContain(name);
    }
    // the labels placed are in the text
    const communeLabels = layout.labels.filter((l) => l.kind === 'commune');
    expect(communeLabels.length).toBeGreaterThan(40);
    for (const l of communeLabels.slice(0, 20)) expect(ops.words).toContain(l.text);
  });

  test('English: the words around the map follow the texts given', async () => {
    const { bytes } = await renderMapPdf(
      { scene: scene({ province: '45' }), texts: texts({ title: 'New Rural status 2024 — Quảng Trị', illustrative: 'Illustrative data', north: 'N', locale: 'en' }), preset: presets['a4-portrait'] },
      undefined,
      fonts,
    );
    const ops = await pageOps(bytes);
    expect(ops.words).toContain('New Rural status 2024 — Quảng Trị');
    expect(ops.words).toContain('Illustrative data');
    expect(mm(ops.size[0])).toBeCloseTo(210, 0);
  });

  test('national view: the commune layer is over the limit and becomes one image; outlines and labels stay vector', async () => {
    const sc = scene({ province: null });
    expect(polygonCount(sc.layers.find((l) => l.id === 'communes')!)).toBeGreaterThan(VECTOR_POLYGON_LIMIT);
    const doc = await newPdf({ page: { width: 297, height: 210 } }, fonts, { title: 't', locale: 'vi', creator: 'NTM Atlas' });
    const layout = composeLayout({ scene: sc, texts: texts(), preset: presets['a4-landscape'], measure: pdfMeasure(doc) });
    const drawn: string[][] = [];
    // a 1×1 PNG stands in for the browser's canvas
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const result = await drawPdfPage(doc, sc, layout, { rasterise: async (_s, layers) => (drawn.push(layers.map((l) => l.id)), pixel) });
    expect(result.rasterised).toEqual(['basemap-land', 'basemap-borders', 'land', 'islands', 'communes']);
    expect(sc.layers.map((l) => l.id)).toContain('islands-outline'); // drawn over the image, as vectors
    expect(drawn).toHaveLength(1);
    const ops = await pageOps(new Uint8Array(doc.output('arraybuffer')));
    expect(ops.images).toBe(1);
    expect(ops.paths).toBeGreaterThan(5); // province outlines, furniture
    expect(ops.words).toContain('Quần đảo Trường Sa');
    expect(ops.words).toContain('(Việt Nam)');
  });
});
