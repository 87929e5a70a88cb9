// The scenarios run against the app (ours) and the conventional baseline, in the same browser, same viewport.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from './browser';

const inPage = readFileSync(resolve(import.meta.dirname, 'in-page.js'), 'utf8');

export interface SwitchSample {
  value: string | number;
  cpuMs: number;
  deckMs: number;
  renderMs: number;
  reportedMs: number | null;
  frameMs: number;
  /** ours: input until the legend showed the switch (NaN: not measured) */
  panelMs?: number;
  /** ours: the switch's animation frame, deck.gl's update to the layout of the panel's changes (in-page.js) */
  wholeFrameMs?: number;
}

export interface PanZoom {
  steps: { frameMs: number; rasterMs: number; idleMs: number }[];
  frames: number[];
}

export interface Session {
  timings: Record<string, number>;
  payload?: Record<string, number>;
  memory?: Record<string, unknown>;
  yearStatus?: SwitchSample[];
  yearNumeric?: SwitchSample[];
  indicator?: SwitchSample[];
  /** ours: one switch to every indicator after the cycle above (the change and criterion maps' first use) */
  indicatorAll?: SwitchSample[];
  panZoom?: PanZoom;
  /** ours: the service worker had precached the app before the switches (false: the build has none) */
  workerInstalled?: boolean;
  /** ours, pre-reform units: a switch to the post-reform units, from the call until the map has settled (ms) */
  vintageSwitchMs?: number;
  /** ours, pre-reform units: memory after that switch, both vintages' units and matrices held (issue 17: heap <= 150 MB) */
  memoryBothVintages?: Record<string, unknown>;
  errors: string[];
}

/** Pan/zoom script, the same for both: national → Hà Nội, Red River delta, Mekong delta, centre, back. */
const jumps = [
  { center: [105.85, 21.03], zoom: 7 },
  { center: [105.85, 21.03], zoom: 8.5 },
  { center: [106.3, 20.6], zoom: 8.5 },
  { center: [105.8, 10.0], zoom: 7.5 },
  { center: [105.6, 10.3], zoom: 9 },
  { center: [108.2, 16.0], zoom: 6.5 },
  { center: [107.0, 16.5], zoom: 5.5 },
  { center: [106.5, 16.0], zoom: 4.8 },
];
const eases = [
  { center: [105.85, 21.03], zoom: 7.5, duration: 1500 },
  { center: [106.5, 16.0], zoom: 4.8, duration: 1500 },
];

export const indicatorCycle = ['criteria', 'poor_rate', 'near_poor_rate', 'ntm_year', 'status'];
/** Every indicator of the app, each once (ours only: the baseline has the five above). */
export const everyIndicator = ['criteria', 'poor_rate', 'near_poor_rate', 'ntm_year', 'status_change', 'poor_rate_change', 'criterion_missing', 'status'];

/** Years to switch through: every year but the current one, round and round. */
const yearCycle = (years: number[], current: number, n: number) => {
  const others = years.filter((y) => y !== current);
  return Array.from({ length: n }, (_, i) => others[others.length - 1 - (i % others.length)]);
};

export interface SessionOptions {
  switches: number;
  panZoom: boolean;
  memory: boolean;
}

async function openPage(url: string) {
  const b = await launch();
  await b.page.addInitScript({ content: inPage });
  await b.page.goto(url);
  return b;
}

/** Resolves once the atlas is ready and settled; returns its timings. */
async function atlasLoaded(page: Page): Promise<{ timings: Record<string, number>; payload: Record<string, number>; state: { years: number[]; year: number } }> {
  await page.waitForFunction(() => (window as any).ntmAtlas !== undefined, null, { timeout: 120_000 });
  return (await page.evaluate(`(async () => {
    const api = window.ntmAtlas;
    await api.ready;
    await api.settled();
    return { timings: api.timings(), payload: api.payload(), state: api.state() };
  })()`)) as { timings: Record<string, number>; payload: Record<string, number>; state: { years: number[]; year: number } };
}

/**
 * Waits until the service worker has precached the app and controls the page (it registers once the app is ready):
 * false when the build registers none within 15 s, or it has not finished within 2 minutes.
 */
async function workerInstalled(page: Page): Promise<boolean> {
  return (await page.evaluate(`(async () => {
    if (!('serviceWorker' in navigator)) return false;
    const started = Date.now();
    for (;;) {
      const r = await navigator.serviceWorker.getRegistration();
      if (r && r.active && r.active.state === 'activated' && navigator.serviceWorker.controller) return true;
      if ((!r && Date.now() - started > 15000) || Date.now() - started > 120000) return false;
      await new Promise((res) => setTimeout(res, 250));
    }
  })()`)) as boolean;
}

