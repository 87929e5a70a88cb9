import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportCancelled, type ExportStep, type TaskProgress } from '../export/task';

interface Running {
  what: string;
  step: ExportStep | null;
  fraction?: number;
}

/**
 * A long operation (a PDF, a 4x PNG, a report) with what it is doing now, a progress bar where the share is
 * known, and a cancel button. `run` resolves when the operation ends, was cancelled or failed (the failure is shown).
 */
export function useTask(): { busy: boolean; run: (what: string, fn: (task: TaskProgress) => Promise<unknown>) => Promise<void>; view: ReactNode } {
  const { t } = useTranslation();
  const [running, setRunning] = useState<Running | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const run = useCallback(async (what: string, fn: (task: TaskProgress) => Promise<unknown>) => {
    const abort = new AbortController();
    controller.current = abort;
    setMessage(null);
    setRunning({ what, step: null });
    try {
      await fn({ signal: abort.signal, step: (step, fraction) => setRunning({ what, step, fraction }) });
    } catch (e) {
      if (e instanceof ExportCancelled) setMessage(t('export.cancelled'));
      else setMessage(t('export.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      controller.current = null;
      setRunning(null);
    }
  }, [t]);
  const view = running ? (
    <div className="task-progress" role="status" aria-live="polite" data-testid="export-progress">
      <span>
        {running.what}: {t(`export.step.${running.step ?? 'scene'}`)}
        {running.fraction !== undefined ? ` ${Math.round(running.fraction * 100)}%` : '…'}
      </span>
      <progress max={1} value={running.fraction} aria-hidden="true" />
      <button type="button" data-testid="export-cancel" onClick={() => controller.current?.abort()}>
        {t('export.cancel')}
      </button>
    </div>
  ) : message ? (
    <p role="status" className="task-message">
      {message}
    </p>
  ) : null;
  return { busy: running !== null, run, view };
}
