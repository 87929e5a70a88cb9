// Progress and cancel of an import (issue 14): the reader tells its phases in order, with rows done of all in the
// long ones; the worker client passes the worker's progress on, and a cancelled read ends the worker (it cannot be
// interrupted), fails what it was asked and is replaced by a fresh one at the next call; any other cancelled
// request is only no longer waited for.
import { describe, expect, test } from 'vitest';
import { importTable } from '../../../src/import/index.ts';
import { PROGRESS_REPORTS, rowProgress, throttled, type ImportPhase, type ProgressCount } from '../../../src/import/progress.ts';
import type { WorkerReply, WorkerRequest } from '../../../src/import/service/import-worker.ts';
import { WorkerClient } from '../../../src/import/service/worker-client.ts';
import { ImportCancelled, ImportFailure } from '../../../src/import/service/worker-failure.ts';
import { fixture, focusUnits } from './helpers.ts';

type Heard = { phase: ImportPhase; fraction?: number; count?: ProgressCount };
const listener = () => {
  const heard: Heard[] = [];
  return { heard, progress: (phase: ImportPhase, fraction?: number, count?: ProgressCount) => void heard.push({ phase, fraction, count }) };
};

describe('the reader’s phases', () => {
  test('a loop reports about PROGRESS_REPORTS times, rising from 0, with rows done of all', () => {
    const { heard, progress } = listener();
    const tick = rowProgress(progress, 'match', 1234);
    for (let i = 0; i < 1234; i++) tick(i);
    expect(heard.length).toBeGreaterThanOrEqual(PROGRESS_REPORTS - 1);
    expect(heard.length).toBeLessThanOrEqual(PROGRESS_REPORTS + 1);
    expect(heard[0]).toEqual({ phase: 'match', fraction: 0, count: { done: 0, total: 1234 } });
    const fractions = heard.map((h) => h.fraction!);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeLessThan(1);
    for (const h of heard) expect(h.fraction).toBeCloseTo(h.count!.done / 1234, 12);
    // a few rows: every row reported; none: nothing to divide by
    const few = listener();
    const t3 = rowProgress(few.progress, 'values', 3);
    for (let i = 0; i < 3; i++) t3(i);
    expect(few.heard.map((h) => h.count!.done)).toEqual([0, 1, 2]);
    rowProgress(few.progress, 'values', 0)(0);
    expect(few.heard.at(-1)).toEqual({ phase: 'values', fraction: 0, count: { done: 0, total: 0 } });
  });

  test('reports are passed on at most once per interval, none in the first: a quick read says nothing', () => {
    const { heard, progress } = listener();
    let clock = 1000;
    const say = throttled(progress, 100, () => clock);
    say('decode');
    clock += 99;
    say('header');
    expect(heard).toEqual([]);
    clock += 1;
    say('values', 0.1);
    clock += 50;
    say('values', 0.2);
    clock += 100;
    say('match', 0.5, { done: 5, total: 10 });
    expect(heard).toEqual([{ phase: 'values', fraction: 0.1 }, { phase: 'match', fraction: 0.5, count: { done: 5, total: 10 } }]);
  });

  test.each(['qt_2024_utf8_bom.csv', 'qt_poverty_2023_two_row_header.xlsx'])('%s: decode, header, values, match, validate, in that order', async (name) => {
    const { heard, progress } = listener();
    const r = await importTable(fixture(name), { units: focusUnits(), currentYear: 2025, progress });
    expect(r.ok).toBe(true);
    const phases = heard.map((h) => h.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['decode', 'header', 'values', 'match', 'validate']);
    // matching counts the data rows the report read
    const match = heard.filter((h) => h.phase === 'match');
    expect(match[0].count).toEqual({ done: 0, total: r.report.read });
    // the same result without a listener
    const quiet = await importTable(fixture(name), { units: focusUnits(), currentYear: 2025 });
    expect(quiet.report).toEqual(r.report);
  });
});

