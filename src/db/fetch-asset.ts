import { keptUnlessFailed } from '../common/kept-unless-failed';

const pending = new Map<string, Promise<Uint8Array>>();

/** Bytes fetched so far, for the benchmark's payload figures. */
export const fetchedBytes = new Map<string, number>();

/**
 * Why a built asset could not be had: `offline` (no network and not in the worker's offline copy), `network`
 * (the server did not answer), `missing` (not on the server: the assets were not built) or `http` (an error status).
 */
export type AssetFailure = 'offline' | 'network' | 'missing' | 'http';

/** A built asset that could not be fetched; the app says which and what to do (src/app/load-error.ts). */
export class AssetUnavailableError extends Error {
  constructor(
    readonly asset: string,
    readonly failure: AssetFailure,
    readonly status?: number,
  ) {
    const why = { offline: 'offline, and not in the offline copy', network: 'the server did not answer', missing: 'not found — run "npm run assets" to build the data assets', http: `HTTP ${status}` };
    super(`${asset}: ${why[failure]}`);
    this.name = 'AssetUnavailableError';
  }
}

/**
 * Fetches a built asset from our own origin (/generated/...), once: the JS side (drawing before DuckDB is up)
 * and DuckDB share the bytes. A failed fetch is not kept (the next reader tries again) and throws an
 * AssetUnavailableError naming the file and why.
 */
export function fetchAsset(name: string): Promise<Uint8Array> {
  return keptUnlessFailed(pending, name, async () => {
    let response: Response;
    try {
      response = await fetch(new URL(`generated/${name}`, document.baseURI));
    } catch {
      // fetch rejects only when no answer came: with the network off, the worker had no copy to answer with
      throw new AssetUnavailableError(name, typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'network');
    }
    // A static server answers a missing file with the app's index.html: treat that as missing too.
    const html = (response.headers.get('content-type') ?? '').includes('text/html');
    if (html || response.status === 404) throw new AssetUnavailableError(name, 'missing');
    if (!response.ok) throw new AssetUnavailableError(name, 'http', response.status);
    const bytes = new Uint8Array(await response.arrayBuffer());
    fetchedBytes.set(name, bytes.byteLength);
    return bytes;
  });
}

/**
 * Fetches an asset for a reader that needs it once, DuckDB's table loads (the engine keeps its own copy): the
 * shared bytes are then let go, not held for the page's life (about 7 MB of tables at national scale). A reader
 * that comes later fetches again, from the browser's cache or the service worker's.
 */
export async function fetchAssetOnce(name: string): Promise<Uint8Array> {
  const bytes = await fetchAsset(name);
  pending.delete(name);
  return bytes;
}