/**
 * The atlas, national view: cold load, memory, year and indicator switches, pan/zoom; `query` picks the view
 * (the post-reform units: ?province=all&vintage=2025-07).
 */
export async function oursSession(baseUrl: string, opts: SessionOptions, query = '?province=all'): Promise<Session> {
  const b = await openPage(new URL(query, baseUrl).href);
  const page = b.page;
  try {
    const load = await atlasLoaded(page);
    // the worker's download of the precache (after ready) would compete with what is measured next
    const out: Session = { timings: load.timings, payload: load.payload, errors: b.errors, workerInstalled: await workerInstalled(page) };
    if (opts.memory) out.memory = (await page.evaluate(`window.__bench.memory((q) => window.ntmAtlas.sql(q))`)) as Record<string, unknown>;
    if (opts.switches > 0) {
      const ok = await page.evaluate(`window.__bench.instrumentDeck(window.ntmAtlas.debugMap())`);
      if (!ok) b.errors.push('could not instrument deck.gl: deckMs will read 0');
      const years = yearCycle(load.state.years, load.state.year, opts.switches);
      const run = (fn: string, values: unknown[]) =>
        page.evaluate(`(async () => {
          const api = window.ntmAtlas;
          return window.__bench.switches(api.debugMap(), ${JSON.stringify(values)}, async (v) => { await api.${fn}(v); return api.state().lastRecolourMs ?? null; }, { deck: true, panel: '[data-testid="legend"]' });
        })()`) as Promise<SwitchSample[]>;
      out.yearStatus = await run('setYear', years);
      out.indicator = await run('setIndicator', Array.from({ length: opts.switches }, (_, i) => indicatorCycle[i % indicatorCycle.length]));
      out.indicatorAll = await run('setIndicator', everyIndicator);
      await page.evaluate(`window.ntmAtlas.setIndicator('poor_rate')`);
      out.yearNumeric = await run('setYear', years);
      await page.evaluate(`(async () => { await window.ntmAtlas.setIndicator('status'); await window.ntmAtlas.setYear(${load.state.year}); })()`);
    }
    if (opts.panZoom) out.panZoom = await panZoom(page, 'window.ntmAtlas.debugMap()');
    // last (it changes the view): from the pre-reform units to the post-reform ones, as the vintage switch does
    if (opts.switches > 0 && !query.includes('vintage=')) {
      out.vintageSwitchMs = (await page.evaluate(`(async () => {
        const t0 = performance.now();
        await window.ntmAtlas.setVintage('2025-07');
        await window.ntmAtlas.settled();
        return performance.now() - t0;
      })()`)) as number;
      if (opts.memory) out.memoryBothVintages = (await page.evaluate(`window.__bench.memory()`)) as Record<string, unknown>;
    }
    return out;
  } finally {
    await b.close();
  }
}

export interface RevisitSession {
  /** the second visit's timings (empty when it did not load) */
  timings: Record<string, number>;
  workerInstalled: boolean;
  memory?: Record<string, unknown>;
  /** requests of the second visit that failed or were answered with an error status */
  failedRequests: string[];
  errors: string[];
}

/**
 * A returning planner: the national view is opened once (and left until the service worker, where the build has one,
 * has cached the app), then opened again in the same browser profile — with the network on ('warm': HTTP cache and
 * worker cache filled) or off ('offline').
 */
