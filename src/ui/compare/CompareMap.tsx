import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { AtlasMap } from '../../map/atlas-map';
import type { Colouring } from '../../app/colouring';
import { cssColour } from '../../map/status-colours';
import { formatRange } from '../../indicators/format';
import { formatNumber } from '../../i18n';
import { seriesIllustrative, yearsRead } from '../../indicators/provenance';
import { IllustrativeMark } from '../IllustrativeMark';
import { indicators } from '../../indicators/registry';

/**
 * The right-hand map of a side-by-side comparison: same geometry and base map, colours for the comparison
 * year or indicator, camera kept in step with the main map both ways.
 */
export function CompareMap() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['compare', 'compareYear', 'criterion', 'indicator', 'legend', 'locale', 'provenance', 'province', 'year']);
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<AtlasMap | null>(null);
  const [legend, setLegend] = useState<{ colouring: Colouring; shared: boolean } | null>(null);
  const compare = s.compare;

  useEffect(() => {
    const main = atlas.mapInstance();
    if (!ref.current || !main) return;
    main.resize();
    const copy = new AtlasMap(ref.current, { onHover: () => undefined, onClick: () => undefined });
    mapRef.current = copy;
    copy.map.jumpTo({ center: main.getCenter(), zoom: main.getZoom() });
    let syncing = false;
    const follow = (from: typeof main, to: typeof main) => () => {
      if (syncing) return;
      syncing = true;
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom() });
      syncing = false;
    };
    const a = follow(main, copy.map);
    const b = follow(copy.map, main);
    main.on('move', a);
    copy.map.on('move', b);
    return () => {
      main.off('move', a);
      copy.map.off('move', b);
      copy.map.remove();
      mapRef.current = null;
      main.resize();
    };
  }, [atlas]);

  useEffect(() => {
    let live = true;
    const copy = mapRef.current;
    const parts = atlas.mapParts();
    if (!compare || !copy || !parts) return;
    void (async () => {
      for (const [id, data] of parts.base) await copy.setBaseSource(id, data);
      const result = await atlas.comparisonColours(compare.indicator, compare.year);
      if (!live || !result) return;
      copy.setCommunes({ geometry: parts.geometry, detail: parts.detail, featureColours: result.colours, colourVersion: Date.now() });
      setLegend({ colouring: result.colouring, shared: result.sharedLegend });
    })();
    return () => {
      live = false;
    };
  }, [atlas, compare, s.province, s.year, s.indicator, s.legend]);

  if (!compare) return null;
  return (
    <div className="compare-map" data-testid="compare-map" role="region" aria-label={t('compare.label', { year: compare.year })}>
      <div ref={ref} className="map" />
      <div className="compare-caption">
        {t(`indicator.${compare.indicator}`, { n: s.criterion })} · {compare.year}
        <IllustrativeMark show={seriesIllustrative(s.provenance, s.province, indicators[compare.indicator].series, yearsRead(compare.indicator, compare.year, s.compareYear))} />
      </div>
      {legend && !legend.shared && (
        <section className="compare-legend" data-testid="compare-legend" aria-label={t('compare.legend')}>
          <ul>
            {legend.colouring.legend.map((item, i) => (
              <li key={i}>
                <span className="swatch" style={{ background: cssColour(item.colour) }} />
                {item.category ? t(`status.${item.category}`) : item.noData ? t('status.no_data') : formatRange(compare.indicator, item.range!, s.locale)}{' '}
                <span className="count">{formatNumber(item.count, s.locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {legend?.shared && (
        <p className="compare-shared" data-testid="compare-shared">
          {t('compare.shared')}
        </p>
      )}
    </div>
  );
}
