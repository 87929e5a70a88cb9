// Installable and offline (issue 17): after one visit the service worker has precached the app, DuckDB's files,
// fonts, geometry and data; with the network off a reload opens the atlas and every journey works with no request
// failing: map → import → PDF, the planner's table, a sponsor's link and report, the post-reform units, presenting.
// An import stored in the browser is never hidden behind the precomputed first map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { atlasState, openApp, openBrowser, type Session } from './harness';
import { api, baseUrl, settle, sql } from './session';
import { pdfText } from './pdf-text';

const fixture = (name: string) => join(process.cwd(), 'tests', 'fixtures', 'import', name);

let s: Session;
/** Requests that failed (no answer) or were answered with an error status, from the moment the network is off. */
const failed: string[] = [];
let offline = false;

beforeAll(async () => {
  s = await openBrowser(baseUrl());
  s.context.on('requestfailed', (r) => offline && failed.push(`${r.url()} (${r.failure()?.errorText})`));
  s.context.on('response', (r) => offline && r.status() >= 400 && failed.push(`${r.url()} (HTTP ${r.status()})`));
  await openApp(s, baseUrl(), '?province=45&panel=data');
});
afterAll(async () => {
  await s?.close();
});

/** Waits until the service worker has precached every file and controls the page. */
async function offlineReady() {
  await s.page.evaluate(async () => {
    for (const until = Date.now() + 120_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
      const r = await navigator.serviceWorker.getRegistration();
      if (r?.active?.state === 'activated' && navigator.serviceWorker.controller) return;
    }
    throw new Error('the service worker did not take over within 2 minutes');
  });
}

async function reload() {
  await s.page.reload();
  await s.page.waitForFunction(() => (window as any).ntmAtlas !== undefined, null, { timeout: 60_000 });
  await s.page.evaluate(async () => {
    await (window as any).ntmAtlas.ready;
    await (window as any).ntmAtlas.settled();
  });
}

const timings = () => api<Record<string, number | boolean | undefined>>(s, 'timings');

