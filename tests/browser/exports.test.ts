// Issue 14: a real base map, one export composer (PNG, PDF, sponsor report, slides), vector PDF, every screen size.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openBrowser, type Session } from './harness';
import { api, baseUrl, settle } from './session';
import { decodePng, pixelAt, pixelsNear } from './pixels';
import { categoryColour } from '../../src/map/status-colours';
import { statusClasses } from '../../src/db/sql/status';
import { near, pageOps, pathBoxes, textRuns } from '../unit/export/pdf-ops';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function open(path: string, viewport = { width: 1440, height: 900 }, init?: string) {
  s = await openBrowser(baseUrl(), viewport);
  if (init) await s.page.addInitScript({ content: init });
  await openApp(s, baseUrl(), path);
  return s;
}

const download = async (page: Page, testId: string) => {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync((await d.path())!)) };
};

const sea = [198, 219, 233];
const foreignLand = [216, 212, 202];
const landOther = [231, 227, 218];
const inside = (b: number[], frame: number[], slack = 0.5) => b[0] >= frame[0] - slack && b[1] >= frame[1] - slack && b[2] <= frame[2] + slack && b[3] <= frame[3] + slack;

// Records the colours drawn inside Laos and Việt Nam in the first frame the map canvas is shown with: read once every listener of
// that frame's render event has run (the canvas is shown by one of them), from the drawing buffer (preserved), so
// what the user sees first, not a later frame. (Whether the land source reads as loaded then says less: a tile of
// the camera's final zoom may still load while the land is drawn from the tiles around it.)
// Frames while the canvas is hidden are counted, and whether they painted anything (the drawing buffer, preserved,
// stays empty until the frame that shows the map: painting hidden frames rasterises on the CPU for nothing).
const watchFirstFrames = `
  window.__landWatch = { visibleFrames: 0, laos: null, hiddenFrames: 0, hiddenPainted: 0 };
  const attach = () => {
    const map = window.ntmAtlas && window.ntmAtlas.debugMap && window.ntmAtlas.debugMap();
    if (!map) return requestAnimationFrame(attach);
    // RGBA of the drawing buffer at a buffer pixel (origin bottom left)
    const bufferPixel = (x, y) => {
      const gl = map.painter.context.gl, px = new Uint8Array(4);
      gl.readPixels(x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return px;
    };
    map.on('render', () => queueMicrotask(() => {
      const gl = map.painter.context.gl;
      if (map.getCanvas().style.visibility === 'hidden') {
        window.__landWatch.hiddenFrames++;
        if (bufferPixel(gl.drawingBufferWidth >> 1, gl.drawingBufferHeight >> 1)[3] > 0) window.__landWatch.hiddenPainted++;
        return;
      }
      if (window.__landWatch.visibleFrames > 0) return;
      window.__landWatch.visibleFrames++;
      const dpr = window.devicePixelRatio;
      const rgbAt = (lngLat) => {
        const xy = map.project(lngLat), px = bufferPixel(Math.round(xy.x * dpr), Math.round(gl.drawingBufferHeight - xy.y * dpr));
        return [px[0], px[1], px[2]];
      };
      window.__landWatch.laos = rgbAt([102.6, 17.97]);
      // inside Việt Nam: the Red River delta, the Central Highlands, the Mekong delta
      window.__landWatch.vietnam = [[106.1, 20.6], [108.0, 13.6], [105.6, 10.0]].map(rgbAt);
    }));
  };
  requestAnimationFrame(attach);
`;

