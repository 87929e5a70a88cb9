import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { editionPlugin } from './edition/vite-plugin.ts';

/**
 * The installable, offline app (src/app/app-update.ts registers the worker): every file of the build is precached
 * with a versioned manifest (a revision per file; Vite's hashed assets are versioned by their names), DuckDB's
 * 34 MB wasm and its worker included, so a returning visit loads from the cache and works without the network.
 * Browsers without WebAssembly exceptions use DuckDB's larger MVP build: cached on first use, not precached.
 * A new version waits for the user's word (registerType 'prompt').
 */
const offlineApp = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'NTM Atlas — Nông thôn mới theo từng xã',
    short_name: 'NTM Atlas',
    lang: 'vi',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f5f8b',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*'],
    // the manifest and its icon are added by the plugin itself
    globIgnores: ['**/duckdb-mvp*.wasm', '**/*.map', 'bench/**', 'manifest.webmanifest', 'favicon.svg'],
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    dontCacheBustURLsMatching: /^assets\//,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/bench(-data)?\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    runtimeCaching: [{ urlPattern: /\/assets\/duckdb-mvp[^/]*\.wasm$/, handler: 'CacheFirst', options: { cacheName: 'duckdb-mvp' } }],
  },
});

/**
 * The app's main chunk is imported by the boot module (src/main.tsx) once that has run; a modulepreload link in the
 * page starts its download and compile (2.4 MB, about 0.3 s on a background thread here) alongside the boot
 * module's, so it is evaluated sooner and the map created sooner. The boot module still runs first.
 */
function preloadAppMain(): Plugin {
  return {
    name: 'ntm-preload-app-main',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.path !== '/index.html') return; // the bench's pages (vite.bench.config.ts)
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app-main.tsx'));
        if (!chunk) throw new Error('preloadAppMain: no chunk for src/app-main.tsx in the bundle');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  // a province edition (edition/config.ts: NTM_EDITION or edition.config.json) is read, reported and shipped with the app
  plugins: [react(), editionPlugin(), offlineApp, preloadAppMain()],
  // relative URLs: the built site (a province edition too) works from any folder of any web server, or a USB stick
  base: './',
  // DuckDB ships its own worker and wasm files, imported with ?url so they are served from our origin.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
    // the app only (index.html); the benchmark's pages have their own build, vite.bench.config.ts
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
