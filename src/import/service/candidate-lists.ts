// The unit lists a read needs beside the one rows are matched against: a file's province is detected against the
// other vintage's provinces too, and a targets table reads each row's province in the vintage of its target year
// (2026 and later: the post-reform provinces). The app reads the other vintage's list in the background after
// start-up; a file read before it is in waits for it, so no row is ever refused for a list still loading.
import type { Unit, UnitVintage } from '..';
import { otherVintage, type Vintage } from '../../common/vintage';
import { unitVintageOf } from '../types';
import type { ImportTask } from './worker-client';
import { ImportCancelled } from './worker-failure';

/** Resolves as `p` does, or rejects with ImportCancelled as soon as the task is cancelled. */
function untilCancelled<T>(p: Promise<T>, task?: ImportTask): Promise<T> {
  const signal = task?.signal;
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new ImportCancelled());
  return new Promise<T>((resolve, reject) => {
    const cancel = () => reject(new ImportCancelled());
    signal.addEventListener('abort', cancel, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancel));
  });
}

/**
 * Unit lists of either vintage, as candidates of a read. `added` hands each new list on (to the import worker).
 * With a loader (loadWith), a read on one vintage's units first makes sure the other's list is in: read now if
 * no one asked for it yet, joined while it loads. A failed load leaves the list out (the targets reader then says
 * it could not be loaded) and the next read tries again.
 */
export class CandidateLists {
  private lists = new Map<UnitVintage, Unit[]>();
  private load: ((vintage: Vintage) => Promise<Unit[]>) | null = null;

  constructor(private readonly added: (vintage: UnitVintage, units: Unit[]) => void) {}

  set(vintage: UnitVintage, units: Unit[]): void {
    this.lists.set(vintage, units);
    this.added(vintage, units);
  }

  entries(): IterableIterator<[UnitVintage, Unit[]]> {
    return this.lists.entries();
  }

  /** How a vintage's list is read when a file needs it (the app's cache of each vintage's data: made once). */
  loadWith(load: (vintage: Vintage) => Promise<Unit[]>): void {
    this.load = load;
  }

  /**
   * Before a read on the units of `shown`: the other vintage's list, waited for while it loads (the task's step
   * 'units' says so). Rejects only with ImportCancelled, when the task is cancelled meanwhile.
   */
  async ready(shown: Vintage, task?: ImportTask): Promise<void> {
    const other = otherVintage(shown);
    const key = unitVintageOf(other);
    if (this.lists.has(key) || !this.load) return;
    task?.step?.('units');
    let units: Unit[];
    try {
      units = await untilCancelled(this.load(other), task);
    } catch (e) {
      if (e instanceof ImportCancelled) throw e;
      return; // read without it: the rows that need it are refused, saying the list could not be loaded
    }
    if (!this.lists.has(key)) this.set(key, units);
  }
}
