import { describe, expect, test } from 'vitest';
import { InFlight } from '../../../src/app/in-flight';

/** A promise the test settles by hand. */
function held<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('InFlight: settled() waits for the changes asked for', () => {
  test('done() resolves only once every tracked change has finished, failed ones and those started meanwhile included', async () => {
    const inFlight = new InFlight();
    const first = held();
    const second = held();
    void inFlight.track(first.promise);
    let done = false;
    void inFlight.done().then(() => (done = true));
    inFlight.track(second.promise).catch(() => undefined);
    first.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(false);
    second.reject(new Error('the change failed'));
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(true);
    await expect(inFlight.done()).resolves.toBeUndefined();
  });

  test('tracked methods keep their arguments, this and result; calls of the object itself are tracked too', async () => {
    const inFlight = new InFlight();
    const gate = held<string>();
    const target = {
      calls: [] as string[],
      async show(a: string): Promise<string> {
        this.calls.push(a);
        return gate.promise;
      },
      async showTwice(a: string): Promise<string> {
        return this.show(a);
      },
    };
    inFlight.trackMethods(target, ['show']);
    const result = target.showTwice('Quảng Trị');
    let done = false;
    void inFlight.done().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(target.calls).toEqual(['Quảng Trị']);
    expect(done).toBe(false);
    gate.resolve('shown');
    await expect(result).resolves.toBe('shown');
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(true);
  });
});
