// CPU profile of the atlas's main thread (CDP Profiler), for the load-path and switch analysis in the report.
//   npx tsx tests/bench/profile.ts [load|switch|panzoom] [--out file.cpuprofile]
// Prints the top functions by self time and by total time, grouped by bundle/function, and the app's timings.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './browser';
import { startServer } from './serve';

const mode = process.argv[2] ?? 'load';
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : null;
const path = process.env.PROFILE_PATH ?? '?province=all';
const inPage = readFileSync(resolve(import.meta.dirname, 'in-page.js'), 'utf8');

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[]; hitCount?: number }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export function topFunctions(p: Profile, n = 30) {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const key = (x: Node) => `${x.callFrame.functionName || '(anonymous)'} ${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber + 1}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    selfBy.set(key(byId.get(id)!), (selfBy.get(key(byId.get(id)!)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
  return { self: top(selfBy), total: top(totalBy), wallMs: (p.endTime - p.startTime) / 1000 };
}

const log = (s: string) => process.stderr.write(`[profile] ${s}\n`);
const server = await startServer(log);
const b = await launch();
try {
  await b.page.addInitScript({ content: inPage });
  const cdp = await b.context.newCDPSession(b.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (mode === 'load') await cdp.send('Profiler.start');
  await b.page.goto(new URL(path, server.baseUrl).href);
  await b.page.waitForFunction(() => (window as any).ntmAtlas?.debugMap?.());
  await b.page.evaluate(`(async () => { await window.ntmAtlas.ready; await window.ntmAtlas.settled(); })()`);
  if (mode !== 'load') {
    await b.page.evaluate(`window.__bench.instrumentDeck(window.ntmAtlas.debugMap())`);
    await cdp.send('Profiler.start');
    if (mode === 'switch') {
      const r = await b.page.evaluate(`(async () => { const api = window.ntmAtlas;
        return window.__bench.switches(api.debugMap(), [2023, 2022, 2021, 2020, 2019], async (v) => { await api.setYear(v); return api.state().lastRecolourMs; }, { deck: true }); })()`);
      console.log(JSON.stringify(r));
    } else {
      await b.page.evaluate(`window.__bench.panZoom(window.ntmAtlas.debugMap(), [{center:[105.85,21.03],zoom:7},{center:[105.8,10],zoom:8}], [])`);
    }
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  if (outFile) writeFileSync(outFile, JSON.stringify(profile));
  const t = topFunctions(profile);
  console.log('timings', JSON.stringify(await b.page.evaluate(`window.ntmAtlas.timings()`)));
  console.log(`profile wall ${t.wallMs.toFixed(0)} ms\n-- self --\n${t.self.join('\n')}\n-- total --\n${t.total.join('\n')}`);
} finally {
  await b.close();
  await server.close();
}
