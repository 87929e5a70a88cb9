// npx tsx tests/bench/compare.ts label=dir label=dir ... : national cold loads of several builds, interleaved run by
// run (main, a, b, main, a, b, ...) so that a busy machine slows them alike. BENCH_RUNS (default 5).
// For measuring app-side changes before they land: build a copy of the repo with the change into another folder.
// BENCH_SWITCHES=n (default 0): each run also switches years and indicators n times, as `npm run bench` does, and
// the table adds their CPU (call + deck.gl update + next frame), pooled over the runs.
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { startServer, type BenchServer } from './serve';
import { oursSession, type Session, type SwitchSample } from './scenarios';
import { summary } from './stats';
import { medP95, ratio, table, type Row } from './report';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const switches = Number(process.env.BENCH_SWITCHES ?? 0);
const builds = process.argv.slice(2).map((arg) => {
  const [label, dir] = arg.includes('=') ? arg.split('=') : [arg, arg];
  return { label, dir: resolve(dir) };
});
if (builds.length === 0) {
  console.error('usage: tsx tests/bench/compare.ts label=distDir [label=distDir ...]');
  process.exit(1);
}
const log = (s: string) => process.stderr.write(`[compare] ${s}\n`);
const servers: BenchServer[] = [];
const sessions: Session[][] = builds.map(() => []);
const load0 = loadavg();
try {
  for (const b of builds) {
    process.env.BENCH_DIST = b.dir;
    servers.push(await startServer(log));
  }
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < builds.length; i++) {
      log(`run ${r + 1}/${runs}: ${builds[i].label}`);
      sessions[i].push(await oursSession(servers[i].baseUrl, { switches, panZoom: false, memory: true }));
    }
  }
} finally {
  for (const s of servers) await s.close();
}
/** The same measure as `npm run bench`: input → colours handed over → deck.gl's update → the next frame's JS. */
const cpuOf = (x: SwitchSample) => x.cpuMs + x.deckMs + x.renderMs;
/** The call and the switch's whole animation frame (deck.gl, MapLibre, the panel, layout): see in-page.js. */
const wholeOf = (x: SwitchSample) => x.cpuMs + (x.wholeFrameMs ?? NaN);
const switchKinds = ['yearStatus', 'yearNumeric', 'indicator', 'indicatorAll'] as const;
const keys = ['bootStarted', 'engineStarted', 'coreLoaded', 'unitList', 'dataReady', 'allLoaded', 'firstFrame', 'firstColouredFrame'];
const results = builds.map((b, i) => ({
  label: b.label,
  dir: b.dir,
  ...Object.fromEntries(keys.map((k) => [`${k}Ms`, summary(sessions[i].map((s) => s.timings[k]).filter((v) => v !== undefined))])),
  jsHeapMB: summary(sessions[i].map((s) => Number(s.memory?.usedJSHeapSize) / 1e6)),
  ...(switches > 0 ? Object.fromEntries(switchKinds.map((k) => [`${k}CpuMs`, summary(sessions[i].flatMap((s) => (s[k] ?? []).map(cpuOf)), false)])) : {}),
  ...(switches > 0 ? Object.fromEntries(switchKinds.map((k) => [`${k}WholeMs`, summary(sessions[i].flatMap((s) => (s[k] ?? []).map(wholeOf)), false)])) : {}),
}));
console.log(JSON.stringify({ machine: { cores: cpus().length, loadavgStart: load0, loadavgEnd: loadavg() }, runs, results }, null, 2));
const rows: Row[] = [];
for (const k of [...keys.map((k) => `${k}Ms`), 'jsHeapMB', ...(switches > 0 ? switchKinds.flatMap((k) => [`${k}CpuMs`, `${k}WholeMs`]) : [])]) {
  for (const r of results) {
    const s = (r as unknown as Record<string, ReturnType<typeof summary>>)[k];
    const base = (results[0] as unknown as Record<string, ReturnType<typeof summary>>)[k];
    rows.push({ metric: `${k} ${r.label}`, ours: medP95(s), baseline: r === results[0] ? '' : medP95(base), ratio: r === results[0] ? '' : ratio(s.median, base.median), target: '', met: '' });
  }
}
console.log('\n' + table(rows).replace('| baseline', `| ${results[0].label}`.padEnd(10)));
