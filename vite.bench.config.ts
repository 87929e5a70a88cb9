// The benchmark's own pages (baseline implementation, scale and raster probes), built apart from the app so that the
// production build ships none of them. tests/bench/serve.ts builds them into its private copy of the app's build,
// beside the app and its generated assets, which they load from the same origin.
import { defineConfig, mergeConfig } from 'vite';
import app from './vite.config.ts';

/** Entry name -> page, relative to the repository root; served as /bench/<name>.html. */
export const benchPages = { baseline: 'bench/baseline.html', scale: 'bench/scale.html', raster: 'bench/raster.html' } as const;

// the bench pages get no service worker of their own: the app's (built with the app) stays as it is
const { plugins, ...appConfig } = app;
const withoutWorker = plugins?.flat().filter((p) => !(p && 'name' in p && p.name.startsWith('vite-plugin-pwa')));

export default mergeConfig(
  { ...appConfig, plugins: withoutWorker },
  defineConfig({
    build: {
      rolldownOptions: { input: benchPages },
      // built into a copy of the app's build: keep the app, and public/ is there already
      emptyOutDir: false,
      copyPublicDir: false,
    },
  }),
);