describe('base map', () => {
  test('the national view shows land, not sea, inside Laos and Cambodia, from the first frame shown', async () => {
    const session = await open('?province=all', undefined, watchFirstFrames);
    const watch = await session.page.evaluate(() => (window as any).__landWatch);
    expect(watch.visibleFrames).toBeGreaterThan(0);
    expect(watch.hiddenPainted, `${watch.hiddenPainted} of ${watch.hiddenFrames} frames painted while the canvas was hidden`).toBe(0);
    expect(near(watch.laos, sea, 12), `the first frame shown has sea (${watch.laos}) inside Laos`).toBe(false);
    expect(near(watch.laos, foreignLand, 12), `the first frame shown: ${watch.laos} inside Laos`).toBe(true);
    // the communes are in that frame, coloured: not Việt Nam's bare land under them (deck.gl applied its layers
    // before MapLibre drew the frame; src/map/deck-sync.ts)
    const statusColours = statusClasses.filter((c) => c !== 'unattributed').map(categoryColour);
    for (const rgb of watch.vietnam) {
      expect(near(rgb, landOther, 12) || near(rgb, sea, 12), `the first frame shown: ${rgb} inside Việt Nam, no commune drawn`).toBe(false);
      expect(statusColours.some((c) => near(rgb, c, 12)), `the first frame shown: ${rgb} inside Việt Nam, not a status colour`).toBe(true);
    }
    const points = await session.page.evaluate(() => {
      const map = (window as any).ntmAtlas.debugMap();
      const rect = map.getCanvas().getBoundingClientRect();
      return [[102.6, 17.97], [104.9, 12.2], [113.6, 13.0]].map((p) => {
        const xy = map.project(p);
        return { x: rect.left + xy.x, y: rect.top + xy.y };
      });
    });
    const shot = decodePng(await session.page.screenshot());
    const [laos, cambodia, sea0] = points.map((p) => pixelAt(shot, p.x, p.y));
    for (const land of [laos, cambodia]) {
      expect(near(land, sea, 12), `land ${land} is sea-coloured`).toBe(false);
      expect(near(land, foreignLand, 12), `land ${land}`).toBe(true);
    }
    expect(near(sea0, sea, 12)).toBe(true); // the Biển Đông is sea
    // the communes in their status colours, not only other than land and sea
    for (const status of ['nang_cao', 'dat_chuan', 'chua_dat']) expect(pixelsNear(shot, categoryColour(status)), status).toBeGreaterThan(500);
    // Hoàng Sa and Trường Sa are drawn from their island shapes (fill and outline), labelled as Việt Nam's
    const islands = await session.page.evaluate(() => {
      const map = (window as any).ntmAtlas.debugMap();
      return { layers: map.getStyle().layers.filter((l: any) => l.source === 'islands').map((l: any) => l.type), features: map.querySourceFeatures('islands').length };
    });
    expect(islands.layers).toEqual(['fill', 'line']);
    expect(islands.features).toBeGreaterThan(0);
  });
});

