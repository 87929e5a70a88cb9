// npm run bench: drives Debian Chromium against the production build on 127.0.0.1 and prints JSON.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { preview } from 'vite';
import { openBrowser } from '../browser/harness';
import { summary } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const server = await preview({ preview: { host: '127.0.0.1', port: 4500, strictPort: false }, logLevel: 'warn' });
const baseUrl = server.resolvedUrls!.local[0];

interface ColdLoad {
  dataReady: number;
  firstFrame: number;
  firstColouredFrame: number;
  payload: Record<string, number>;
}

async function coldLoad(path: string): Promise<ColdLoad> {
  const s = await openBrowser(baseUrl);
  try {
    await s.page.goto(new URL(path, baseUrl).href);
    await s.page.waitForFunction(() => (window as any).ntmAtlas !== undefined);
    return await s.page.evaluate(async () => {
      const api = (window as any).ntmAtlas;
      await api.ready;
      await api.settled();
      return { ...api.timings(), payload: api.payload() };
    });
  } finally {
    await s.close();
  }
}

function payloadFigures(payload: Record<string, number>) {
  const files = Object.keys(payload).filter((f) => f.startsWith('geom_'));
  let raw = 0, gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join('dist', 'generated', f));
    raw += bytes.byteLength;
    gzip += gzipSync(bytes, { level: 6 }).byteLength;
  }
  return { files, raw, gzip };
}

const scenarios: Record<string, string> = { quangTri: '', national: '?province=all' };
const results: Record<string, unknown> = {};
for (const [name, path] of Object.entries(scenarios)) {
  const loads: ColdLoad[] = [];
  for (let i = 0; i < runs; i++) loads.push(await coldLoad(path));
  results[name] = {
    dataReadyMs: summary(loads.map((l) => l.dataReady)),
    firstFrameMs: summary(loads.map((l) => l.firstFrame)),
    firstColouredFrameMs: summary(loads.map((l) => l.firstColouredFrame)),
    boundaryPayloadBytes: payloadFigures(loads[0].payload),
  };
}
await server.close();
console.log(JSON.stringify({ machine: { cores: (await import('node:os')).cpus().length }, runs, results }, null, 2));
