import { memo } from 'react';
import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { viewIllustrative } from '../indicators/provenance';
import { useAtlas } from './AtlasContext';
import { cssColour } from '../map/status-colours';
import { formatNumber } from '../i18n';
import { indicators } from '../indicators/registry';
import { MapMarks } from './MapMarks';
import { VintageNote } from './vintage/VintageNote';
import { classLabel } from './band-labels';

// each reads its own fields of the state: a switch that changes only the legend does not render them again
const Marks = memo(MapMarks);
const Note = memo(VintageNote);

export function Legend() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['classMethod', 'compareYear', 'criterion', 'floor', 'indicator', 'legend', 'locale', 'manualBreaks', 'provenance', 'province', 'withoutBoundary', 'year']);
  const { t } = useTranslation();
  const total = s.legend.reduce((a, b) => a + b.count, 0);
  const def = indicators[s.indicator];
  const title = def.change
    ? t('legend.titleChange', { indicator: t(`indicator.${s.indicator}`, { n: s.criterion }), from: s.compareYear, to: s.year })
    : t('legend.titleIndicator', { indicator: t(`indicator.${s.indicator}`, { n: s.criterion }), year: s.year });
  return (
    <section className="legend" data-testid="legend" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {s.legend.map((item, i) => (
          <li key={i} data-class={item.category ?? (item.noData ? 'no_data' : `class-${i}`)}>
            <span className="swatch" style={{ background: cssColour(item.colour) }} />
            <span className="label">
              {item.category ? t(`status.${item.category}`) : item.noData ? t('status.no_data') : classLabel(s, item.range!, i, t)}
            </span>
            <span className="count">{formatNumber(item.count, s.locale)}</span>
          </li>
        ))}
        {s.indicator === 'status' && s.province === null && (
          <li data-class="unattributed">
            <span className="swatch" style={{ background: 'rgb(236, 236, 236)' }} />
            <span className="label">{t('status.unattributed')}</span>
            <span className="count" />
          </li>
        )}
      </ul>
      <p className="total">{t('legend.total', { count: formatNumber(total, s.locale) })}</p>
      {def.kind === 'numeric' && <p className="method">{t(`classify.${s.classMethod}`)}</p>}
      <Marks />
      <Note />
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
      {viewIllustrative(s) && <p className="illustrative-note">{t('app.illustrativeNote')}</p>}
    </section>
  );
}
