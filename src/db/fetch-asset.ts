const pending = new Map<string, Promise<Uint8Array>>();

/** Bytes fetched so far, for the benchmark's payload figures. */
export const fetchedBytes = new Map<string, number>();

/**
 * Fetches a built asset from our own origin (/generated/...), once: the JS side (drawing before DuckDB is up)
 * and DuckDB share the bytes. Errors name the file and the HTTP status.
 */
export function fetchAsset(name: string): Promise<Uint8Array> {
  let p = pending.get(name);
  if (!p) {
    p = (async () => {
      const response = await fetch(new URL(`generated/${name}`, document.baseURI));
      // A static server answers a missing file with the app's index.html: treat that as missing too.
      const html = (response.headers.get('content-type') ?? '').includes('text/html');
      if (!response.ok || html) throw new Error(`${name}: ${html ? 'not found' : `HTTP ${response.status}`} — run "npm run geo" to build the data assets`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      fetchedBytes.set(name, bytes.byteLength);
      return bytes;
    })();
    pending.set(name, p);
  }
  return p;
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