describe('exports through the composer', () => {
  test.each([
    ['qt-lmhtx', ['Hải Thượng', 'Hải Ba', 'Hải Dương', 'Tân Liên']],
    ['qt-hnd', ['Hướng Lộc', 'Triệu Độ']],
  ] as const)('the %s report: every sponsored commune inside the map frame, clear of the furniture, and named there', async (id, names) => {
    const session = await open(`#/sponsor/${id}`);
    const t0 = Date.now();
    const { bytes } = await download(session.page, 'sponsor-report');
    const ms = Date.now() - t0;
    const paths = await pathBoxes(bytes);
    const frame = paths.find((p) => p.clip && p.paint === 'endPath')!.box;
    // the outline of the sponsored communes (their projected polygons) lies inside the frame
    // (polygons, not the legend's swatch line)
    const sponsored = paths.filter((p) => p.paint === 'stroke' && near(p.stroke, [106, 61, 154]) && p.box[3] - p.box[1] > 1);
    expect(sponsored.length).toBeGreaterThan(0);
    for (const p of sponsored) expect(inside(p.box, frame), `${p.box} in ${frame}`).toBe(true);
    // and takes a good part of it (fitted to the frame, not a corner of a screen crop)
    const [x0, y0, x1, y1] = sponsored[0].box;
    expect(Math.max((x1 - x0) / (frame[2] - frame[0]), (y1 - y0) / (frame[3] - frame[1]))).toBeGreaterThan(0.5);
    // each name written inside the frame (the map label), besides the table
    const runs = await textRuns(bytes);
    for (const n of names) {
      const onMap = runs.filter((r) => r.str.includes(n) && r.x >= frame[0] && r.x <= frame[2] && r.y >= frame[1] && r.y <= frame[3]);
      expect(onMap.length, n).toBeGreaterThan(0);
    }
    const ops = await pageOps(bytes);
    expect(ops.images).toBe(0);
    for (const mark of ['Xã được đỡ đầu', 'Ranh giới tỉnh', 'Đơn vị hành chính']) expect(ops.words).toContain(mark);
    console.log(`sponsor report ${id}: ${ms} ms`);
  });

  test('A3 landscape PDF of Quảng Trị: vector paths and commune names as text; the province fills the frame', async () => {
    const session = await open('?panel=slides');
    await session.page.getByTestId('pdf-paper').selectOption('A3');
    await session.page.getByTestId('pdf-orientation').selectOption('landscape');
    const { bytes } = await download(session.page, 'export-pdf');
    const ops = await pageOps(bytes);
    expect(ops.size[0]).toBeCloseTo(1190.55, 0);
    expect(ops.images).toBe(0);
    expect(ops.paths).toBeGreaterThan(20);
    for (const name of ['Hướng Lộc', 'Khe Sanh', 'Vĩnh Linh', 'Đa Krông', 'Tình trạng NTM', 'Ranh giới xã: Map Maker Vietnam', 'Dữ liệu minh họa']) expect(ops.words, name).toContain(name);
    const paths = await pathBoxes(bytes);
    const frame = paths.find((p) => p.clip && p.paint === 'endPath')!.box;
    const page = ops.size[0] * ops.size[1];
    expect(((frame[2] - frame[0]) * (frame[3] - frame[1])) / page).toBeGreaterThan(0.55);
    // the communes' fills (class colours): their union spans the frame one way or the other
    const classes = (await api<{ legend: unknown[] }>(session, 'state')).legend.length;
    expect(classes).toBeGreaterThan(2);
    const fills = paths.filter((p) => (p.paint === 'eoFill' || p.paint === 'fill') && inside(p.box, frame, 2));
    const u = fills.reduce((a, p) => [Math.min(a[0], p.box[0]), Math.min(a[1], p.box[1]), Math.max(a[2], p.box[2]), Math.max(a[3], p.box[3])], [Infinity, Infinity, -Infinity, -Infinity]);
    expect(Math.max((u[2] - u[0]) / (frame[2] - frame[0]), (u[3] - u[1]) / (frame[3] - frame[1]))).toBeGreaterThan(0.85);
  });

  test('the 2x PNG is the composed page: title, legend with every mark, scale bar, north arrow, illustrative mark', async () => {
    const session = await open('?panel=slides');
    const { name, bytes } = await download(session.page, 'export-png-2');
    expect(name).toMatch(/du-lieu-minh-hoa/);
    const png = decodePng(Buffer.from(bytes));
    // A4 landscape at 2 × 96 dpi
    expect(png.width).toBe(Math.round((297 / 25.4) * 96 * 2));
    expect(png.height).toBe(Math.round((210 / 25.4) * 96 * 2));
    // the same composition through the automation API, for its boxes
    const { layout } = await api<any>(session, 'exportMapPng', 'a4-landscape', 2);
    const dark = (b: { x: number; y: number; width: number; height: number }) => {
      let n = 0;
      for (let y = Math.ceil(b.y); y < b.y + b.height; y += 2) for (let x = Math.ceil(b.x); x < b.x + b.width; x += 2) if (pixelAt(png, x, y).every((c) => c < 90)) n++;
      return n;
    };
    expect(dark(layout.title)).toBeGreaterThan(100); // the title's letters
    expect(dark(layout.legend)).toBeGreaterThan(100);
    expect(dark(layout.source)).toBe(0); // muted grey, not black
    const labels = layout.legendRows.map((r: any) => r.label);
    for (const l of ['NTM kiểu mẫu', 'Chưa đạt chuẩn', 'Ranh giới tỉnh', 'Nước láng giềng']) expect(labels).toContain(l);
    for (const row of layout.legendRows.filter((r: any) => r.mark === 'fill')) {
      const c = pixelAt(png, row.swatch.x + row.swatch.width / 2, row.swatch.y + row.swatch.height / 2);
      expect(near(c, row.colour, 6), `${row.label}: ${c} vs ${row.colour}`).toBe(true);
    }
    expect(near(pixelAt(png, layout.illustrative.x + 3, layout.illustrative.y + layout.illustrative.height / 2), [255, 244, 214], 8)).toBe(true);
    for (const box of [layout.scaleBar, layout.northArrow]) {
      expect(box.x).toBeGreaterThanOrEqual(layout.frame.x);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.frame.y + layout.frame.height);
    }
    expect(layout.labels.filter((l: any) => l.kind === 'commune').length).toBeGreaterThan(20);
  });

  test('a long export shows its progress and can be cancelled', async () => {
    const session = await open('?province=all&panel=slides');
    await session.page.getByTestId('pdf-paper').selectOption('A3');
    let downloaded = false;
    session.page.on('download', () => (downloaded = true));
    await session.page.getByTestId('export-pdf').click();
    // what it is doing, named, with a cancel button: pressed as soon as it shows (the export takes a few seconds)
    const progress = await session.page.waitForSelector('[data-testid="export-progress"]');
    expect(await progress.textContent()).toMatch(/PDF · A3 Ngang: đang/);
    await session.page.evaluate(() => (document.querySelector('[data-testid="export-cancel"]') as HTMLButtonElement).click());
    await expect.poll(() => session.page.getByText('Đã huỷ xuất tệp.').count(), { timeout: 30_000 }).toBe(1);
    expect(downloaded).toBe(false);
    expect(await session.page.getByTestId('export-pdf').isEnabled()).toBe(true);
  });
});

