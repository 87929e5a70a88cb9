// A file read before the other vintage's unit list is in (it loads in the background after start-up) waits for it,
// saying so, instead of refusing the rows that need it; a failed load leaves the list out and the next read tries
// again; a read stopped while it waits is cancelled.
import { describe, expect, test } from 'vitest';
import type { Unit, UnitVintage } from '../../../src/import/index.ts';
import type { ImportPhase } from '../../../src/import/progress.ts';
import { CandidateLists } from '../../../src/import/service/candidate-lists.ts';
import { ImportCancelled } from '../../../src/import/service/worker-failure.ts';
import type { Vintage } from '../../../src/common/vintage.ts';

const unit = (commune_code: string): Unit => ({ commune_code, commune_name: 'Xã Cam Lộ', commune_type: 'Xã', district_code: '', district_name: '', province_code: '44', province_name: 'Tỉnh Quảng Trị' });

/** A load the test finishes by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function lists() {
  const handed: [UnitVintage, string[]][] = [];
  const asked: Vintage[] = [];
  const c = new CandidateLists((v, units) => handed.push([v, units.map((u) => u.commune_code)]));
  return { c, handed, asked };
}

describe('the other vintage’s unit list before a read', () => {
  test('a read while the post-reform list loads waits for it, says so, and hands it on before reading', async () => {
    const { c, handed, asked } = lists();
    const load = deferred<Unit[]>();
    c.loadWith((v) => (asked.push(v), load.promise));
    const steps: ImportPhase[] = [];
    let done = false;
    const ready = c.ready('2024', { step: (p) => steps.push(p) }).then(() => (done = true));
    await Promise.resolve();
    expect(asked).toEqual(['2025-07']);
    expect(steps).toEqual(['units']);
    expect(done).toBe(false);
    load.resolve([unit('19597')]);
    await ready;
    expect(handed).toEqual([['from2025', ['19597']]]);
    // in now: the next read does not wait or ask again
    await c.ready('2024', { step: (p) => steps.push(p) });
    expect(asked).toHaveLength(1);
    expect(steps).toEqual(['units']);
  });

  test('on the post-reform units the pre-reform list is the one waited for', async () => {
    const { c, asked } = lists();
    c.loadWith(async (v) => (asked.push(v), [unit('19597')]));
    await c.ready('2025-07');
    expect(asked).toEqual(['2024']);
    expect([...c.entries()].map(([v]) => v)).toEqual(['before2025']);
  });

  test('a list already handed over, or no loader: nothing to wait for', async () => {
    const { c, asked } = lists();
    const steps: ImportPhase[] = [];
    await c.ready('2024', { step: (p) => steps.push(p) });
    c.set('from2025', [unit('19597')]);
    c.loadWith(async (v) => (asked.push(v), []));
    await c.ready('2024', { step: (p) => steps.push(p) });
    expect(steps).toEqual([]);
    expect(asked).toEqual([]);
  });

  test('a failed load lets the read go on without it, and the next read tries again', async () => {
    const { c, handed } = lists();
    let calls = 0;
    c.loadWith(async () => {
      if (++calls === 1) throw new Error('fetch failed');
      return [unit('19597')];
    });
    await expect(c.ready('2024')).resolves.toBeUndefined();
    expect(handed).toEqual([]);
    await c.ready('2024');
    expect(calls).toBe(2);
    expect(handed).toEqual([['from2025', ['19597']]]);
  });

  test('a read stopped while it waits is cancelled; the list still comes in for the next one', async () => {
    const { c, handed } = lists();
    const load = deferred<Unit[]>();
    c.loadWith(() => load.promise);
    const stop = new AbortController();
    const ready = c.ready('2024', { signal: stop.signal });
    stop.abort();
    await expect(ready).rejects.toBeInstanceOf(ImportCancelled);
    const again = c.ready('2024');
    load.resolve([unit('19597')]);
    await again;
    expect(handed).toEqual([['from2025', ['19597']]]);
    // already stopped before the read: cancelled at once
    const stopped = new AbortController();
    stopped.abort();
    const fresh = lists();
    fresh.c.loadWith(() => new Promise<Unit[]>(() => undefined));
    await expect(fresh.c.ready('2024', { signal: stopped.signal })).rejects.toBeInstanceOf(ImportCancelled);
  });
});
