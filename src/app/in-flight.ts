/**
 * The changes asked of the app that have not finished: `settled()` waits for them. A change may await a fetch (a
 * province's detail geometry) before it moves the map or starts a query, and until then nothing else shows it.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Each named method of `target` is replaced by one whose promise is tracked (target's own calls included). */
  trackMethods<T extends object>(target: T, names: readonly (keyof T & string)[]): void {
    for (const name of names) {
      const method = target[name] as unknown as (...args: unknown[]) => Promise<unknown>;
      (target as Record<string, unknown>)[name] = (...args: unknown[]) => this.track(method.apply(target, args));
    }
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const finished = () => this.pending.delete(work);
    work.then(finished, finished);
    return work;
  }

  /** Resolves once no tracked change is left, those started meanwhile included (failures are the caller's to see). */
  async done(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
