import { useState } from 'react';
import { useTranslation } from './use-translation';
import type { AppUpdate } from '../app/app-update';
import { useStore } from '../state/store';

/**
 * Tells the first visit when the offline copy is being made and when it is done, so an office knows when the
 * atlas can be used without the network; quiet on later visits (the copy is there) and where there is no worker.
 */
export function OfflineNotice({ update }: { update: AppUpdate }) {
  const { t } = useTranslation();
  const { offline } = useStore(update.state);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || (offline !== 'saving' && offline !== 'saved')) return null;
  return (
    <div className={`offline-notice ${offline}`} role="status" data-testid="offline-notice" data-offline={offline}>
      {t(offline === 'saving' ? 'app.offlineSaving' : 'app.offlineSaved')}
      {offline === 'saved' && (
        <>
          {' '}
          <button type="button" onClick={() => setDismissed(true)} aria-label="OK">
            ×
          </button>
        </>
      )}
    </div>
  );
}
