import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp, type Session } from './harness';
import { api, baseUrl, settle, startSession } from './session';
import { decodePng, distinctColours } from './pixels';
import { pdfText } from './pdf-text';

let s: Session;
beforeAll(async () => {
  s = await startSession('?panel=slides', { width: 1280, height: 800 });
});
afterAll(async () => {
  await s?.close();
});

const views = [
  { province: '45', year: 2024, indicator: 'status' },
  { province: '08', year: 2022, indicator: 'poor_rate' },
  { province: null, year: 2025, indicator: 'criteria' },
] as const;

async function state() {
  return api<{ province: string | null; year: number; indicator: string; presenting: number | null }>(s, 'state');
}

describe('conference mode', () => {
  test('three slides built from the app state survive a reload and page with the keyboard', async () => {
    await s.page.evaluate(() => localStorage.removeItem('ntm-atlas:slides'));
    await openApp(s, baseUrl(), '?panel=slides');
    for (const v of views) {
      await api(s, 'setProvince', v.province);
      await api(s, 'setYear', v.year);
      await api(s, 'setIndicator', v.indicator);
      await settle(s);
      await s.page.getByTestId('add-slide').click();
    }
    expect(await s.page.getByTestId('slide-list').locator('li').count()).toBe(3);

    await openApp(s, baseUrl(), '?panel=slides');
    expect(await s.page.getByTestId('slide-list').locator('li').count()).toBe(3);
    await s.page.getByTestId('start-presentation').click();
    const seen = [];
    for (let i = 0; i < views.length; i++) {
      await s.page.waitForFunction((k) => (window as any).ntmAtlas.state().presenting === k, i);
      await settle(s);
      const st = await state();
      seen.push({ province: st.province, year: st.year, indicator: st.indicator });
      expect(await s.page.getByTestId('slide-footer').textContent()).toContain(`${i + 1}/3`);
      expect(await s.page.getByTestId('slide-title').textContent()).toContain(String(views[i].year));
      await s.page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'Space');
    }
    expect(seen).toEqual(views.map((v) => ({ ...v })));
    await s.page.keyboard.press('ArrowLeft');
    await s.page.waitForFunction(() => (window as any).ntmAtlas.state().presenting === 1);
    await s.page.keyboard.press('Escape');
    await s.page.waitForFunction(() => (window as any).ntmAtlas.state().presenting === null);
    expect(await s.page.locator('.top-bar').count()).toBe(1);
  });

  test('PNG at 2x is the composed A4 page at twice 96 dpi, whatever the screen, and is not blank', async () => {
    await api(s, 'setProvince', '45');
    await api(s, 'setYear', 2024);
    await api(s, 'setIndicator', 'status');
    await settle(s);
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 90_000 }), s.page.getByTestId('export-png-2').click()]);
    const png = decodePng(readFileSync((await download.path())!));
    expect(png.width).toBe(Math.round((297 / 25.4) * 96 * 2));
    expect(png.height).toBe(Math.round((210 / 25.4) * 96 * 2));
    expect(distinctColours(png)).toBeGreaterThan(8);
  });

  test('side-by-side: a second map, one shared legend when the scales match and its own otherwise', async () => {
    await s.page.getByTestId('compare-toggle').check();
    await s.page.waitForSelector('[data-testid="compare-shared"]');
    await s.page.getByTestId('compare-map-indicator').selectOption('poor_rate');
    await s.page.waitForSelector('[data-testid="compare-legend"]');
    const centres = await s.page.evaluate(async () => {
      const main = (window as any).ntmAtlas.debugMap();
      main.jumpTo({ center: [107.0, 16.8], zoom: 9 });
      await new Promise((r) => setTimeout(r, 300));
      const maps = document.querySelectorAll('[data-testid="compare-map"] .maplibregl-canvas');
      return { main: main.getCenter(), mapsInCompare: maps.length };
    });
    expect(centres.mapsInCompare).toBe(1);
    await s.page.getByTestId('compare-toggle').uncheck();
    expect(await s.page.locator('[data-testid="compare-map"]').count()).toBe(0);
  });

  test('A3 landscape PDF: page size, title, legend labels and source with diacritics', async () => {
    await s.page.getByTestId('pdf-paper').selectOption('A3');
    await s.page.getByTestId('pdf-orientation').selectOption('landscape');
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 90_000 }), s.page.getByTestId('export-pdf').click()]);
    const pdf = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
    expect(pdf.size[0]).toBeCloseTo(1190.55, 0);
    expect(pdf.size[1]).toBeCloseTo(841.89, 0);
    expect(pdf.text).toContain('Tình trạng NTM');
    expect(pdf.text).toContain('Tỉnh Quảng Trị');
    for (const label of ['Đạt chuẩn NTM', 'Chưa đạt chuẩn', 'NTM nâng cao']) expect(pdf.text).toContain(label);
    expect(pdf.text).toContain('Ranh giới xã: Map Maker Vietnam');
    expect(pdf.text).toMatch(/minh họa/);
  });
});
