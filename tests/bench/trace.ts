// Chrome trace of a cold load of the atlas (all processes and threads), summarised per thread: busy time and the
// heaviest event names, in time windows between the app's milestones. For the load-path analysis in the report.
//   npx tsx tests/bench/trace.ts [--out trace.json] ; PROFILE_PATH='?province=all' (default)
import { writeFileSync } from 'node:fs';
import { launch } from './browser';
import { startServer } from './serve';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, any> }

const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : null;
const path = process.env.PROFILE_PATH ?? '?province=all';
const log = (s: string) => process.stderr.write(`[trace] ${s}\n`);

const server = await startServer(log);
const b = await launch();
let events: TraceEvent[];
let timings: Record<string, number>;
let navStart: number;
try {
  const cdp = await b.context.newCDPSession(b.page);
  const chunks: TraceEvent[][] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    chunks.push(e.value as unknown as TraceEvent[]);
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'blink', 'gpu', 'loading', 'netlog', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'],
    },
  } as never);
  await b.page.goto(new URL(path, server.baseUrl).href);
  await b.page.waitForFunction(() => (window as any).ntmAtlas?.debugMap?.());
  await b.page.evaluate(`(async () => { await window.ntmAtlas.ready; await window.ntmAtlas.settled(); })()`);
  timings = (await b.page.evaluate(`window.ntmAtlas.timings()`)) as Record<string, number>;
  // a user-timing mark ties the trace clock to performance.now()
  navStart = (await b.page.evaluate(`(() => { const t = performance.now(); performance.mark('bench-sync'); return t; })()`)) as number;
  await cdp.send('Tracing.end');
  await done;
  events = chunks.flat();
  if (outFile) writeFileSync(outFile, JSON.stringify({ traceEvents: events }));
} finally {
  await b.close();
  await server.close();
}

// thread names
const names = new Map<string, string>();
const procs = new Map<number, string>();
for (const e of events) {
  if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, e.args?.name);
}
// the trace clock vs performance.now(): the 'bench-sync' mark was set at performance.now() = navStart
const mark = events.find((e) => e.name === 'bench-sync');
if (!mark) throw new Error('no bench-sync mark in the trace');
const t0 = mark.ts - navStart * 1000;
const milestones = Object.entries(timings).filter(([k]) => k !== 'lastRecolourMs').sort((a, b) => a[1] - b[1]);
const windows: [string, number, number][] = [];
let prev = 0;
for (const [k, v] of milestones) {
  windows.push([`..${k}`, prev, v]);
  prev = v;
}
console.log('timings', JSON.stringify(timings));

// top-level tasks per thread (RunTask / ThreadControllerImpl::RunTask), and complete events by name
const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask');
const busy = new Map<string, number[]>();
const byName = new Map<string, Map<string, number>>();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  const key = `${e.pid}:${e.tid}`;
  const tMs = (e.ts - t0) / 1000;
  if (isTask(e)) {
    const arr = busy.get(key) ?? new Array(windows.length + 1).fill(0);
    const w = windows.findIndex(([, a, bnd]) => tMs >= a && tMs < bnd);
    arr[w < 0 ? windows.length : w] += e.dur / 1000;
    busy.set(key, arr);
  } else if (e.dur > 1000) {
    const m = byName.get(key) ?? new Map();
    m.set(e.name, (m.get(e.name) ?? 0) + e.dur / 1000);
    byName.set(key, m);
  }
}
const label = (key: string) => `${procs.get(Number(key.split(':')[0])) ?? '?'} / ${names.get(key) ?? key}`;
const rows = [...busy].map(([k, arr]) => ({ k, total: arr.reduce((a, b) => a + b, 0), arr })).filter((r) => r.total > 50).sort((a, b) => b.total - a.total);
console.log(`thread busy ms per window: ${windows.map(([n]) => n).join(' | ')} | after`);
for (const r of rows) console.log(`${label(r.k).padEnd(50)} total ${r.total.toFixed(0).padStart(6)} | ${r.arr.map((x) => x.toFixed(0)).join(' | ')}`);
// frames: the renderer main thread waiting for the GPU process (software compositing reads the WebGL canvas back)
const mainKey = [...names].find(([, v]) => v === 'CrRendererMain')?.[0];
const waits = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.name === 'GLES2::ReadPixels' && (e.dur ?? 0) > 20_000);
console.log(`main thread blocked in ReadPixels (> 20 ms): ${waits.length} times, ${(waits.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000).toFixed(0)} ms: ` +
  waits.map((e) => `@${((e.ts - t0) / 1000).toFixed(0)}+${((e.dur ?? 0) / 1000).toFixed(0)}`).join(' '));
for (const r of rows.slice(0, 6)) {
  const m = byName.get(r.k);
  if (!m) continue;
  console.log(`-- ${label(r.k)}: events > 1 ms by name`);
  for (const [n, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`   ${v.toFixed(0).padStart(7)} ms  ${n}`);
}
