// npm run bench (after `vite build`): drives Debian Chromium against the production build on 127.0.0.1.
// Ours (the atlas, national view) against the conventional baseline (bench/baseline.html), scale growth and import
// (bench/scale.html), payload sizes. Prints JSON, then a short table (medians and p95, ratio ours/baseline, target).
//
// Env: BENCH_RUNS (cold loads per app, default 5), BENCH_SWITCHES (per kind and run, default 20),
//      BENCH_SCALES (default 1,10,100), BENCH_ONLY (comma list of ours,warm,offline,baseline,match,scale,import,lod,exports;
//      default all; warm and offline: a second visit with the caches filled, with the network on or off),
//      BENCH_OUT (also write the JSON to this file), BENCH_DIST (benchmark another build folder instead of dist/).
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from './serve';
import { appImportSession, baselineSession, oursRevisitSession, oursSession, rasterSession, type RasterResult, type RevisitSession, type Session, type SwitchSample } from './scenarios';
import { writeBaselineData, writeImportData, writeScaleData } from './data';
import { growthSession } from './growth';
import { exportRows, exportsSession } from './exports';
import { readUnits } from './import-data';
import { summary, type Summary } from './stats';
import { mb, medP95, ratio, table, type Row } from './report';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const switches = Number(process.env.BENCH_SWITCHES ?? 20);
const scales = (process.env.BENCH_SCALES ?? '1,10,100').split(',').filter(Boolean).map(Number);
const only = new Set((process.env.BENCH_ONLY ?? 'ours,warm,offline,baseline,match,scale,import,lod,exports').split(','));
const importSizes = [10_000, 100_000];
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

const started = Date.now();
const load0 = loadavg();
const server = await startServer(log);
log(`serving ${server.distDir} on ${server.baseUrl}`);
const generated = join(server.distDir, 'generated');
const units = readUnits(generated);

