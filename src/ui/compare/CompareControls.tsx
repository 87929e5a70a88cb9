import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { YearSelect } from '../controls/YearSelect';
import { IndicatorSelect } from '../controls/IndicatorSelect';

/** Turns the side-by-side comparison on and picks what the second map shows. */
export function CompareControls() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['compare', 'compareYear', 'indicator', 'phase']);
  const { t } = useTranslation();
  const c = s.compare;
  return (
    <div className="compare-controls">
      <label className="row">
        <input
          type="checkbox"
          data-testid="compare-toggle"
          checked={c !== null}
          disabled={s.phase !== 'ready'}
          onChange={(e) => atlas.setUiState({ compare: e.target.checked ? { year: s.compareYear, indicator: s.indicator } : null })}
        />
        {t('compare.toggle')}
      </label>
      {c && (
        <>
          <YearSelect label={t('controls.year')} testId="compare-map-year" value={c.year} onChange={(year) => atlas.setUiState({ compare: { ...c, year } })} />
          <IndicatorSelect testId="compare-map-indicator" value={c.indicator} onChange={(indicator) => atlas.setUiState({ compare: { ...c, indicator } })} />
        </>
      )}
    </div>
  );
}