describe('slides and presenting', () => {
  test('slides of a table and a ranking; titles follow the language; after presenting the view and camera are as before', async () => {
    const session = await open('?panel=slides', { width: 1280, height: 720 });
    await session.page.evaluate(() => localStorage.removeItem('ntm-atlas:slides'));
    await openApp(session, baseUrl(), '?panel=slides');
    for (const id of ['add-slide', 'add-slide-table', 'add-slide-ranking']) await session.page.getByTestId(id).click();
    await api(session, 'setYear', 2022);
    await settle(session);
    await session.page.evaluate(() => (window as any).ntmAtlas.debugMap().jumpTo({ center: [107.1, 16.9], zoom: 9.3 }));
    const view = () =>
      session.page.evaluate(() => {
        const m = (window as any).ntmAtlas.debugMap();
        const st = (window as any).ntmAtlas.state();
        return { province: st.province, year: st.year, indicator: st.indicator, panel: st.panel, centre: m.getCenter(), zoom: m.getZoom() };
      });
    const before = await view();
    await session.page.getByTestId('start-presentation').click();
    await session.page.waitForFunction(() => (window as any).ntmAtlas.state().presenting === 0);
    await session.page.waitForFunction(() => Number(document.querySelector('[data-testid="slide-map"]')?.getAttribute('data-drawn')) > 0, null, { timeout: 60_000 });
    expect(await session.page.getByTestId('slide-title').textContent()).toContain('Tình trạng NTM');
    await api(session, 'setLocale', 'en');
    await expect.poll(() => session.page.getByTestId('slide-title').textContent()).toContain('NTM status');
    await api(session, 'setLocale', 'vi');
    await session.page.keyboard.press('ArrowRight');
    await session.page.waitForSelector('[data-testid="slide-table"] tbody tr');
    expect(await session.page.locator('[data-testid="slide-table"] tbody tr').count()).toBeGreaterThan(5);
    await session.page.keyboard.press('ArrowRight');
    await session.page.waitForSelector('[data-testid="slide-ranking"] svg');
    await session.page.keyboard.press('Escape');
    await session.page.waitForFunction(() => (window as any).ntmAtlas.state().presenting === null);
    await settle(session);
    const after = await view();
    expect({ ...after, centre: null }).toEqual({ ...before, centre: null });
    expect(after.centre.lng).toBeCloseTo(before.centre.lng, 4);
    expect(after.centre.lat).toBeCloseTo(before.centre.lat, 4);
  });
});

