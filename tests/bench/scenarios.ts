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
  panZoom?: PanZoom;
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

/** The atlas, national view: cold load, memory, year and indicator switches, pan/zoom. */
export async function oursSession(baseUrl: string, opts: SessionOptions): Promise<Session> {
  const b = await openPage(new URL('?province=all', baseUrl).href);
  const page = b.page;
  try {
    await page.waitForFunction(() => (window as any).ntmAtlas !== undefined, null, { timeout: 120_000 });
    const load = await page.evaluate(`(async () => {
      const api = window.ntmAtlas;
      await api.ready;
      await api.settled();
      return { timings: api.timings(), payload: api.payload(), state: api.state() };
    })()`) as { timings: Record<string, number>; payload: Record<string, number>; state: { years: number[]; year: number } };
    const out: Session = { timings: load.timings, payload: load.payload, errors: b.errors };
    if (opts.memory) out.memory = (await page.evaluate(`window.__bench.memory((q) => window.ntmAtlas.sql(q))`)) as Record<string, unknown>;
    if (opts.switches > 0) {
      const ok = await page.evaluate(`window.__bench.instrumentDeck(window.ntmAtlas.debugMap())`);
      if (!ok) b.errors.push('could not instrument deck.gl: deckMs will read 0');
      const years = yearCycle(load.state.years, load.state.year, opts.switches);
      const run = (fn: string, values: unknown[]) =>
        page.evaluate(`(async () => {
          const api = window.ntmAtlas;
          return window.__bench.switches(api.debugMap(), ${JSON.stringify(values)}, async (v) => { await api.${fn}(v); return api.state().lastRecolourMs ?? null; }, { deck: true });
        })()`) as Promise<SwitchSample[]>;
      out.yearStatus = await run('setYear', years);
      out.indicator = await run('setIndicator', Array.from({ length: opts.switches }, (_, i) => indicatorCycle[i % indicatorCycle.length]));
      await page.evaluate(`window.ntmAtlas.setIndicator('poor_rate')`);
      out.yearNumeric = await run('setYear', years);
      await page.evaluate(`(async () => { await window.ntmAtlas.setIndicator('status'); await window.ntmAtlas.setYear(${load.state.year}); })()`);
    }
    if (opts.panZoom) out.panZoom = await panZoom(page, 'window.ntmAtlas.debugMap()');
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
