// The first module the page runs: DuckDB's worker script and the tables the engine needs first start downloading
// while the rest of the app (React, MapLibre, deck.gl) is still being fetched and parsed. The engine's 34 MB wasm is
// compiled once what the first map waits for is in (the style and the land loaded, the precomputed colours read), or
// at once where no precomputed map is shown: on a 2-core office laptop that compile would take the CPU the first map
// needs (issue 17).
import { startBrowserEngine } from './db/browser-engine';
import { fetchAsset } from './db/fetch-asset';
import { coreAssets } from './db/load';
import { editionCoreAssets, editionOfPage } from './db/edition';
import { firstMapAsset } from './common/first-map';
import { PRE_REFORM, isVintage } from './common/vintage';
import { basemapAssets } from './common/basemap-assets';
import type { SqlEngine } from './db/engine';

/** ms from navigation start: when this module ran, and when the engine answered. */
export const bootTimings: { bootStarted: number; engineStarted?: number } = { bootStarted: performance.now() };
let openEngineGate!: () => void;
const engineGate = new Promise<void>((resolve) => (openEngineGate = resolve));
/** Lets the engine compile its wasm (src/app/start-up.ts: once the first map's inputs are in, or when no first map is shown). */
export function letEngineStart(): void {
  openEngineGate();
}
// a safety net only: whatever happens to the start-up, the engine never waits longer than this
const ENGINE_WAITS_AT_MOST_MS = 5000;
setTimeout(letEngineStart, ENGINE_WAITS_AT_MOST_MS);
export const bootEngine: Promise<SqlEngine> = startBrowserEngine(engineGate).then((engine) => {
  bootTimings.engineStarted = performance.now();
  performance.mark('ntm:engine-started');
  return engine;
});
bootEngine.catch(() => undefined); // reported by the atlas when it awaits it
// the precomputed first map first: it colours the map before the engine is up (src/app/first-map.ts); that of the
// units a link names (?vintage=, src/state/url-state.ts), else the pre-reform one (a remembered choice of the other
// vintage is read with the app, which then fetches that vintage's first map itself); the neighbours' land too, which
// the first coloured frame waits for (src/map/atlas-map.ts)
const linkVintage = new URLSearchParams(window.location.search).get('vintage');
const firstVintage = linkVintage !== null && isVintage(linkVintage) ? linkVintage : PRE_REFORM;
for (const asset of [firstMapAsset(firstVintage), ...Object.values(basemapAssets), ...coreAssets, ...editionCoreAssets(editionOfPage())]) void fetchAsset(asset).catch(() => undefined);
