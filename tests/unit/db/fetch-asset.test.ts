import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fetchAsset, fetchAssetOnce } from '../../../src/db/fetch-asset';
import { assetsSharedWithMap, coreAssets } from '../../../src/db/load';

let calls: string[];
beforeEach(() => {
  calls = [];
  vi.stubGlobal('document', { baseURI: 'http://127.0.0.1/' });
  vi.stubGlobal('fetch', async (url: URL) => {
    calls.push(url.pathname);
    return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'application/octet-stream' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('fetchAsset', () => {
  test('readers of an asset share one download', async () => {
    const [a, b] = await Promise.all([fetchAsset('shared.arrow'), fetchAsset('shared.arrow')]);
    expect(a).toBe(b);
    expect(await fetchAsset('shared.arrow')).toBe(a);
    expect(calls).toEqual(['/generated/shared.arrow']);
  });

  test('a read for the engine lets the bytes go: a later reader downloads again', async () => {
    const early = fetchAsset('engine-only.arrow'); // boot's prefetch
    const once = await fetchAssetOnce('engine-only.arrow');
    expect(once).toBe(await early);
    expect(Array.from(await fetchAsset('engine-only.arrow'))).toEqual([1, 2, 3]);
    expect(calls).toEqual(['/generated/engine-only.arrow', '/generated/engine-only.arrow']);
  });

  test('the layers the map reads are kept for it; the NTM series is the engine’s only', () => {
    expect(assetsSharedWithMap.has('geom_communes.arrow')).toBe(true);
    const series = coreAssets.find((a) => a.includes('commune_year'))!;
    expect(assetsSharedWithMap.has(series)).toBe(false);
  });
});
