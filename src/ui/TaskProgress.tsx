import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from './use-translation';
import { ExportCancelled, type ExportStep, type TaskProgress } from '../export/task';
import { ImportCancelled } from '../import/service/worker-failure';

interface Running {
  what: string;
  step: string | null;
  fraction?: number;
  count?: { done: number; total: number };
}

/**
 * What kind of operation a task is: where its messages are in the catalogue (`<prefix>.step.<step>`, `.cancel`,
 * `.cancelled`, `.failed`), the step shown before the first is reported, and its test ids (`<kind>-progress`,
 * `<kind>-cancel`).
 */
const KINDS = {
  export: { prefix: 'export', firstStep: 'scene' },
  import: { prefix: 'import.task', firstStep: 'read' },
} as const;

/**
 * A long operation (a PDF, a 4x PNG, a report, an import) with what it is doing now, a progress bar where the
 * share is known, and a cancel button. `run` resolves when the operation ends, was cancelled or failed (the
 * failure is shown); a run started while another is running takes over the view (cancel the other first when it
 * must stop), and the one taken over says nothing when it ends.
 */
export function useTask<S extends string = ExportStep>(
  kind: keyof typeof KINDS = 'export',
): { busy: boolean; run: (what: string, fn: (task: TaskProgress<S>) => Promise<unknown>) => Promise<void>; cancel: () => void; view: ReactNode } {
  const { t } = useTranslation();
  const { prefix, firstStep } = KINDS[kind];
  const [running, setRunning] = useState<Running | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const run = useCallback(
    async (what: string, fn: (task: TaskProgress<S>) => Promise<unknown>) => {
      const abort = new AbortController();
      controller.current = abort;
      const current = () => controller.current === abort;
      setMessage(null);
      setRunning({ what, step: null });
      let said: string | null = null;
      try {
        await fn({
          signal: abort.signal,
          step: (step, fraction, count) => {
            if (current()) setRunning({ what, step, fraction, count });
          },
        });
      } catch (e) {
        if (e instanceof ExportCancelled || e instanceof ImportCancelled) said = t(`${prefix}.cancelled`);
        else said = t(`${prefix}.failed`, { message: e instanceof Error ? e.message : String(e) });
      } finally {
        if (current()) {
          controller.current = null;
          setRunning(null);
          setMessage(said);
        }
      }
    },
    [t, prefix],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  const view = running ? (
    <div className="task-progress" role="status" aria-live="polite" data-testid={`${kind}-progress`}>
      <span>
        {running.what}: {t(`${prefix}.step.${running.step ?? firstStep}`, running.count ?? {})}
        {running.fraction !== undefined ? ` · ${Math.round(running.fraction * 100)}%` : '…'}
      </span>
      <progress max={1} value={running.fraction} aria-hidden="true" />
      <button type="button" data-testid={`${kind}-cancel`} onClick={cancel}>
        {t(`${prefix}.cancel`)}
      </button>
    </div>
  ) : message ? (
    <p role="status" className="task-message" data-testid={`${kind}-task-message`}>
      {message}
    </p>
  ) : null;
  return { busy: running !== null, run, cancel, view };
}
