import { i18n } from '../i18n';
import { rowsOf, type SqlEngine } from '../db/engine';
import { sponsoredLabelsSQL } from '../db/sql/sponsor';
import { sponsoredLabels2025SQL } from '../db/sql/vintage';
import { toGeoJSON } from '../geo/boundary-geometry';
import { basemapLabelsGeoJSON, basemapLandGeoJSON, loadBasemapLand } from '../geo/basemap-land';
import type { AtlasMap } from '../map/atlas-map';
import type { BoundaryLayer } from '../db/schema';
import { POST_REFORM, type Vintage } from '../common/vintage';
import {
  communeOutlines, districtLabels, districtOutlines, finestGeometry, formerDistrictLabels, islandShapes, loadDrawableLayer, provinceLabels, provinceLand, seaLabels,
  type DrawableLayer,
} from './base-layers';

/** What the base layers of a view depend on. */
export interface BaseView {
  drawn: DrawableLayer | null;
  province: string | null;
  vintage?: Vintage;
  /**
   * Post-reform units: the pre-reform provinces whose districts are outlined and labelled as the former districts
   * (a historical grouping over the new communes; all = every province, national view), or null for none.
   */
  formerDistrictsOf?: readonly string[] | 'all' | null;
}

/**
 * Base data that depends on its layer and a key only (not on the province shown), built once: the map is handed
 * the same object again, which it skips (AtlasMap.setBaseSource), instead of sending the districts' outlines to
 * MapLibre's worker and tiling them anew on every switch of province.
 */
const built = new WeakMap<object, Map<string, GeoJSON.FeatureCollection>>();
function once(owner: object, key: string, build: () => GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  let byKey = built.get(owner);
  if (!byKey) built.set(owner, (byKey = new Map()));
  let data = byKey.get(key);
  if (!data) byKey.set(key, (data = build()));
  return data;
}

/** The layers the base map of a vintage is drawn from: its provinces, and the districts (former ones after the reform). */
export function baseLayersOf(vintage?: Vintage): [BoundaryLayer, BoundaryLayer] {
  return [vintage === POST_REFORM ? 'provinces_2025' : 'provinces', 'districts'];
}

/**
 * MapLibre's base layers for a view: land, district outlines, labels (in the current language), islands, commune
 * lines. `view` is read once the layers are at hand, so a later view is never overwritten by an earlier one.
 * Post-reform units have no districts: their provinces are drawn, and the former districts only on request.
 */
export async function drawBaseSources(map: AtlasMap, view: () => BaseView): Promise<void> {
  const { vintage } = view();
  const post = vintage === POST_REFORM;
  const [provinces, districts] = await Promise.all(baseLayersOf(vintage).map(loadDrawableLayer));
  const { drawn, province, formerDistrictsOf = null } = view();
  const former = (i: number) => formerDistrictsOf === 'all' || (formerDistrictsOf?.includes(districts.provinceCode[i] ?? '') ?? false);
  const noFeatures: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  const language = i18n.language === 'en' ? 'en' : 'vi';
  // the district outlines drawn: every district's before the reform, after it those asked for (or none)
  const outlined = !post ? 'all' : formerDistrictsOf;
  await Promise.all([
    map.setBaseSource('provinces', provinceLand(provinces, province)),
    map.setBaseSource(
      'districts',
      outlined === null
        ? noFeatures
        : outlined === 'all'
          ? once(districts, 'outlines', () => districtOutlines(districts))
          : once(districts, `outlines:${outlined.join()}`, () => districtOutlines(districts, former)),
    ),
    map.setBaseSource('province-labels', provinceLabels(provinces, province)),
    map.setBaseSource(
      'district-labels',
      !post ? districtLabels(districts, province) : formerDistrictsOf ? formerDistrictLabels(districts, former) : noFeatures,
    ),
    map.setBaseSource('sea-labels', once(districts, `sea:${language}`, () => seaLabels(districts, (k) => i18n.t(k)))),
    map.setBaseSource('islands', once(districts, 'islands', () => islandShapes(districts))),
    loadBasemapLand().then((b) => map.setBaseSource('basemap-labels', once(b, `labels:${language}`, () => basemapLabelsGeoJSON(b, language)))),
    // the neighbours' borders, set once: the land never changes (the land itself is drawn by the map from the first
    // frame on: src/map/land-layer.ts)
    ...(map.baseSources().has('basemap-land') ? [] : [loadBasemapLand().then((b) => map.setBaseSource('basemap-land', basemapLandGeoJSON(b)))]),
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
  view: { showSponsored: boolean; sponsor: string | null; vintage?: Vintage },
  drawnLayer: () => DrawableLayer,
): Promise<void> {
  const { showSponsored, sponsor } = view;
  // post-reform map: an assignment to a pre-reform commune shows on the commune(s) it went to
  const labelsSQL = view.vintage === POST_REFORM ? sponsoredLabels2025SQL : sponsoredLabelsSQL;
  if ((!showSponsored && !sponsor) || !engine) {
    await map.setBaseSource('sponsored', { type: 'FeatureCollection', features: [] });
    return;
  }
  const rows = rowsOf<{ commune_code: string; label: string }>(await engine.query(labelsSQL, [sponsor]));
  const labels = new Map(rows.map((r) => [r.commune_code, r.label]));
  const drawn = drawnLayer(); // the layer drawn when the labels are in
  const geometry = await finestGeometry(drawn);
  const label = (i: number) => labels.get(drawn.code[i] ?? '');
  await map.setBaseSource('sponsored', toGeoJSON(geometry, (i) => ({ code: drawn.code[i], label: label(i) ?? '' }), (i) => label(i) !== undefined));
}