const results: Record<string, unknown> = {};
try {
  // ---- ours and the baseline: cold load + switches + pan/zoom + memory, fresh browser per run ----
  // oursPostReform: the same national view on the post-reform units (issue 12: within 10 % of the pre-reform one)
  const sessions: Record<string, Session[]> = { ours: [], oursPostReform: [], baseline: [], match: [] };
  const revisits: Record<'warm' | 'offline', RevisitSession[]> = { warm: [], offline: [] };
  if (only.has('baseline') || only.has('match')) writeBaselineData(server.dataDir, generated);
  for (let r = 0; r < runs; r++) {
    const opts = { switches, panZoom: true, memory: true };
    if (only.has('ours')) {
      log(`run ${r + 1}/${runs}: ours`);
      sessions.ours.push(await oursSession(server.baseUrl, opts));
      log(`run ${r + 1}/${runs}: ours, post-reform units`);
      sessions.oursPostReform.push(await oursSession(server.baseUrl, opts, '?province=all&vintage=2025-07'));
    }
    if (only.has('baseline')) {
      log(`run ${r + 1}/${runs}: baseline (feature-state)`);
      sessions.baseline.push(await baselineSession(server.baseUrl, 'state', opts));
    }
    if (only.has('match')) {
      log(`run ${r + 1}/${runs}: baseline (match expression)`);
      sessions.match.push(await baselineSession(server.baseUrl, 'match', { switches, panZoom: false, memory: false }));
    }
    for (const mode of ['warm', 'offline'] as const) {
      if (!only.has(mode)) continue;
      log(`run ${r + 1}/${runs}: ours, second visit (${mode})`);
      revisits[mode].push(await oursRevisitSession(server.baseUrl, mode));
    }
  }
  for (const [mode, list] of Object.entries(revisits)) {
    if (list.length === 0) continue;
    const t = (k: string) => summary(list.map((s) => s.timings[k]).filter((v) => v !== undefined));
    results[mode] = {
      loaded: list.filter((s) => s.timings.dataReady !== undefined).length,
      of: list.length,
      workerInstalled: list.filter((s) => s.workerInstalled).length,
      dataReadyMs: t('dataReady'),
      firstFrameMs: t('firstFrame'),
      firstColouredFrameMs: t('firstColouredFrame'),
      precomputedColoursMs: t('precomputedColours'),
      engineStartedMs: t('engineStarted'),
      allLoadedMs: t('allLoaded'),
      jsHeapMB: summary(list.filter((s) => s.memory).map((s) => Number(s.memory!.usedJSHeapSize) / 1e6)),
      failedRequests: [...new Set(list.flatMap((s) => s.failedRequests))].slice(0, 10),
      errors: [...new Set(list.flatMap((s) => s.errors))].slice(0, 10),
    };
  }
  const pooled = (list: Session[], key: 'yearStatus' | 'yearNumeric' | 'indicator' | 'indicatorAll', f: (s: SwitchSample) => number, filter?: (s: SwitchSample, i: number) => boolean) =>
    summary(list.flatMap((s) => (s[key] ?? []).filter((x, i) => (filter ? filter(x, i) : true)).map(f)), false);
  /** CPU side, the same for both: input → colours handed over → next frame's JS (uploads, draw calls) done. */
  const cpuOf = (x: SwitchSample) => x.cpuMs + x.deckMs + x.renderMs;
  /** Ours only: input → colour attribute uploaded by deck.gl (the baseline uploads inside its next frame). */
  const uploadOf = (x: SwitchSample) => x.cpuMs + x.deckMs;
  const firstOfEach = (_: SwitchSample, i: number) => i < 5;
  const later = (_: SwitchSample, i: number) => i >= 5;
  for (const [name, list] of Object.entries(sessions)) {
    if (list.length === 0) continue;
    const t = (k: string) => summary(list.map((s) => s.timings[k]).filter((v) => v !== undefined));
    const pz = list.filter((s) => s.panZoom);
    results[name] = {
      coldLoad: {
        dataReadyMs: t('dataReady'),
        firstFrameMs: t('firstFrame'),
        firstColouredFrameMs: t('firstColouredFrame'),
        ...(name.startsWith('ours')
          ? { bootStartedMs: t('bootStarted'), precomputedColoursMs: t('precomputedColours'), engineStartedMs: t('engineStarted'), coreLoadedMs: t('coreLoaded'), unitListMs: t('unitList'), allLoadedMs: t('allLoaded'), classesPreparedMs: t('classesPrepared') }
          : { geometryParsedMs: t('geometryParsed') }),
      },
      switch: {
        /** CPU side: input call until the colours are handed over (+ deck.gl's attribute update for ours). */
        yearStatusCpuMs: pooled(list, 'yearStatus', cpuOf),
        yearNumericCpuMs: pooled(list, 'yearNumeric', cpuOf),
        indicatorCpuMs: pooled(list, 'indicator', cpuOf),
        indicatorFirstCpuMs: pooled(list, 'indicator', cpuOf, firstOfEach),
        indicatorCachedCpuMs: pooled(list, 'indicator', cpuOf, later),
        /** ours: one switch to each of the app's indicators after the cycle (the change and criterion maps' first use) */
        everyIndicatorCpuMs: name.startsWith('ours') ? pooled(list, 'indicatorAll', cpuOf) : undefined,
        /** ours: the switch from the pre-reform units to the post-reform ones, until settled */
        vintageSwitchMs: name === 'ours' ? summary(list.map((s) => s.vintageSwitchMs).filter((v): v is number => v !== undefined)) : undefined,
        /** ours: the cycle and that pass together, every first use included */
        allSwitchesCpuMs: name.startsWith('ours') ? summary(list.flatMap((s) => [...(s.indicator ?? []), ...(s.indicatorAll ?? [])].map(cpuOf)), false) : undefined,
        yearStatusToUploadMs: pooled(list, 'yearStatus', uploadOf),
        yearNumericToUploadMs: pooled(list, 'yearNumeric', uploadOf),
        yearStatusCallMs: pooled(list, 'yearStatus', (x) => x.cpuMs),
        yearNumericCallMs: pooled(list, 'yearNumeric', (x) => x.cpuMs),
        deckUpdateMs: pooled(list, 'yearStatus', (x) => x.deckMs),
        nextFrameJsMs: pooled(list, 'yearStatus', (x) => x.renderMs),
        reportedRecolourMs: pooled(list, 'yearStatus', (x) => x.reportedMs ?? NaN),
        /** ours: input until the legend showed the switch (the panel is told after the map's frame) */
        yearStatusPanelMs: name.startsWith('ours') ? pooled(list, 'yearStatus', (x) => x.panelMs ?? NaN) : undefined,
        /** ours: the call and the whole animation frame of the switch (deck.gl, MapLibre, the panel, layout) */
        yearStatusWholeMs: name.startsWith('ours') ? pooled(list, 'yearStatus', (x) => x.cpuMs + (x.wholeFrameMs ?? NaN)) : undefined,
        yearNumericWholeMs: name.startsWith('ours') ? pooled(list, 'yearNumeric', (x) => x.cpuMs + (x.wholeFrameMs ?? NaN)) : undefined,
        indicatorWholeMs: name.startsWith('ours') ? pooled(list, 'indicator', (x) => x.cpuMs + (x.wholeFrameMs ?? NaN)) : undefined,
        indicatorPanelMs: name.startsWith('ours') ? pooled(list, 'indicator', (x) => x.panelMs ?? NaN) : undefined,
        /** Input to the end of the next rendered frame (software rasteriser here: not a user's GPU). */
        yearFrameMs: pooled(list, 'yearStatus', (x) => x.frameMs),
        indicatorFrameMs: pooled(list, 'indicator', (x) => x.frameMs),
      },
      panZoom: pz.length
        ? {
            jumpFrameMs: summary(pz.flatMap((s) => s.panZoom!.steps.map((x) => x.frameMs)), false),
            jumpRasterMs: summary(pz.flatMap((s) => s.panZoom!.steps.map((x) => x.rasterMs)), false),
            jumpIdleMs: summary(pz.flatMap((s) => s.panZoom!.steps.map((x) => x.idleMs)), false),
            animationFrameMs: summary(pz.flatMap((s) => s.panZoom!.frames), false),
          }
        : undefined,
      memory: list[0].memory
        ? {
            jsHeapMB: summary(list.filter((s) => s.memory).map((s) => Number(s.memory!.usedJSHeapSize) / 1e6)),
            jsHeapBothVintagesMB: summary(list.filter((s) => s.memoryBothVintages).map((s) => Number(s.memoryBothVintages!.usedJSHeapSize) / 1e6)),
            duckdbMB: summary(list.filter((s) => s.memory?.duckdbMemoryBytes !== undefined).map((s) => Number(s.memory!.duckdbMemoryBytes) / 1e6)),
            duckdbByTag: list[0].memory.duckdbMemoryByTag,
            duckdbDatabaseSize: list[0].memory.duckdbDatabaseSize,
          }
        : undefined,
      errors: [...new Set(list.flatMap((s) => s.errors))].slice(0, 10),
    };
  }

  // ---- payload ----
  const gz = (path: string) => {
    const bytes = readFileSync(path);
    return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 6 }).byteLength };
  };
  const sum = (files: string[], dir: string) =>
    files.reduce((acc, f) => {
      const s = gz(join(dir, f));
      return { raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip };
    }, { raw: 0, gzip: 0 });
  const fetched = Object.keys(sessions.ours[0]?.payload ?? {});
  results.payload = {
    ours: {
      nationalCommuneLayer: {
        'geom_communes.bin': gz(join(generated, 'geom_communes.bin')),
        'geom_communes.overview.bin': existsSync(join(generated, 'geom_communes.overview.bin')) ? gz(join(generated, 'geom_communes.overview.bin')) : null,
        'geom_communes.arrow': gz(join(generated, 'geom_communes.arrow')),
      },
      boundaryFilesFetched: { files: fetched.filter((f) => f.startsWith('geom_')), ...sum(fetched.filter((f) => f.startsWith('geom_')), generated) },
      allAssetsFetched: { files: fetched.length, ...sum(fetched, generated) },
    },
    baseline: only.has('baseline') || only.has('match')
      ? { 'communes.geojson': gz(join(server.dataDir, 'communes.geojson')), 'programme.json': gz(join(server.dataDir, 'programme.json')) }
      : undefined,
  };

  // ---- scale and import ----
  const scaleFiles = only.has('scale') ? writeScaleData(server.dataDir, units, scales) : [];
  const sizes = only.has('import') ? importSizes : [];
  const csv = sizes.length ? writeImportData(server.dataDir, units, sizes) : {};
  if (scaleFiles.length || sizes.length) {
    const g = await growthSession(server.baseUrl, scaleFiles, sizes, Math.max(3, runs), log);
    results.scale = g.scale;
    results.importBrowser = g.import;
    if (g.errors.length) results.scaleErrors = g.errors.slice(0, 10);
  }
  if (sizes.length) {
    // The app's own path, end to end (worker, DuckDB, IndexedDB, recolour), when the app exposes the hook.
    const app = await appImportSession(server.baseUrl, sizes, 2);
    results.importApp = app
      ? sizes.map((n) => ({ rows: n, totalMs: summary(app.filter((x) => x.rows === n).map((x) => x.totalMs), false), samples: app.filter((x) => x.rows === n) }))
      : 'window.ntmAtlas.importBytes(name, bytes) is missing: the end-to-end import in the app is not measured';
    // The same pipeline in Node (no browser), for comparison.
    const { importTable, buildUnitIndex } = await import('../../src/import/index.ts');
    const index = buildUnitIndex(units);
    results.importNode = [];
    for (const n of sizes) {
      const times: number[] = [];
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        const r = await importTable({ name: `import_${n}.csv`, bytes: csv[n] }, { units: index, currentYear: 2025 });
        times.push(performance.now() - t0);
        if (!r.ok) log(`node import ${n}: not ok`);
      }
      (results.importNode as unknown[]).push({ rows: n, importTableMs: summary(times, false) });
    }
  }
  // ---- exports: the sponsor report, composed A3 PDFs, a 2x PNG ----
  if (only.has('exports')) results.exports = await exportsSession(server.baseUrl, Math.max(3, runs), log);
  // ---- level of detail x MSAA, the app's commune layer alone ----
  if (only.has('lod')) {
    const lod: Record<string, unknown> = {};
    const configs = [['full', true], ['overview', true], ['full', false], ['overview', false]] as const;
    for (const [level, aa] of configs) {
      const key = `${level}${aa ? '+msaa' : ''}`;
      log(`commune layer: ${key}`);
      const samples: RasterResult[] = [];
      for (let i = 0; i < Math.max(2, Math.ceil(runs / 2)); i++) samples.push(await rasterSession(server.baseUrl, level, aa));
      lod[key] = {
        vertices: samples[0].vertices,
        triangles: samples[0].triangles,
        bytes: samples[0].bytes,
        decodeMs: summary(samples.map((x) => x.decodeMs)),
        firstFrameMs: summary(samples.map((x) => x.firstFrameMs)),
        frameMs: summary(samples.flatMap((x) => x.frames), false),
        /** writing the per-vertex colours (paint) and deck.gl's attribute upload */
        colourUpdateMs: summary(samples.flatMap((x) => x.recolour.map((r) => r.paintMs + r.deckMs)), false),
      };
    }
    results.lod = lod;
  }
} finally {
  await server.close();
}

