import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsPDF } from 'jspdf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FONT_FILES, fontsOutDir } from '../../../geo/fonts/build-fonts';
import { exportFilename } from '../../../src/export/download';
import { registerPdfFonts, type PdfFonts } from '../../../src/export/pdf-fonts';
import { pageSize } from '../../../src/export/pdf-layout';
import { composeLayout, roundLength } from '../../../src/export/composer';
import { presets } from '../../../src/export/presets';
import { captureMapPng, metresPerPixel } from '../../../src/export/png-export';
import { roughMeasure, scene, texts } from './scene-fixture';
import { inspectPdf, loadTestFonts } from './fixtures';

let fonts: PdfFonts;
beforeAll(async () => {
  fonts = await loadTestFonts();
});

describe('subset fonts', () => {
  it('are small', () => {
    for (const f of FONT_FILES) expect(statSync(resolve(fontsOutDir, f.output)).size).toBeLessThan(150 * 1024);
  });

  it('cover every Vietnamese letter with every tone, regular and bold, as extracted text', async () => {
    const base = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const letters = [...base].flatMap((c) => tones.map((t) => (c + t).normalize('NFC'))).join('') + 'đĐ₫–—…“”';
    const chunks = [...letters].join('').match(/.{1,36}/gu) ?? [];
    const doc = new jsPDF({ unit: 'mm', format: 'a4' });
    registerPdfFonts(doc, fonts);
    doc.setFontSize(9);
    chunks.forEach((line, i) => doc.text(line, 10, 20 + i * 6));
    doc.setFont('NotoSans', 'bold');
    chunks.forEach((line, i) => doc.text(line, 10, 100 + i * 6));
    const pdf = await inspectPdf(new Uint8Array(doc.output('arraybuffer')));
    expect(pdf.text).toBe([...chunks, ...chunks].join(' '));
  });
});

describe('page sizes and scale bar', () => {
  it('pageSize', () => {
    expect(pageSize('A3', 'landscape')).toEqual({ width: 420, height: 297 });
    expect(pageSize('A4', 'portrait')).toEqual({ width: 210, height: 297 });
  });

  it('roundLength picks 1, 2 or 5 × 10ⁿ', () => {
    expect(roundLength(23_000)).toBe(20_000);
    expect(roundLength(9_999)).toBe(5_000);
    expect(roundLength(10_000)).toBe(10_000);
    expect(roundLength(1_400)).toBe(1_000);
    expect(roundLength(480)).toBe(200);
    expect(roundLength(0.3)).toBe(1);
  });

  it('the scale bar\'s length on paper matches its ground distance at the map\'s scale', () => {
    const l = composeLayout({ scene: scene({ province: '45' }), texts: texts(), preset: presets['a4-landscape'], measure: roughMeasure });
    expect(l.scaleBar.bar.width * l.projection.metresPerMm).toBeCloseTo(l.scaleBar.metres, 3);
    expect(l.scaleBar.labels.at(-1)?.text).toBe(`${l.scaleBar.metres / 1000} km`);
  });
});

describe('png-export', () => {
  it('metresPerPixel at the equator, zoom 0, and at 60° latitude', () => {
    expect(metresPerPixel({ getCenter: () => ({ lat: 0 }), getZoom: () => 0 } as never)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel({ getCenter: () => ({ lat: 60 }), getZoom: () => 1 } as never)).toBeCloseTo(78_271.5 / 4, 0);
  });

  function fakeMap(opts: { failBlob?: boolean } = {}) {
    let ratio = 1;
    const listeners = new Map<string, Set<() => void>>();
    const canvas = {
      clientWidth: 800,
      get width() {
        return 800 * ratio;
      },
      get height() {
        return 600 * ratio;
      },
      toBlob(cb: (b: Blob | null) => void) {
        cb(opts.failBlob ? null : new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }));
      },
    };
    const ratios: number[] = [];
    const map = {
      getPixelRatio: () => ratio,
      setPixelRatio: (r: number) => {
        ratio = r;
        ratios.push(r);
      },
      getCanvas: () => canvas,
      getContainer: () => ({ clientWidth: 800 }),
      getCenter: () => ({ lat: 16.75 }),
      getZoom: () => 9,
      on: (e: string, f: () => void) => void (listeners.get(e) ?? listeners.set(e, new Set()).get(e)!).add(f),
      off: (e: string, f: () => void) => void listeners.get(e)?.delete(f),
      triggerRepaint: () => setTimeout(() => [...(listeners.get('idle') ?? [])].forEach((f) => f()), 1),
    };
    return { map, ratios, current: () => ratio };
  }

  it('captureMapPng renders at scale × devicePixelRatio, waits for idle and restores the ratio', async () => {
    vi.stubGlobal('devicePixelRatio', 1.5);
    try {
      const { map, ratios, current } = fakeMap();
      const png = await captureMapPng(map as never, 2);
      expect(ratios).toEqual([3, 1]);
      expect(current()).toBe(1);
      expect(png.width).toBe(2400);
      expect(png.height).toBe(1800);
      expect(png.pixelRatio).toBe(3);
      expect(png.blob.type).toBe('image/png');
      expect(png.metresPerPixel).toBeCloseTo(metresPerPixel(map as never) / 3, 6);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('restores the ratio when the canvas cannot be read', async () => {
    const { map, current } = fakeMap({ failBlob: true });
    await expect(captureMapPng(map as never, 4)).rejects.toThrow(/PNG/);
    expect(current()).toBe(1);
  });
});

describe('exportFilename', () => {
  it('strips Vietnamese marks and keeps the date', () => {
    expect(exportFilename('Tình trạng nông thôn mới năm 2024 — Quảng Trị', 'pdf', new Date(2025, 10, 24))).toBe(
      'tinh-trang-nong-thon-moi-nam-2024-quang-tri-2025-11-24.pdf',
    );
    expect(exportFilename('Đỡ đầu', 'csv', new Date(2025, 0, 2))).toBe('do-dau-2025-01-02.csv');
  });
});
