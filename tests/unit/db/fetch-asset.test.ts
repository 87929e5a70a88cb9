import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AssetUnavailableError, fetchAsset, fetchAssetOnce } from '../../../src/db/fetch-asset';
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

  test('a file that could not be had is named with why, and the next reader asks again', async () => {
    let answer: () => Promise<Response> = () => Promise.reject(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', (url: URL) => {
      calls.push(url.pathname);
      return answer();
    });
    vi.stubGlobal('navigator', { onLine: false });
    const offline = await fetchAsset('geom_communes_2025.bin').catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(AssetUnavailableError);
    expect(offline).toMatchObject({ asset: 'geom_communes_2025.bin', failure: 'offline' });

    vi.stubGlobal('navigator', { onLine: true });
    await expect(fetchAsset('geom_communes_2025.bin')).rejects.toMatchObject({ failure: 'network' });
    answer = async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    await expect(fetchAsset('geom_communes_2025.bin')).rejects.toMatchObject({ failure: 'missing' });
    answer = async () => new Response('busy', { status: 503 });
    await expect(fetchAsset('geom_communes_2025.bin')).rejects.toMatchObject({ failure: 'http', status: 503 });
    answer = async () => new Response(new Uint8Array([7]), { headers: { 'content-type': 'application/octet-stream' } });
    expect(Array.from(await fetchAsset('geom_communes_2025.bin'))).toEqual([7]);
    expect(calls).toHaveLength(5);
  });
});
