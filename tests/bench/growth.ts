// Scale and import scenarios on bench/scale.html: the app's DuckDB insert path and matrix query shape at 1x/10x/100x,
// and the import pipeline (src/import) in the browser.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './browser';
import type { ScaleFiles } from './data';
import { indicatorColumn } from './synthetic';
import { summary, type Summary } from './stats';

const inPage = readFileSync(resolve(import.meta.dirname, 'in-page.js'), 'utf8');

export interface ScaleResult {
  scale: number;
  units: number;
  rows: number;
  values: number;
  factMB: number;
  fetchMs: number;
  insertMs: number;
  matrixQueryMs: Summary;
  toArrayMs: Summary;
  yearSwitchJsMs: Summary;
  classifyMs: Summary;
  yearQueryMs: Summary;
  heapAfterMB: number | null;
  duckdbMB: number | null;
}

export interface ImportResultTiming {
  rows: number;
  bytes: number;
  importTableMs: Summary;
  toArrowMs: Summary;
  insertMs: Summary;
  mergeMs: Summary;
  totalMs: Summary;
  accepted: number;
}

type Page = Awaited<ReturnType<typeof launch>>['page'];
const call = <T>(page: Page, expr: string) => page.evaluate(expr) as Promise<T>;

export async function growthSession(
  baseUrl: string,
  scales: ScaleFiles[],
  importSizes: number[],
  repeats: number,
  log: (s: string) => void,
): Promise<{ scale: ScaleResult[]; import: ImportResultTiming[]; errors: string[] }> {
  const b = await launch();
  const page = b.page;
  await page.addInitScript({ content: inPage });
  try {
    await page.goto(new URL('bench/scale.html', baseUrl).href);
    await page.waitForFunction(() => (window as any).benchScale !== undefined, null, { timeout: 60_000 });
    await call(page, `window.benchScale.start()`);
    await call(page, `window.benchScale.loadUnits()`);
    const scale: ScaleResult[] = [];
    for (const s of scales) {
      log(`scale ${s.scale}x: ${s.rows.toLocaleString('en-US')} rows x ${s.indicators} indicators`);
      await call(page, `window.benchScale.insert('syn_units', '/bench-data/syn_units_${s.scale}.arrow')`);
      const ins = await call<{ fetchMs: number; insertMs: number; bytes: number }>(page, `window.benchScale.insert('syn_fact', '/bench-data/syn_fact_${s.scale}.arrow')`);
      const m: { queryMs: number; toArrayMs: number; switch: { totalMs: number; classifyMs: number } }[] = [];
      const yq: number[] = [];
      // one warm-up query per scale (compiles the query path and the JS), not counted
      await call(page, `window.benchScale.matrix('syn_units', 'syn_fact', '${indicatorColumn(s.indicators - 1)}', 9)`);
      for (let i = 0; i < repeats; i++) {
        const col = indicatorColumn((i * 7) % s.indicators);
        m.push(await call(page, `window.benchScale.matrix('syn_units', 'syn_fact', '${col}', ${i % 10})`));
        yq.push((await call<{ ms: number }>(page, `window.benchScale.yearQuery('syn_units', 'syn_fact', '${col}', ${2016 + (i % 10)})`)).ms);
      }
      const mem = await call<{ usedJSHeapSize: number | null; duckdbMemoryBytes?: number }>(
        page,
        `window.__bench.memory(async (q) => (await window.benchScale.sql(q)).rows)`,
      );
      scale.push({
        scale: s.scale,
        units: s.units,
        rows: s.rows,
        values: s.values,
        factMB: Math.round(ins.bytes / 1e5) / 10,
        fetchMs: Math.round(ins.fetchMs),
        insertMs: Math.round(ins.insertMs),
        matrixQueryMs: summary(m.map((x) => x.queryMs), false),
        toArrayMs: summary(m.map((x) => x.toArrayMs), false),
        yearSwitchJsMs: summary(m.map((x) => x.switch.totalMs), false),
        classifyMs: summary(m.map((x) => x.switch.classifyMs), false),
        yearQueryMs: summary(yq, false),
        heapAfterMB: mem.usedJSHeapSize === null ? null : Math.round(mem.usedJSHeapSize / 1e5) / 10,
        duckdbMB: mem.duckdbMemoryBytes === undefined ? null : Math.round(mem.duckdbMemoryBytes / 1e5) / 10,
      });
      await call(page, `window.benchScale.sql('DROP TABLE syn_fact; DROP TABLE syn_units')`);
    }
    const imports: ImportResultTiming[] = [];
    for (const n of importSizes) {
      log(`import ${n.toLocaleString('en-US')} rows in the browser`);
      const samples: Record<string, number>[] = [];
      const reps = n >= 100_000 ? Math.max(2, Math.ceil(repeats / 2)) : repeats;
      for (let i = 0; i < reps; i++) samples.push(await call(page, `window.benchScale.importCsv('/bench-data/import_${n}.csv')`));
      const pick = (k: string) => summary(samples.map((x) => x[k]), false);
      imports.push({
        rows: n,
        bytes: samples[0].bytes,
        accepted: samples[0].accepted,
        importTableMs: pick('importTableMs'),
        toArrowMs: pick('toArrowMs'),
        insertMs: pick('insertMs'),
        mergeMs: pick('mergeMs'),
        totalMs: pick('totalMs'),
      });
    }
    return { scale, import: imports, errors: b.errors };
  } finally {
    await b.close();
  }
}