describe('offline after one visit', () => {
  test('the first visit installs the app: every file precached, DuckDB\'s wasm included, and says when it is done', async () => {
    await offlineReady();
    // the office is told when the atlas can be used without the network
    const notice = s.page.getByTestId('offline-notice');
    await s.page.waitForSelector('[data-testid="offline-notice"][data-offline="saved"]', { timeout: 10_000 });
    expect(await notice.textContent()).toContain('Đã lưu: bản đồ dùng được cả khi mất mạng.');
    const cached = await s.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    for (const pattern of [/\/index\.html$/, /duckdb-eh-.*\.wasm$/, /duckdb-browser-eh\.worker-.*\.js$/, /import-worker-.*\.js$/, /\.woff2$/,
      /generated\/geom_communes_45\.bin$/, /generated\/commune_year\.arrow$/, /generated\/first_map\.arrow$/, /generated\/fonts\/NotoSans-Regular\.subset\.ttf$/]) {
      expect(cached.some((u) => pattern.test(u)), String(pattern)).toBe(true);
    }
  });

  test('with the network off, a reload opens the map, coloured first from the precomputed map, then by DuckDB', async () => {
    offline = true;
    await s.context.setOffline(true);
    expect(await s.page.evaluate(() => navigator.onLine)).toBe(false);
    await reload();
    const t = await timings();
    expect(t.precomputedColours).toBeGreaterThan(0);
    expect(t.precomputedMatched).toBe(true);
    const state = await api<{ phase: string; communesDrawn: number; legend: { count: number }[] }>(s, 'state');
    expect(state.phase).toBe('ready');
    expect(state.communesDrawn).toBeGreaterThan(100);
    expect(state.legend.reduce((n, l) => n + l.count, 0)).toBeGreaterThan(100);
    // opened from the copy: nothing more to say about it
    expect(await s.page.getByTestId('offline-notice').count()).toBe(0);
    expect(failed).toEqual([]);
  });

  test('offline: a CSV is imported through the data panel and shown on the map', async () => {
    await s.page.getByTestId('import-file').setInputFiles(fixture('qt_2024_utf8_bom.csv'));
    await s.page.waitForSelector('[data-testid="import-report"]', { timeout: 60_000 });
    await s.page.getByTestId('import-apply').click();
    await s.page.waitForSelector('[data-testid="import-message"]', { timeout: 60_000 });
    await settle(s);
    const rows = await sql<{ provenance: string }>(s, 'SELECT provenance FROM commune_year WHERE commune_code = ? AND year = 2024', ['19369']);
    expect(rows).toEqual([{ provenance: 'imported' }]);
    expect(failed).toEqual([]);
  });

  test('offline: the map exports as a PDF with its fonts', async () => {
    await s.page.getByTestId('tab-slides').click();
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 90_000 }), s.page.getByTestId('export-pdf').click()]);
    const pdf = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
    expect(pdf.text).toContain('Tình trạng NTM');
    expect(pdf.text).toContain('Tỉnh Quảng Trị');
    expect(failed).toEqual([]);
  });

  test('offline: the stored import is restored on the next visit, never hidden behind the precomputed first map', async () => {
    await reload();
    const t = await timings();
    expect(t.precomputedColours).toBeUndefined();
    const rows = await sql<{ provenance: string }>(s, 'SELECT provenance FROM commune_year WHERE commune_code = ? AND year = 2024', ['19369']);
    expect(rows).toEqual([{ provenance: 'imported' }]);
    expect(failed).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });

  // each journey below opens its own link, as a user would, with the network still off: the page comes from the worker

  test('offline: the planner\'s district table of Quảng Trị is computed by DuckDB, the import above included', async () => {
    await openApp(s, baseUrl(), '?province=45&year=2024&panel=districts');
    const table = await s.page.evaluate(() => (window as any).ntmAtlas.planner() as { group_code: string; ntm: number | null; in_scope: number }[]);
    // counted here by plain SQL over the same tables (the imported rows replace the sample's): NTM communes per district
    const expected = await sql<{ group_code: string; ntm: number }>(s, `SELECT u.district_code AS group_code,
      count(*) FILTER (WHERE y.tier IN ('dat_chuan', 'nang_cao', 'kieu_mau'))::INTEGER AS ntm
      FROM unit_commune u JOIN commune_year y USING (commune_code)
      WHERE u.province_code = '45' AND u.commune_type = 'Xã' AND y.year = 2024 GROUP BY 1 ORDER BY 1`);
    expect(table.filter((r) => r.in_scope > 0).map((r) => ({ group_code: r.group_code, ntm: r.ntm }))).toEqual(expected);
    expect(table.reduce((a, r) => a + r.in_scope, 0)).toBe(101);
    expect(await s.page.getByTestId('planner-summary').isVisible()).toBe(true);
    expect(failed).toEqual([]);
  });

  test('offline: a sponsor\'s link shows its communes and prints its one-page report', async () => {
    await openApp(s, baseUrl(), '?sponsor=qt-lmhtx');
    const names = await s.page.locator('[data-testid="sponsor-communes"] tbody th button').allTextContents();
    expect(names.sort()).toEqual(['Xã Hải Ba', 'Xã Hải Dương', 'Xã Hải Thượng', 'Xã Tân Liên']);
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 90_000 }), s.page.getByTestId('sponsor-report').click()]);
    const pdf = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
    expect(pdf.pages).toBe(1);
    for (const name of ['Hải Thượng', 'Hải Ba', 'Hải Dương', 'Tân Liên', 'Liên minh Hợp tác xã tỉnh Quảng Trị']) expect(pdf.text).toContain(name);
    expect(failed).toEqual([]);
  });

  test('offline: the post-reform units open: new Quảng Trị\'s 78 communes', async () => {
    await openApp(s, baseUrl(), '?vintage=2025-07&province=44');
    expect(await atlasState(s.page)).toMatchObject({ phase: 'ready', vintage: '2025-07', province: '44', drawnLayer: 'communes_2025', communesDrawn: 78 });
    expect(failed).toEqual([]);
  });

  test('offline: a slide is added and presented full screen, then left with Escape', async () => {
    await s.page.evaluate(() => localStorage.removeItem('ntm-atlas:slides'));
    await openApp(s, baseUrl(), '?province=45&year=2024&panel=slides');
    await s.page.getByTestId('add-slide').click();
    await s.page.getByTestId('start-presentation').click();
    await s.page.waitForFunction(() => (window as any).ntmAtlas.state().presenting === 0);
    await settle(s);
    expect(await s.page.getByTestId('slide-footer').textContent()).toContain('1/1');
    expect(await s.page.getByTestId('slide-title').textContent()).toContain('2024');
    await s.page.keyboard.press('Escape');
    await s.page.waitForFunction(() => (window as any).ntmAtlas.state().presenting === null);
    expect(failed).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });

  test('offline: a file missing from the offline copy is named; the map stays on the units it shows and the choice is not kept', async () => {
    // the browser evicted part of the copy (or the worker had not finished it): the post-reform geometry and Bến Tre's are gone
    await s.page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const r of await cache.keys()) if (/geom_communes_(2025|83)(\.overview)?\.bin$/.test(new URL(r.url).pathname)) await cache.delete(r);
      }
    });
    await openApp(s, baseUrl(), '?province=45&year=2024');
    const before = await atlasState(s.page);
    await api(s, 'setVintage', '2025-07');
    expect(await atlasState(s.page)).toMatchObject({ phase: 'ready', vintage: '2024', province: '45', drawnLayer: before.drawnLayer, communesDrawn: before.communesDrawn });
    const notice = await s.page.getByTestId('notice').textContent();
    expect(notice).toContain('Chưa chuyển sang Đơn vị hành chính sau sắp xếp (từ 1/7/2025)');
    expect(notice).toMatch(/tệp geom_communes_2025(\.overview)?\.bin chưa có trong bản lưu ngoại tuyến/);
    expect(notice).toContain('Hãy kết nối mạng rồi thử lại');
    expect(await s.page.evaluate(() => localStorage.getItem('ntm-atlas.vintage'))).not.toBe('2025-07');
    // so with a province whose geometry is gone: Quảng Trị stays
    await api(s, 'setProvince', '83');
    expect(await atlasState(s.page)).toMatchObject({ province: '45', drawnLayer: before.drawnLayer });
    expect(await s.page.getByTestId('notice').textContent()).toMatch(/^Chưa mở được Tỉnh Bến Tre: tệp geom_communes_83\.bin chưa có trong bản lưu ngoại tuyến/);
    // the app goes on working on the units it has
    await api(s, 'setYear', 2023);
    await settle(s);
    expect(await atlasState(s.page)).toMatchObject({ year: 2023, vintage: '2024', communesDrawn: before.communesDrawn });

    // a link to those units says the same where the map is, with a way to try again
    await s.page.goto(new URL('?vintage=2025-07&province=44', baseUrl()).href);
    const error = s.page.locator('.status-line.error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/Không tải được dữ liệu: tệp geom_communes_2025(\.overview)?\.bin chưa có trong bản lưu ngoại tuyến/);
    expect(await error.getByRole('button').textContent()).toBe('Tải lại trang');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.filter((f) => !/geom_communes_(2025|83)(\.overview)?\.bin/.test(f))).toEqual([]);
  });
});
