// Serves a private snapshot of the production build (dist/) for the benchmark, plus /bench-data/ from a temp folder.
// The snapshot keeps a concurrent `vite build` (tests, other sessions) from emptying dist/ under a running benchmark.
import { cpSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build, preview, type Plugin } from 'vite';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** The benchmark's own pages (Vite entries, built beside the app: dist/bench/*.html). */
export const benchPages = { baseline: 'bench/baseline.html', scale: 'bench/scale.html', raster: 'bench/raster.html' } as const;

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

/** Copies dist/ and builds the bench pages into the copy when the app build does not include them yet. */
export async function snapshotBuild(log: (s: string) => void): Promise<string> {
  // BENCH_DIST: benchmark another build (e.g. a branch built elsewhere) with the same pages and scenarios
  const dist = resolve(process.env.BENCH_DIST ?? resolve(repoRoot, 'dist'));
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run "npx vite build" first`);
  const snapshot = mkdtempSync(join(tmpdir(), 'ntm-bench-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const missing = Object.entries(benchPages).filter(([, page]) => !existsSync(join(snapshot, page)));
  if (missing.length > 0) {
    log(`bench pages not in dist/ (add them to vite.config.ts build.rollupOptions.input); building ${missing.map(([k]) => k).join(', ')} into the snapshot`);
    await build({
      root: repoRoot,
      logLevel: 'warn',
      build: {
        outDir: snapshot,
        emptyOutDir: false,
        copyPublicDir: false,
        rollupOptions: { input: Object.fromEntries(missing.map(([k, page]) => [k, resolve(repoRoot, page)])) },
      },
    });
  }
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
