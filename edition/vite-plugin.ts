/**
 * The edition in Vite's build (and dev server): when an edition is asked for (edition/config.ts), its files are
 * read and reported before anything is bundled; a row waiting for a choice stops the build. The edition's assets
 * are emitted into the build's own generated/ folder (never into public/, so another build or checkout is never
 * affected) and its manifest goes into index.html as a JSON data block, which the app reads before any request.
 * This file is part of Vite's config, which Vite bundles: the pipeline (./run.ts and the app's src/import) is
 * loaded only when a build starts, through tsx, as the other build steps run.
 */
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { tsImport } from 'tsx/esm/api';

type Run = typeof import('./run');
type Built = NonNullable<Awaited<ReturnType<Run['runEdition']>>>;

/** JSON inside a <script> element: "<" escaped so that no text of a file can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function editionPlugin(): Plugin {
  let config: ResolvedConfig;
  let run: Run;
  let built: Built | null = null;
  return {
    name: 'ntm-edition',
    // the unit tests share this config file: they never build an edition
    apply: () => !process.env.VITEST,
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      try {
        run = (await tsImport('./run.ts', import.meta.url)) as Run;
        built = await run.runEdition(config.root, join(config.publicDir, 'generated'));
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
      if (!built || config.command !== 'build') return;
      for (const [name, bytes] of built.assets) this.emitFile({ type: 'asset', fileName: `generated/${name}`, source: bytes });
    },
    transformIndexHtml() {
      if (!built) return [];
      return [{ tag: 'script', attrs: { type: 'application/json', id: run.EDITION_ELEMENT_ID }, children: scriptJson(built.manifest), injectTo: 'head' }];
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const prefix = `${config.base}generated/`;
        const bytes = path.startsWith(prefix) ? built?.assets.get(decodeURIComponent(path.slice(prefix.length))) : undefined;
        if (!bytes) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(Buffer.from(bytes));
      });
    },
  };
}
