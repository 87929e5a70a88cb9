import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { useAtlas } from './AtlasContext';
import { statusClasses } from '../db/sql/status';
import { cssColour, statusColour } from '../map/status-colours';
import { formatNumber } from '../i18n';

export function Legend() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const total = Object.values(s.counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <section className="legend" data-testid="legend" aria-label={t('legend.title', { year: s.year })}>
      <h2>{t('legend.title', { year: s.year })}</h2>
      <ul>
        {statusClasses
          .filter((c) => c !== 'unattributed' || s.province === null)
          .map((c) => (
            <li key={c} data-status={c}>
              <span className="swatch" style={{ background: cssColour(statusColour[c]) }} />
              <span className="label">{t(`status.${c}`)}</span>
              {/* unattributed polygons are not units: they have no count */}
              <span className="count">{c === 'unattributed' ? '' : formatNumber(s.counts[c] ?? 0, s.locale)}</span>
            </li>
          ))}
      </ul>
      <p className="total">{t('legend.total', { count: formatNumber(total, s.locale) })}</p>
      {s.withoutBoundary.length > 0 && (
        <details className="without-boundary" data-testid="without-boundary" open>
          <summary>{t('legend.withoutBoundary', { count: s.withoutBoundary.length })}</summary>
          <ul>
            {s.withoutBoundary.map((u) => (
              <li key={u.code}>
                {u.name} ({u.districtName}) · {u.code}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.illustrative && <p className="illustrative-note">{t('app.illustrativeNote')}</p>}
    </section>
  );
}
