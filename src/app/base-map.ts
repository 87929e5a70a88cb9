import { i18n } from '../i18n';
import { rowsOf, type SqlEngine } from '../db/engine';
import { sponsoredLabelsSQL } from '../db/sql/sponsor';
import { toGeoJSON } from '../geo/boundary-geometry';
import { basemapLabelsGeoJSON, loadBasemapLand } from '../geo/basemap-land';
import type { AtlasMap } from '../map/atlas-map';
import {
  communeOutlines, districtLabels, districtOutlines, finestGeometry, islandShapes, loadDrawableLayer, provinceLabels, provinceLand, seaLabels,
  type DrawableLayer,
} from './base-layers';

/**
 * MapLibre's base layers for a view: land, district outlines, labels (in the current language), islands, commune
 * lines. `view` is read once the layers are at hand, so a later view is never overwritten by an earlier one.
 */
export async function drawBaseSources(map: AtlasMap, view: () => { drawn: DrawableLayer | null; province: string | null }): Promise<void> {
  const [provinces, districts] = await Promise.all([loadDrawableLayer('provinces'), loadDrawableLayer('districts')]);
  const { drawn, province } = view();
  await Promise.all([
    map.setBaseSource('provinces', provinceLand(provinces, province)),
    map.setBaseSource('districts', districtOutlines(districts)),
    map.setBaseSource('province-labels', provinceLabels(provinces, province)),
    map.setBaseSource('district-labels', districtLabels(districts, province)),
    map.setBaseSource('sea-labels', seaLabels(districts, (k) => i18n.t(k))),
    map.setBaseSource('islands', islandShapes(districts)),
    loadBasemapLand().then((b) => map.setBaseSource('basemap-labels', basemapLabelsGeoJSON(b, i18n.language === 'en' ? 'en' : 'vi'))),
    ...(drawn ? [communeOutlines(drawn, province).then((lines) => map.setBaseSource('commune-lines', lines))] : []),
  ]);
}

/**
 * Outlines the sponsored communes of the drawn layer with their sponsors' short names: every sponsor's with
 * `showSponsored`, only the open sponsor's in the sponsor view; nothing otherwise (or before the engine is ready).
 */
export async function drawSponsoredSource(
  map: AtlasMap,
  engine: SqlEngine | null,
  view: { showSponsored: boolean; sponsor: string | null },
  drawnLayer: () => DrawableLayer,
): Promise<void> {
  const { showSponsored, sponsor } = view;
  if ((!showSponsored && !sponsor) || !engine) {
    await map.setBaseSource('sponsored', { type: 'FeatureCollection', features: [] });
    return;
  }
  const rows = rowsOf<{ commune_code: string; label: string }>(await engine.query(sponsoredLabelsSQL, [sponsor]));
  const labels = new Map(rows.map((r) => [r.commune_code, r.label]));
  const drawn = drawnLayer(); // the layer drawn when the labels are in
  const geometry = await finestGeometry(drawn);
  const label = (i: number) => labels.get(drawn.code[i] ?? '');
  await map.setBaseSource('sponsored', toGeoJSON(geometry, (i) => ({ code: drawn.code[i], label: label(i) ?? '' }), (i) => label(i) !== undefined));
}
