// Installable and offline (issue 17): after one visit the service worker has precached the app, DuckDB's files,
// fonts, geometry and data; with the network off a reload opens the atlas and the map → import → PDF journey works,
// with no request failing. An import stored in the browser is never hidden behind the precomputed first map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApp, openBrowser, type Session } from './harness';
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
  test('the first visit installs the app: every file precached, DuckDB\'s wasm included', async () => {
    await offlineReady();
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
});