const machine = { cores: cpus().length, cpu: cpus()[0]?.model, memGB: Math.round(totalmem() / 1e9), loadavgStart: load0, loadavgEnd: loadavg(), minutes: Math.round((Date.now() - started) / 6000) / 10 };
const output = { machine, runs, switchesPerKind: switches, results };
if (Math.max(...machine.loadavgStart, ...machine.loadavgEnd) > machine.cores) {
  log(`WARNING: load average ${machine.loadavgStart[0].toFixed(1)} -> ${machine.loadavgEnd[0].toFixed(1)} on ${machine.cores} cores: other work competed with the browser; absolute timings are inflated`);
}
console.log(JSON.stringify(output, null, 2));
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(output, null, 2));
console.log('\n' + summaryTable(results));

function summaryTable(res: Record<string, any>): string {
  const o = res.ours, b = res.baseline, m = res.match, w = res.warm, off = res.offline;
  const rows: Row[] = [];
  const add = (metric: string, ours: Summary | undefined, base: Summary | undefined, target: string, ok?: boolean) =>
    rows.push({ metric, ours: medP95(ours), baseline: medP95(base), ratio: ratio(ours?.median, base?.median), target, met: ok === undefined ? '' : ok ? 'yes' : 'NO' });
  if (o || b) {
    add('cold: data-ready ms (med/p95)', o?.coldLoad.dataReadyMs, b?.coldLoad.dataReadyMs, '<= 1500 med; 3x base', o && o.coldLoad.dataReadyMs.median <= 1500);
    add('cold: first frame ms', o?.coldLoad.firstFrameMs, b?.coldLoad.firstFrameMs, '');
    const coloured = o?.coldLoad.firstColouredFrameMs, baseColoured = b?.coldLoad.firstColouredFrameMs;
    add('cold: first coloured frame ms', coloured, baseColoured, '<= 1500 med; 2x base',
      coloured && coloured.median <= 1500 && (!baseColoured || baseColoured.median >= 2 * coloured.median));
    add('  of which: precomputed colours drawn', o?.coldLoad.precomputedColoursMs, undefined, '');
    // the switches below start once this is done (Atlas.settled): the classes of every indicator read ahead
    add('  classes of every indicator prepared (idle)', o?.coldLoad.classesPreparedMs, undefined, '');
    // the post-reform units (issue 12): the 'baseline' column holds the pre-reform figure, the ratio is post/pre
    const pr = res.oursPostReform;
    const within = (x: Summary | undefined, y: Summary | undefined, k: 'median' | 'p95') => (x && y ? x[k] <= 1.1 * y[k] : undefined);
    if (pr && o) {
      add('post-reform units vs pre-reform: first coloured frame', pr.coldLoad.firstColouredFrameMs, coloured, '<= 1.1x pre med', within(pr.coldLoad.firstColouredFrameMs, coloured, 'median'));
      add('post-reform units vs pre-reform: data-ready', pr.coldLoad.dataReadyMs, o.coldLoad.dataReadyMs, '');
      add('post-reform vs pre-reform: switch year (status) CPU', pr.switch.yearStatusCpuMs, o.switch.yearStatusCpuMs, '<= 1.1x pre p95', within(pr.switch.yearStatusCpuMs, o.switch.yearStatusCpuMs, 'p95'));
      add('post-reform vs pre-reform: switch indicator CPU', pr.switch.indicatorCpuMs, o.switch.indicatorCpuMs, '<= 1.1x pre p95', within(pr.switch.indicatorCpuMs, o.switch.indicatorCpuMs, 'p95'));
      add('vintage switch (pre-reform to post-reform), to settled', o.switch.vintageSwitchMs, undefined, '');
    }
    if (w) add(`warm (second visit, ${w.workerInstalled}/${w.of} cached by the worker): first coloured frame`, w.firstColouredFrameMs, baseColoured, '<= 800 med', w.loaded === w.of && w.firstColouredFrameMs.median <= 800);
    if (w) add('  warm: data-ready ms', w.dataReadyMs, undefined, '');
    if (off) add(`offline (second visit, network off; loaded ${off.loaded}/${off.of}): first coloured frame`, off.firstColouredFrameMs, undefined, 'loads; 0 failed requests', off.loaded === off.of && off.failedRequests.length === 0);
    if (off) add('  offline: data-ready ms', off.dataReadyMs, undefined, '');
    add('switch year (status): CPU to next frame', o?.switch.yearStatusCpuMs, b?.switch.yearStatusCpuMs, '<= 16 p95; 10x base', o && o.switch.yearStatusCpuMs.p95 <= 16);
    add('switch year (numeric, Jenks): CPU', o?.switch.yearNumericCpuMs, b?.switch.yearNumericCpuMs, '<= 16 p95; 10x base', o && o.switch.yearNumericCpuMs.p95 <= 16);
    add('switch indicator (all 20): CPU', o?.switch.indicatorCpuMs, b?.switch.indicatorCpuMs, '<= 16 p95; 10x base', o && o.switch.indicatorCpuMs.p95 <= 16);
    add('  first use (SQL query)', o?.switch.indicatorFirstCpuMs, b?.switch.indicatorFirstCpuMs, '');
    add('  cached', o?.switch.indicatorCachedCpuMs, b?.switch.indicatorCachedCpuMs, '');
    add('switch to every indicator once (8, after the cycle): CPU', o?.switch.everyIndicatorCpuMs, undefined, '<= 16 p95', o?.switch.everyIndicatorCpuMs && o.switch.everyIndicatorCpuMs.p95 <= 16);
    add('every indicator switch, first uses included: CPU', o?.switch.allSwitchesCpuMs, undefined, '<= 16 p95', o?.switch.allSwitchesCpuMs && o.switch.allSwitchesCpuMs.p95 <= 16);
    if (m) {
      add('switch year (status) vs match-expr base', o?.switch.yearStatusCpuMs, m.switch.yearStatusCpuMs, '10x base');
      add('switch year (numeric) vs match-expr base', o?.switch.yearNumericCpuMs, m.switch.yearNumericCpuMs, '10x base');
    }
    add('  breakdown year/status: call ms', o?.switch.yearStatusCallMs, b?.switch.yearStatusCallMs, '');
    add('  deck.gl attribute update ms', o?.switch.deckUpdateMs, undefined, '');
    add('  next frame JS ms', o?.switch.nextFrameJsMs, b?.switch.nextFrameJsMs, '');
    add('  ours: input to colours uploaded', o?.switch.yearStatusToUploadMs, undefined, '');
    add('switch: input to frame JS done ms', o?.switch.yearFrameMs, b?.switch.yearFrameMs, '');
    add('  ours: input to legend updated (year, status)', o?.switch.yearStatusPanelMs, undefined, '');
    add('ours, whole switch frame (call + deck.gl + MapLibre + panel + layout): year (status)', o?.switch.yearStatusWholeMs, m?.switch.yearStatusCpuMs, '<= 16 p95; 10x match', o?.switch.yearStatusWholeMs && o.switch.yearStatusWholeMs.p95 <= 16);
    add('  year (numeric)', o?.switch.yearNumericWholeMs, m?.switch.yearNumericCpuMs, '<= 16 p95; 10x match', o?.switch.yearNumericWholeMs && o.switch.yearNumericWholeMs.p95 <= 16);
    add('  indicator', o?.switch.indicatorWholeMs, undefined, '<= 16 p95', o?.switch.indicatorWholeMs && o.switch.indicatorWholeMs.p95 <= 16);
    add('  ours: input to legend updated (indicator)', o?.switch.indicatorPanelMs, undefined, '');
    add('pan/zoom: jump, frame JS ms', o?.panZoom?.jumpFrameMs, b?.panZoom?.jumpFrameMs, '');
    add('pan/zoom: jump, drawn (software GL) ms', o?.panZoom?.jumpRasterMs, b?.panZoom?.jumpRasterMs, '');
    add('pan/zoom: jump to idle ms', o?.panZoom?.jumpIdleMs, b?.panZoom?.jumpIdleMs, '');
    add('pan/zoom: animation frame ms', o?.panZoom?.animationFrameMs, b?.panZoom?.animationFrameMs, '');
    add('JS heap after load MB', o?.memory?.jsHeapMB, b?.memory?.jsHeapMB, '<= 150', o?.memory && o.memory.jsHeapMB.median <= 150);
    const both = o?.memory?.jsHeapBothVintagesMB;
    if (both && both.n > 0) add('JS heap, both vintages loaded MB', both, undefined, '<= 150', both.median <= 150);
    if (w) add('JS heap after a warm load MB', w.jsHeapMB, undefined, '<= 150', w.jsHeapMB.n > 0 && w.jsHeapMB.median <= 150);
    add('DuckDB memory after load MB', o?.memory?.duckdbMB, undefined, '');
  }
  const p = res.payload;
  if (p?.ours) {
    const c = p.ours.nationalCommuneLayer;
    const base = p.baseline?.['communes.geojson'];
    rows.push({ metric: 'boundary payload: geom_communes.bin raw', ours: mb(c['geom_communes.bin'].raw), baseline: base ? mb(base.raw) : '-', ratio: base ? ratio(c['geom_communes.bin'].raw, base.raw) : '-', target: '', met: '' });
    rows.push({ metric: '  gzip', ours: mb(c['geom_communes.bin'].gzip), baseline: base ? mb(base.gzip) : '-', ratio: base ? ratio(c['geom_communes.bin'].gzip, base.gzip) : '-', target: '<= 1.5 MB', met: c['geom_communes.bin'].gzip <= 1.5e6 ? 'yes' : 'NO' });
    const ov = c['geom_communes.overview.bin'];
    if (ov) rows.push({ metric: '  overview LOD (small zooms) raw / gzip', ours: `${mb(ov.raw)} / ${mb(ov.gzip)}`, baseline: '', ratio: '', target: '<= 1.5 MB', met: ov.gzip <= 1.5e6 ? 'yes' : 'NO' });
    rows.push({ metric: '  + geom_communes.arrow gzip', ours: mb(c['geom_communes.bin'].gzip + c['geom_communes.arrow'].gzip), baseline: '', ratio: '', target: '<= 1.5 MB', met: c['geom_communes.bin'].gzip + c['geom_communes.arrow'].gzip <= 1.5e6 ? 'yes' : 'NO' });
    rows.push({ metric: 'all boundary files fetched, gzip', ours: mb(p.ours.boundaryFilesFetched.gzip), baseline: '', ratio: '', target: '', met: '' });
    rows.push({ metric: 'all assets fetched (national), gzip', ours: mb(p.ours.allAssetsFetched.gzip), baseline: p.baseline ? mb(p.baseline['communes.geojson'].gzip + p.baseline['programme.json'].gzip) : '-', ratio: '', target: '', met: '' });
  }
  for (const i of res.importBrowser ?? []) {
    rows.push({ metric: `import ${i.rows} rows, browser: total ms`, ours: medP95(i.totalMs), baseline: '', ratio: '', target: i.rows >= 100_000 ? '<= 2000' : '', met: i.rows >= 100_000 ? (i.totalMs.median <= 2000 ? 'yes' : 'NO') : '' });
    rows.push({ metric: `  importTable() / to Arrow / insert / merge`, ours: `${Math.round(i.importTableMs.median)} / ${Math.round(i.toArrowMs.median)} / ${Math.round(i.insertMs.median)} / ${Math.round(i.mergeMs.median)}`, baseline: '', ratio: '', target: '', met: '' });
  }
  if (Array.isArray(res.importApp)) {
    for (const i of res.importApp) rows.push({ metric: `import ${i.rows} rows, in the app end to end ms`, ours: medP95(i.totalMs), baseline: '', ratio: '', target: i.rows >= 100_000 ? '<= 2000' : '', met: i.rows >= 100_000 ? (i.totalMs.median <= 2000 ? 'yes' : 'NO') : '' });
  } else if (res.importApp) rows.push({ metric: 'import in the app end to end', ours: 'hook missing', baseline: '', ratio: '', target: '<= 2000', met: '?' });
  for (const i of res.importNode ?? []) rows.push({ metric: `import ${i.rows} rows, Node importTable() ms`, ours: medP95(i.importTableMs), baseline: '', ratio: '', target: '', met: '' });
  if (res.lod) {
    for (const [k, v] of Object.entries(res.lod as Record<string, any>)) {
      rows.push({ metric: `commune layer ${k} (${v.triangles} tris): frame drawn ms`, ours: medP95(v.frameMs), baseline: '', ratio: '', target: '', met: '' });
      rows.push({ metric: `  colour update ms`, ours: medP95(v.colourUpdateMs), baseline: '', ratio: '', target: '', met: '' });
      const full = k.startsWith('full');
      rows.push({ metric: `  decode, cold (first call) ms`, ours: medP95(v.decodeMs), baseline: '', ratio: '', target: full ? '< 50' : '', met: full ? (v.decodeMs.median < 50 ? 'yes' : 'NO') : '' });
    }
  }
  rows.push(...exportRows(res.exports));
  let out = table(rows);
  if (res.scale?.length) {
    const s = res.scale as any[];
    const base = s[0];
    const lines = ['scale | rows x indicators (values) | Arrow MB | insert ms | matrix query ms | year switch JS ms | one-year query ms | heap MB | DuckDB MB | growth (insert, query, switch) vs 1x'];
    for (const x of s) {
      const g = (a: number, b0: number) => (b0 > 0 ? (a / b0).toFixed(1) : '-');
      lines.push(
        `${x.scale}x | ${x.rows} x ${x.values / x.rows} (${(x.values / 1e6).toFixed(1)}M) | ${x.factMB} | ${x.insertMs} | ${medP95(x.matrixQueryMs)} | ${medP95(x.yearSwitchJsMs)} | ${medP95(x.yearQueryMs)} | ${x.heapAfterMB} | ${x.duckdbMB} | ${g(x.insertMs, base.insertMs)}x, ${g(x.matrixQueryMs.median, base.matrixQueryMs.median)}x, ${g(x.yearSwitchJsMs.median, base.yearSwitchJsMs.median)}x`,
      );
    }
    out += '\n\n' + lines.join('\n');
  }
  return out;
}
