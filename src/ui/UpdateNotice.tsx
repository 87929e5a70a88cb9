import { useTranslation } from './use-translation';
import type { AppUpdate } from '../app/app-update';
import { useStore } from '../state/store';

/** Announces a new version of the app, applied only when the user asks for it. */
export function UpdateNotice({ update }: { update: AppUpdate }) {
  const { t } = useTranslation();
  const s = useStore(update.state);
  if (!s.waiting) return null;
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      {t('app.updateReady')}{' '}
      <button type="button" onClick={() => update.apply()}>
        {t('app.updateApply')}
      </button>
    </div>
  );
}
