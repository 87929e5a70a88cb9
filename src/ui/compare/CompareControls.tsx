import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { indicatorIds, type IndicatorId } from '../../indicators/registry';

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
          <label>
            {t('controls.year')}
            <select data-testid="compare-map-year" value={c.year} onChange={(e) => atlas.state.set({ compare: { ...c, year: Number(e.target.value) } })}>
              {s.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
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
