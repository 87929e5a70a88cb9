// One load per key, kept while it has not failed: a failed load is tried again by the next caller.
import { describe, expect, it } from 'vitest';
import { keptUnlessFailed } from '../../../src/common/kept-unless-failed';

/** A load whose outcome the test decides, counting the calls. */
function loads() {
  const settle: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const load = () => new Promise<string>((resolve, reject) => settle.push({ resolve, reject }));
  return { load, settle };
}

describe('keptUnlessFailed', () => {
  it('callers of one key share one load, and a loaded value stays', async () => {
    const cache = new Map<string, Promise<string>>();
    const { load, settle } = loads();
    const a = keptUnlessFailed(cache, 'k', load);
    const b = keptUnlessFailed(cache, 'k', load);
    expect(b).toBe(a);
    settle[0].resolve('bytes');
    expect(await a).toBe('bytes');
    expect(await keptUnlessFailed(cache, 'k', load)).toBe('bytes');
    expect(settle).toHaveLength(1);
  });

  it('a failed load is not kept: the next caller loads again, and that load is kept', async () => {
    const cache = new Map<string, Promise<string>>();
    const { load, settle } = loads();
    const failed = keptUnlessFailed(cache, 'k', load);
    settle[0].reject(new Error('offline'));
    await expect(failed).rejects.toThrow('offline');
    const again = keptUnlessFailed(cache, 'k', load);
    expect(again).not.toBe(failed);
    expect(settle).toHaveLength(2);
    settle[1].resolve('bytes');
    expect(await again).toBe('bytes');
    expect(keptUnlessFailed(cache, 'k', load)).toBe(again);
  });

  it('a failure clears only its own entry, never a load put there since', async () => {
    const cache = new Map<string, Promise<string>>();
    const { load, settle } = loads();
    const first = keptUnlessFailed(cache, 'k', load);
    cache.delete('k'); // a reader let go of it (fetchAssetOnce)
    const second = keptUnlessFailed(cache, 'k', load);
    settle[0].reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    expect(cache.get('k')).toBe(second);
  });
});
