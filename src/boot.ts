// The first module the page runs: DuckDB's worker starts compiling its 34 MB wasm and the tables it needs first
// start downloading while the rest of the app (React, MapLibre, deck.gl) is still being fetched and parsed.
import { startBrowserEngine } from './db/browser-engine';
import { fetchAsset } from './db/fetch-asset';
import { coreAssets } from './db/load';
import { editionCoreAssets, editionOfPage } from './db/edition';
import { firstMapAsset } from './common/first-map';
import { PRE_REFORM } from './common/vintage';
import type { SqlEngine } from './db/engine';

/** ms from navigation start: when this module ran, and when the engine answered. */
export const bootTimings: { bootStarted: number; engineStarted?: number } = { bootStarted: performance.now() };
export const bootEngine: Promise<SqlEngine> = startBrowserEngine().then((engine) => {
  bootTimings.engineStarted = performance.now();
  performance.mark('ntm:engine-started');
  return engine;
});
bootEngine.catch(() => undefined); // reported by the atlas when it awaits it
// the precomputed first map first: it colours the map before the engine is up (src/app/first-map.ts)
for (const asset of [firstMapAsset(PRE_REFORM), ...coreAssets, ...editionCoreAssets(editionOfPage())]) void fetchAsset(asset).catch(() => undefined);
