// Progress and cancellation of a long export: what it is doing now (a message key of the catalogue) and a signal
// the user can abort. Steps yield to the browser, so the progress shows and the cancel button works.

export type ExportStep = 'fonts' | 'scene' | 'layout' | 'draw' | 'raster' | 'encode' | 'table' | 'save';

/** `S`: the steps' names (an export's by default; an import has its phases, src/import/progress.ts). */
export interface TaskProgress<S extends string = ExportStep> {
  signal?: AbortSignal;
  /** Called at each step; `fraction` 0..1 where known; `count`: items done of all (an import's rows). */
  step?: (step: S, fraction?: number, count?: { done: number; total: number }) => void;
}

export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ExportCancelled';
  }
}

/** Yields to the event loop, then throws ExportCancelled when the task was aborted. */
export async function checkCancelled(task?: TaskProgress): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  if (task?.signal?.aborted) throw new ExportCancelled();
}

/** Reports a step and yields (so the UI can show it). */
export async function stepTo(task: TaskProgress | undefined, step: ExportStep, fraction?: number): Promise<void> {
  task?.step?.(step, fraction);
  await checkCancelled(task);
}
