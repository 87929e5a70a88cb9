import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { indicatorIds, type IndicatorId } from '../../indicators/registry';
import { YearSelect } from '../controls/YearSelect';

/** Turns the side-by-side comparison on and picks what the second map shows. */
export function CompareControls() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
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
          onChange={(e) => atlas.state.set({ compare: e.target.checked ? { year: s.compareYear, indicator: s.indicator } : null })}
        />
        {t('compare.toggle')}
      </label>
      {c && (
        <>
          <YearSelect label={t('controls.year')} testId="compare-map-year" value={c.year} onChange={(year) => atlas.state.set({ compare: { ...c, year } })} />
          <label>
            {t('controls.indicator')}
            <select data-testid="compare-map-indicator" value={c.indicator} onChange={(e) => atlas.state.set({ compare: { ...c, indicator: e.target.value as IndicatorId } })}>
              {indicatorIds
                .filter((id) => id !== 'criterion_missing')
                .map((id) => (
                  <option key={id} value={id}>
                    {t(`indicator.${id}`, { n: s.criterion })}
                  </option>
                ))}
            </select>
          </label>
        </>
      )}
    </div>
  );
}
