import { fetchAsset } from '../db/fetch-asset';
import { keptUnlessFailed } from '../common/kept-unless-failed';
import { i18n } from '../i18n';
import { numberColumn, readArrowTable, stringColumn } from '../common/arrow-columns';
import type { BoundaryLayer } from '../db/schema';
import { layersWithOverview, loadBoundaryGeometry, toGeoJSON, type BoundaryGeometry } from '../geo/boundary-geometry';
import { shortDistrictName, shortProvinceName } from '../common/vn-name';

/** A boundary layer's geometry plus the few attributes needed to draw it before DuckDB is ready. */
export interface DrawableLayer {
  /** What is drawn first: the overview where the layer has one (national communes), else the layer itself. */
  geometry: BoundaryGeometry;
  /** The full-detail geometry of a layer drawn from its overview, fetched on first use. */
  detail?: () => Promise<BoundaryGeometry>;
  code: (string | null)[];
  kind: (string | null)[];
  name: (string | null)[];
  provinceCode: (string | null)[];
  coversCodes: (string | null)[];
  labelLon: Float64Array;
  labelLat: Float64Array;
}

const cache = new Map<BoundaryLayer, Promise<DrawableLayer>>();

export function loadDrawableLayer(layer: BoundaryLayer): Promise<DrawableLayer> {
  const lod = layersWithOverview.includes(layer) ? 'overview' : 'full';
  return keptUnlessFailed(cache, layer, () =>
    Promise.all([loadBoundaryGeometry(layer, lod), fetchAsset(`geom_${layer}.arrow`)]).then(([geometry, bytes]) => {
      const t = readArrowTable(bytes);
      return {
        geometry,
        ...(lod === 'overview' ? { detail: () => loadBoundaryGeometry(layer, 'full') } : {}),
        code: stringColumn(t, 'code'),
        kind: stringColumn(t, 'kind'),
        name: stringColumn(t, 'name'),
        provinceCode: stringColumn(t, 'province_code'),
        coversCodes: stringColumn(t, 'covers_codes'),
        labelLon: numberColumn(t, 'label_lon'),
        labelLat: numberColumn(t, 'label_lat'),
      };
    }),
  );
}

/** The finest geometry of a layer (fetching its detail if it is drawn from an overview). */
export function finestGeometry(l: DrawableLayer): Promise<BoundaryGeometry> {
  return l.detail ? l.detail() : Promise.resolve(l.geometry);
}

function points(layer: DrawableLayer, include: (i: number) => boolean, label: (i: number) => string): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (let i = 0; i < layer.geometry.nFeatures; i++) {
    if (!include(i) || !Number.isFinite(layer.labelLon[i])) continue;
    features.push({
      type: 'Feature',
      properties: { name: label(i), code: layer.code[i] },
      geometry: { type: 'Point', coordinates: [layer.labelLon[i], layer.labelLat[i]] },
    });
  }
  return { type: 'FeatureCollection', features };
}

export const provinceLand = (l: DrawableLayer, selected: string | null) =>
  toGeoJSON(l.geometry, (i) => ({ code: l.code[i], selected: selected === null || l.provinceCode[i] === selected }));

export const districtOutlines = (l: DrawableLayer, include?: (i: number) => boolean) => toGeoJSON(l.geometry, (i) => ({ code: l.code[i] }), include);

export const provinceLabels = (l: DrawableLayer, selected: string | null) =>
  points(l, (i) => selected === null || l.provinceCode[i] !== selected, (i) => shortProvinceName(l.name[i] ?? ''));

/** Labels of the former (pre-reform) districts drawn over the post-reform units: their short name, "(cũ)"/"(former)" added. */
export const formerDistrictLabels = (l: DrawableLayer, include: (i: number) => boolean) =>
  points(l, (i) => include(i) && l.kind[i] === 'unit', (i) => i18n.t('vintage.formerDistrictLabel', { name: shortDistrictName(l.name[i] ?? '') }));

/** District labels of the selected province; archipelago districts are labelled by the sea labels instead. */
export const districtLabels = (l: DrawableLayer, selected: string | null) =>
  points(l, (i) => selected !== null && l.provinceCode[i] === selected, (i) => shortDistrictName(l.name[i] ?? ''));

/** Outlines of the drawn communes of one province (none in the national view: too dense to read). */
export async function communeOutlines(l: DrawableLayer, selected: string | null): Promise<GeoJSON.FeatureCollection> {
  if (selected === null) return { type: 'FeatureCollection', features: [] };
  return toGeoJSON(await finestGeometry(l), (i) => ({ code: l.code[i] }), (i) => l.provinceCode[i] === selected);
}

/** The island districts' own shapes (Hoàng Sa, Trường Sa), drawn as land at every zoom. */
export function islandShapes(districts: DrawableLayer): GeoJSON.FeatureCollection {
  const code = (i: number) => districts.code[i];
  return toGeoJSON(districts.geometry, (i) => ({ code: code(i) }), (i) => code(i) === archipelagoCodes.hoangSa || code(i) === archipelagoCodes.truongSa);
}

/** District codes of the two archipelagos in the data pack. */
export const archipelagoCodes = { hoangSa: '498', truongSa: '576' } as const;

/** Biển Đông and the two archipelagos, labelled as Việt Nam's on every view and at every zoom. */
export function seaLabels(districts: DrawableLayer, t: (key: string) => string): GeoJSON.FeatureCollection {
  const at = (code: string, fallback: [number, number]): [number, number] => {
    const i = districts.code.indexOf(code);
    return i >= 0 && Number.isFinite(districts.labelLon[i]) ? [districts.labelLon[i], districts.labelLat[i] - 0.45] : fallback;
  };
  const feature = (name: string, coordinates: [number, number], size: number): GeoJSON.Feature => ({
    type: 'Feature',
    properties: { name, size },
    geometry: { type: 'Point', coordinates },
  });
  return {
    type: 'FeatureCollection',
    features: [
      feature(t('map.sea'), [113.6, 13.4], 16),
      feature(`${t('map.hoangSa')}\n${t('map.ofVietnam')}`, at(archipelagoCodes.hoangSa, [111.9, 16.0]), 12),
      feature(`${t('map.truongSa')}\n${t('map.ofVietnam')}`, at(archipelagoCodes.truongSa, [114.2, 9.4]), 12),
    ],
  };
}