describe('every screen', () => {
  test('phone 390×844: the map first and wider than 0, every tab reachable, the toolbar folds', async () => {
    const session = await open('', { width: 390, height: 844 });
    const map = (await session.page.getByTestId('map').boundingBox())!;
    expect(map.width).toBeGreaterThan(300);
    expect(map.height).toBeGreaterThan(150);
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the indicator controls are folded away until asked for
    expect(await session.page.locator('.indicator-controls').isVisible()).toBe(false);
    await session.page.getByTestId('toolbar-toggle').click();
    expect(await session.page.locator('.indicator-controls').isVisible()).toBe(true);
    await session.page.getByTestId('toolbar-toggle').click();
    for (const tab of ['districts', 'sponsors', 'slides', 'legend']) {
      await session.page.getByTestId(`tab-${tab}`).click(); // fails when covered or off screen
      await expect.poll(() => api<{ panel: string }>(session, 'state').then((st) => st.panel)).toBe(tab);
    }
    const tabs = (await session.page.getByTestId('tab-legend').boundingBox())!;
    expect(tabs.y).toBeGreaterThan(map.y + map.height - 1); // the panel is a sheet under the map
  });

  test('laptop 1280×720: no horizontal scrolling in any panel; the toolbar never covers the map', async () => {
    const session = await open('?province=all', { width: 1280, height: 720 });
    for (const tab of ['legend', 'districts', 'criteria', 'sponsors', 'data', 'slides']) {
      await session.page.getByTestId(`tab-${tab}`).click();
      await settle(session);
      const w = await session.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(w[0], tab).toBeLessThanOrEqual(w[1]);
    }
    const toolbar = (await session.page.locator('.map-toolbar').boundingBox())!;
    const map = (await session.page.getByTestId('map').boundingBox())!;
    expect(toolbar.y + toolbar.height).toBeLessThanOrEqual(map.y + 1);
  });

  test('laptops (1280×720, 1440×900), post-reform units in English: the top bar on one row, a notice clear of the toolbar, the tabs in reach when the panel scrolls', async () => {
    // year=1999 is ignored with a notice; the vintage switch's "show former districts" makes the widest top bar
    const session = await open('?vintage=2025-07&year=1999&panel=data&lang=en', { width: 1280, height: 720 });
    const box = async (selector: string) => (await session.page.locator(selector).first().boundingBox())!;
    const oneRow = async () => {
      const search = await box('.top-bar .search');
      for (const right of ['.locale-switch', '[data-testid="illustrative-badge"]']) expect((await box(right)).y, right).toBeLessThan(search.y + search.height);
    };
    await oneRow(); // not wrapped under the search
    const toolbar = await box('.map-toolbar');
    const notice = await box('[data-testid="notice"]');
    expect(notice.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
    // the data panel is taller than the screen: scrolled to its end, the tabs are still there to switch panels
    await session.page.locator('.side').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await session.page.locator('.side').evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    expect((await box('[data-testid="tab-legend"]')).y).toBeGreaterThanOrEqual((await box('.side')).y - 1);
    await session.page.setViewportSize({ width: 1440, height: 900 }); // the English subtitle alone is 490px wide
    await oneRow();
  });

  test('the printed district table names province, year, vintage and date on one page; the language is remembered', async () => {
    const session = await open('?panel=districts', { width: 1280, height: 800 });
    await session.page.emulateMedia({ media: 'print' });
    const heading = session.page.getByTestId('print-heading');
    expect(await heading.isVisible()).toBe(true);
    const text = (await heading.textContent())!;
    expect(text).toContain('Tỉnh Quảng Trị');
    expect(text).toMatch(/Số liệu năm 20\d\d/);
    expect(text).toContain('Đơn vị hành chính');
    expect(text).toMatch(/In ngày \d\d?\/\d\d?\/20\d\d/);
    expect(await session.page.getByTestId('district-table').isVisible()).toBe(true);
    expect(await session.page.getByTestId('map').isVisible()).toBe(false);
    const pdf = new Uint8Array(await session.page.pdf({ format: 'A4' }));
    await session.page.emulateMedia({ media: 'screen' });
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: pdf, verbosity: 0 }).promise;
    expect(doc.numPages).toBe(1); // no blank page after the table
    await doc.destroy();
    // the language: chosen once, kept on the next visit (a link's lang= still wins)
    await session.page.getByRole('button', { name: 'English' }).click();
    await openApp(session, baseUrl(), '');
    expect((await api<{ locale: string }>(session, 'state')).locale).toBe('en');
    await openApp(session, baseUrl(), '?lang=vi');
    expect((await api<{ locale: string }>(session, 'state')).locale).toBe('vi');
  });
});