export async function oursRevisitSession(baseUrl: string, mode: 'warm' | 'offline'): Promise<RevisitSession> {
  const url = new URL('?province=all', baseUrl).href;
  const b = await openPage(url);
  const failedRequests: string[] = [];
  let second = false;
  b.context.on('requestfailed', (r) => second && failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  b.context.on('response', (r) => second && r.status() >= 400 && failedRequests.push(`${r.url()} (HTTP ${r.status()})`));
  try {
    await atlasLoaded(b.page);
    const installed = await workerInstalled(b.page);
    if (mode === 'offline') await b.context.setOffline(true);
    second = true;
    const out: RevisitSession = { timings: {}, workerInstalled: installed, failedRequests, errors: b.errors };
    try {
      await b.page.goto(url, { timeout: 60_000 });
      out.timings = (await atlasLoaded(b.page)).timings;
      out.memory = (await b.page.evaluate(`window.__bench.memory((q) => window.ntmAtlas.sql(q))`)) as Record<string, unknown>;
    } catch (e) {
      b.errors.push(`${mode} visit: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    return out;
  } finally {
    await b.close();
  }
}

async function panZoom(page: Page, mapExpr: string): Promise<PanZoom> {
  return (await page.evaluate(`window.__bench.panZoom(${mapExpr}, ${JSON.stringify(jumps)}, ${JSON.stringify(eases)})`)) as PanZoom;
}

/** The conventional implementation (bench/baseline.html), recolouring with feature-state or a match expression. */
export async function baselineSession(baseUrl: string, mode: 'state' | 'match', opts: SessionOptions): Promise<Session> {
  const b = await openPage(new URL(`bench/baseline.html?recolour=${mode}`, baseUrl).href);
  const page = b.page;
  try {
    await page.waitForFunction(() => (window as any).benchBaseline !== undefined, null, { timeout: 120_000 });
    await page.evaluate(`window.benchBaseline.ready`);
    await page.waitForFunction(`window.benchBaseline.timings().firstColouredFrame !== undefined`, null, { timeout: 120_000 });
    await page.evaluate(`(async () => { const m = window.benchBaseline.map; await new Promise((r) => { m.once('idle', r); m.triggerRepaint(); }); })()`);
    const timings = (await page.evaluate(`window.benchBaseline.timings()`)) as Record<string, number>;
    const out: Session = { timings, errors: b.errors };
    if (opts.memory) out.memory = (await page.evaluate(`window.__bench.memory()`)) as Record<string, unknown>;
    if (opts.switches > 0) {
      const years = yearCycle((await page.evaluate(`window.benchBaseline.years()`)) as number[], 2024, opts.switches);
      const run = (fn: string, values: unknown[]) =>
        page.evaluate(`(async () => {
          const b = window.benchBaseline;
          return window.__bench.switches(b.map, ${JSON.stringify(values)}, async (v) => b.${fn}(v), { deck: false });
        })()`) as Promise<SwitchSample[]>;
      out.yearStatus = await run('setYear', years);
      out.indicator = await run('setIndicator', Array.from({ length: opts.switches }, (_, i) => indicatorCycle[i % indicatorCycle.length]));
      await page.evaluate(`window.benchBaseline.setIndicator('poor_rate')`);
      out.yearNumeric = await run('setYear', years);
      await page.evaluate(`(() => { window.benchBaseline.setIndicator('status'); window.benchBaseline.setYear(2024); })()`);
    }
    if (opts.panZoom) out.panZoom = await panZoom(page, 'window.benchBaseline.map');
    return out;
  } finally {
    await b.close();
  }
}

export interface RasterResult {
  lod: string;
  antialias: boolean;
  pixels: number[];
  vertices: number;
  triangles: number;
  bytes: number;
  loadMs: number;
  decodeMs: number;
  firstFrameMs: number;
  frames: number[];
  recolour: { paintMs: number; deckMs: number }[];
}

/** The app's commune layer alone (bench/raster.html) at one level of detail and MSAA setting, in a fresh browser. */
export async function rasterSession(baseUrl: string, lod: 'full' | 'overview', antialias: boolean): Promise<RasterResult> {
  const b = await openPage(new URL('bench/raster.html', baseUrl).href);
  try {
    await b.page.waitForFunction(() => (window as any).benchRaster !== undefined, null, { timeout: 60_000 });
    return (await b.page.evaluate(`window.benchRaster.run(${JSON.stringify({ lod, antialias, frames: 5, recolours: 8 })})`)) as RasterResult;
  } finally {
    await b.close();
  }
}

export interface AppImportTiming {
  rows: number;
  ok: boolean;
  totalMs: number;
  [phase: string]: unknown;
}

/**
 * The app's own import path, end to end, when the app exposes the hook
 * window.ntmAtlas.importBytes(name, bytes) → Promise<{ ok, totalMs, ...phases }> (resolving once the map shows the
 * imported data). Returns null when the hook is missing. Files are fetched in the page from /bench-data/.
 */
export async function appImportSession(baseUrl: string, sizes: number[], repeats: number): Promise<AppImportTiming[] | null> {
  const b = await openPage(new URL('?province=all', baseUrl).href);
  try {
    await b.page.waitForFunction(() => (window as any).ntmAtlas !== undefined, null, { timeout: 120_000 });
    await b.page.evaluate(`(async () => { await window.ntmAtlas.ready; await window.ntmAtlas.settled(); })()`);
    if (!(await b.page.evaluate(`typeof window.ntmAtlas.importBytes === 'function'`))) return null;
    const out: AppImportTiming[] = [];
    for (const n of sizes) {
      for (let i = 0; i < repeats; i++) {
        const r = (await b.page.evaluate(`(async () => {
          const bytes = new Uint8Array(await (await fetch('/bench-data/import_${n}.csv')).arrayBuffer());
          const t0 = performance.now();
          const r = await window.ntmAtlas.importBytes('import_${n}_${i}.csv', bytes);
          return { ...r, totalMs: r.totalMs ?? performance.now() - t0 };
        })()`)) as AppImportTiming;
        out.push({ ...r, rows: n });
      }
    }
    return out;
  } finally {
    await b.close();
  }
}