/** A worker that records what it is told and answers when the test says. */
class FakeWorker {
  posted: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(m: WorkerRequest) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(reply: WorkerReply) {
    this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
  }
}

function client() {
  const workers: FakeWorker[] = [];
  const c = new WorkerClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    (w) => w.postMessage({ type: 'release', handle: -1 } satisfies WorkerRequest),
  );
  return { c, workers };
}

const read = (id: number): WorkerRequest & { id: number } => ({ type: 'read', id, name: 'f.csv', bytes: new Uint8Array(1), ctx: { currentYear: 2025 } });
const build = (id: number): WorkerRequest & { id: number } => ({ type: 'build', id, handle: 1, table: 'poverty', dataset: 'd' });
const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('the worker client', () => {
  test('the worker’s progress reaches the caller’s task until the answer comes', async () => {
    const { c, workers } = client();
    const { heard, progress } = listener();
    const id = c.id();
    const answer = c.call(read(id), [], { step: progress });
    const w = workers[0];
    expect(w.posted.map((m) => m.type)).toEqual(['release', 'read']); // greeted first
    w.answer({ id, progress: { phase: 'match', fraction: 0.5, count: { done: 5, total: 10 } } });
    w.answer({ id, view: { handle: id } as never, ms: 1 });
    expect(await answer).toMatchObject({ id });
    // progress of a request already answered is dropped
    w.answer({ id, progress: { phase: 'validate' } });
    expect(heard).toEqual([{ phase: 'match', fraction: 0.5, count: { done: 5, total: 10 } }]);
  });

  test('a cancelled read ends the worker and fails what it was asked; the next call starts a fresh one, greeted', async () => {
    const { c, workers } = client();
    const abort = new AbortController();
    const reading = rejection(c.call(read(c.id()), [], { signal: abort.signal }));
    const other = rejection(c.call(build(c.id())));
    abort.abort();
    expect(await reading).toBeInstanceOf(ImportCancelled);
    expect(await other).toBeInstanceOf(ImportCancelled);
    expect(workers[0].terminated).toBe(true);
    const id = c.id();
    const next = c.call(read(id));
    expect(workers).toHaveLength(2);
    expect(workers[1].posted.map((m) => m.type)).toEqual(['release', 'read']);
    workers[1].answer({ id, view: { handle: id } as never, ms: 1 });
    expect(await next).toMatchObject({ id });
    // request ids (a read's is its report's handle) never repeat across workers
    expect(id).toBeGreaterThan(2);
  });

  test('any other cancelled request is only no longer waited for: the worker and its other calls go on', async () => {
    const { c, workers } = client();
    const abort = new AbortController();
    const [a, b] = [c.id(), c.id()];
    const cancelled = rejection(c.call(build(a), [], { signal: abort.signal }));
    const kept = c.call(build(b));
    abort.abort();
    expect(await cancelled).toBeInstanceOf(ImportCancelled);
    expect(workers[0].terminated).toBe(false);
    workers[0].answer({ id: a, error: { key: 'import.workerError.released' } as never }); // the late answer is dropped
    workers[0].answer({ id: b, built: { table: 'poverty' } as never, ms: 1 });
    expect(await kept).toMatchObject({ id: b });
  });

  test('a task cancelled before the call posts nothing; a worker that dies fails every call in words', async () => {
    const { c, workers } = client();
    const abort = new AbortController();
    abort.abort();
    expect(await rejection(c.call(read(c.id()), [], { signal: abort.signal }))).toBeInstanceOf(ImportCancelled);
    expect(workers).toHaveLength(0);
    const pending = [rejection(c.call(read(c.id()))), rejection(c.call(build(c.id())))];
    workers[0].onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
    for (const e of await Promise.all(pending)) {
      expect(e).toBeInstanceOf(ImportFailure);
      expect((e as ImportFailure).reason.key).toBe('import.workerError.crashed');
    }
    expect(workers[0].terminated).toBe(true);
  });
});
