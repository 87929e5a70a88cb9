// Serves a private snapshot of the production build (dist/) for the benchmark, plus /bench-data/ from a temp folder.
// The snapshot keeps a concurrent `vite build` (tests, other sessions) from emptying dist/ under a running benchmark;
// the bench pages (vite.bench.config.ts, never part of the app's build) are built into it.
import { cpSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build, preview, type Plugin } from 'vite';
import { benchPages } from '../../vite.bench.config.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface BenchServer {
  baseUrl: string;
  /** Folder served as /bench-data/ (synthetic tables, baseline GeoJSON/JSON). */
  dataDir: string;
  distDir: string;
  close(): Promise<void>;
}

const mime: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.csv': 'text/csv; charset=utf-8',
  '.bin': 'application/octet-stream',
};

function benchData(dir: string): Plugin {
  return {
    name: 'ntm-bench-data',
    configurePreviewServer(server) {
      server.middlewares.use('/bench-data', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
        const path = join(dir, name);
        if (name.includes('..') || !existsSync(path) || !statSync(path).isFile()) return next();
        res.setHeader('Content-Type', mime[extname(path)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(path).size));
        res.setHeader('Cache-Control', 'no-store');
        createReadStream(path).pipe(res);
      });
    },
  };
}

/** Copies dist/ and builds the bench pages (from this tree) into the copy. */
export async function snapshotBuild(log: (s: string) => void): Promise<string> {
  // BENCH_DIST: benchmark another build (e.g. a branch built elsewhere) with the same pages and scenarios
  const dist = resolve(process.env.BENCH_DIST ?? resolve(repoRoot, 'dist'));
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run "npx vite build" first`);
  const snapshot = mkdtempSync(join(tmpdir(), 'ntm-bench-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  log(`building the bench pages (${Object.keys(benchPages).join(', ')}) into the snapshot`);
  await build({
    root: repoRoot,
    configFile: resolve(repoRoot, 'vite.bench.config.ts'),
    logLevel: 'warn',
    build: { outDir: snapshot },
  });
  const missing = Object.values(benchPages).filter((page) => !existsSync(join(snapshot, page)));
  if (missing.length > 0) throw new Error(`bench build did not write ${missing.join(', ')}`);
  return snapshot;
}

export async function startServer(log: (s: string) => void): Promise<BenchServer> {
  const distDir = await snapshotBuild(log);
  const dataDir = mkdtempSync(join(tmpdir(), 'ntm-bench-data-'));
  const server = await preview({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 4500, strictPort: false },
    plugins: [benchData(dataDir)],
  });
  const baseUrl = server.resolvedUrls!.local[0];
  return {
    baseUrl,
    dataDir,
    distDir,
    async close() {
      await server.close();
      rmSync(distDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
