import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { useAtlasMembers } from './AtlasContext';
import { detailsByCode, detailsReadUnder } from './commune-details';
import { CommuneFacts } from './CommuneFacts';
import { LineagePanel } from './vintage/LineagePanel';

export function SelectionPanel() {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, [...detailsReadUnder, 'locale', 'selectedCode']);
  const { t } = useTranslation();
  const d = s.selectedCode ? detailsByCode(atlas, s.selectedCode) : null;
  return (
    <section className="selection" data-testid="selection" aria-live="polite">
      <h2>{t('selection.title')}</h2>
      {d ? (
        <>
          <CommuneFacts d={d} indicator={s.indicator} locale={s.locale} year={s.year} />
          <div>
            {t('selection.code')}: {d.code}
          </div>
          <div className="row">
            <button type="button" onClick={() => atlas.setUiState({ panel: 'profile' })}>
              {t('selection.profile')}
            </button>
            <button type="button" onClick={() => atlas.select(null)}>
              {t('selection.clear')}
            </button>
          </div>
        </>
      ) : (
        <p>{t('selection.none')}</p>
      )}
      <LineagePanel />
    </section>
  );
}
