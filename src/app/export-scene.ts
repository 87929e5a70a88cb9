// The scene an export draws for the current view (src/export/scene-builder.ts), gathered from what the map has:
// the drawn commune layer at its finest geometry with the colours painted for the screen, the province and
// district layers, the base map's land, the lagging groups and the open sponsor's communes. Independent of the
// screen's camera: the composer fits the subject to the export's frame.
import type { TFunction } from 'i18next';
import { loadBasemapLand } from '../geo/basemap-land';
import { nationalBounds } from '../map/atlas-map';
import { laggingOutlineDrawn } from '../map/lagging-outline';
import { buildScene, type SceneUnits } from '../export/scene-builder';
import type { MapScene } from '../export/map-scene';
import { legendClasses, sceneWords } from '../export/view-text';
import type { AppState } from '../state/app-state';
import { finestGeometry, loadDrawableLayer, type DrawableLayer } from './base-layers';
import type { DrawnView, MapView } from './map-view';

const units = (l: DrawableLayer, geometry = l.geometry): SceneUnits => ({
  geometry,
  code: l.code,
  name: l.name,
  provinceCode: l.provinceCode,
  labelLon: l.labelLon,
  labelLat: l.labelLat,
});

/** The scene of a view as the map draws it now (null before the first layer is drawn). */
export async function sceneOfView(view: MapView, s: AppState, drawnView: DrawnView, t: TFunction): Promise<MapScene | null> {
  const drawn = view.drawn;
  const painted = view.colours.paint(drawnView);
  if (!drawn || !painted) return null;
  // a copy: the screen's buffer changes with the next switch while the export is still drawing
  const colours = painted.colours.slice();
  const postReform = (s as AppState & { vintage?: string }).vintage === '2025-07';
  const [basemap, provinces, districts, finest] = await Promise.all([
    loadBasemapLand(),
    loadDrawableLayer(postReform ? 'provinces_2025' : 'provinces'),
    loadDrawableLayer('districts'),
    // nationally the overview (simplified by 0.004°, a tenth of a millimetre on an A3 of the country) is fine enough
    s.province === null ? drawn.geometry : finestGeometry(drawn),
  ]);
  const flagged = s.planner.filter((r) => r.behind).map((r) => r.group_code);
  return buildScene({
    basemap,
    provinces: units(provinces),
    // the post-reform units have no districts: the district layer only gives the islands
    districts: units(districts),
    districtsShown: !postReform,
    communes: units(drawn, finest),
    colours,
    province: s.province,
    district: postReform ? null : s.district,
    selectedCode: s.selectedCode,
    sponsorCodes: drawnView.sponsorCodes,
    // the export draws no former districts: their lagging outline neither
    flagged: laggingOutlineDrawn({ ...s, showFormerDistricts: false }) ? flagged : [],
    classes: legendClasses(s, t),
    nationalBounds,
    words: sceneWords(s, t),
  });
}
