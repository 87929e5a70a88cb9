// The import worker as calls that answer: each request waits for its reply, hears the worker's progress on the
// way, and can be cancelled. A worker that dies, or is ended because a read was cancelled, fails what it was asked
// and is replaced by a fresh one at the next call.
import type { ImportProgress } from '..';
import { msg } from '../../i18n/message';
import type { WorkerReply, WorkerRequest } from './import-worker';
import { failureMessage, ImportCancelled, ImportFailure } from './worker-failure';

/**
 * What a long call is told and can be stopped by (the data panel's task): each phase as it goes, and a signal
 * that cancels. A cancelled call rejects with ImportCancelled and leaves the loaded and stored data as they were.
 */
export interface ImportTask {
  signal?: AbortSignal;
  step?: ImportProgress;
}

export const throwIfCancelled = (task?: ImportTask) => {
  if (task?.signal?.aborted) throw new ImportCancelled();
};

type Pending = { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; progress?: ImportProgress };

export class WorkerClient {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;

  /** `create` makes a worker; `greet` tells a new one what it needs first (the unit lists). */
  constructor(
    private create: () => Worker,
    private greet: (w: Worker) => void,
  ) {}

  /** A request id, unique for the life of the page (also across workers: a read's id is its report's handle). */
  id(): number {
    return this.nextId++;
  }

  /** Tells the running worker something that has no answer; a worker started later is told by `greet`. */
  tell(message: WorkerRequest): void {
    this.worker?.postMessage(message);
  }

  /** The running worker, or a new one (its module loads and it builds its unit index meanwhile). */
  start(): Worker {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = this.pending.get(e.data.id);
      if ('progress' in e.data) return p?.progress?.(e.data.progress.phase, e.data.progress.fraction, e.data.progress.count);
      this.pending.delete(e.data.id);
      if ('error' in e.data) p?.reject(new ImportFailure(e.data.error));
      else p?.resolve(e.data);
    };
    // the worker could not start, or died (out of memory): nothing it was asked will come back
    w.onerror = (e) => {
      e.preventDefault();
      this.stop(w, new ImportFailure(/memory/i.test(e.message ?? '') ? failureMessage(new Error(e.message)) : msg('import.workerError.crashed')));
    };
    w.onmessageerror = () => this.stop(w, new ImportFailure(msg('import.workerError.memory')));
    this.greet(w);
    return (this.worker = w);
  }

  /**
   * Ends a worker and fails what it was asked (it died, or a read was cancelled: a worker busy reading cannot be
   * interrupted); the next call starts a fresh one. The results it held (open reports) are gone with it.
   */
  private stop(w: Worker, reason: Error): void {
    w.terminate();
    if (this.worker !== w) return;
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(reason);
  }

  /**
   * Asks the worker; `task` hears its progress and can cancel: a cancelled read ends the worker (it is busy in
   * one synchronous pass), any other request is only no longer waited for (its answer is dropped).
   */
  call(request: WorkerRequest & { id: number }, transfer: Transferable[] = [], task?: ImportTask): Promise<WorkerReply> {
    const signal = task?.signal;
    if (signal?.aborted) return Promise.reject(new ImportCancelled());
    const w = this.start();
    return new Promise((resolve, reject) => {
      const cancel = () => {
        const p = this.pending.get(request.id);
        if (!p) return;
        if (request.type === 'read') return this.stop(w, new ImportCancelled());
        this.pending.delete(request.id);
        p.reject(new ImportCancelled());
      };
      const settled = () => signal?.removeEventListener('abort', cancel);
      signal?.addEventListener('abort', cancel, { once: true });
      this.pending.set(request.id, {
        resolve: (r) => {
          settled();
          resolve(r);
        },
        reject: (e) => {
          settled();
          reject(e);
        },
        progress: task?.step,
      });
      try {
        w.postMessage(request, transfer);
      } catch (e) {
        // the request could not be copied to the worker (out of memory)
        this.pending.delete(request.id);
        settled();
        reject(new ImportFailure(failureMessage(e)));
      }
    });
  }
}
