// The land around Việt Nam (Natural Earth 1:10m, built by geo/basemap.ts into basemap_land.bin/.arrow and
// basemap_labels.arrow): decoded once, for the screen map's first frame and for every export.
import { decodeGeometry, type DecodedGeometry } from '../common/geometry-format';
import { readArrowTable, numberColumn, stringColumn } from '../common/arrow-columns';
import { fetchAsset } from '../db/fetch-asset';
import { keptUnlessFailed } from '../common/kept-unless-failed';
import { featureRings } from './boundary-geometry';
import { basemapAssets } from '../common/basemap-assets';

export interface BasemapLand {
  geometry: DecodedGeometry;
  /** Natural Earth's English name per feature. */
  name: (string | null)[];
  /** Per feature: Việt Nam's own Natural Earth shape (drawn under our provinces, so seams never show the sea). */
  vietnam: boolean[];
  /** The neighbours' names at their label points. */
  labels: { vi: string; en: string; lon: number; lat: number }[];
}


/** Reads the three assets (bytes as fetched or read from disk). */
export function decodeBasemap(geometry: Uint8Array, attributes: Uint8Array, labels: Uint8Array): BasemapLand {
  const attrs = readArrowTable(attributes);
  const vietnamCol = attrs.getChild('vietnam');
  const lab = readArrowTable(labels);
  const vi = stringColumn(lab, 'name');
  const en = stringColumn(lab, 'name_en');
  const lon = numberColumn(lab, 'label_lon');
  const lat = numberColumn(lab, 'label_lat');
  return {
    geometry: decodeGeometry(geometry),
    name: stringColumn(attrs, 'name'),
    vietnam: Array.from({ length: attrs.numRows }, (_, i) => Boolean(vietnamCol?.get(i))),
    labels: vi.map((name, i) => ({ vi: name ?? '', en: en[i] ?? name ?? '', lon: lon[i], lat: lat[i] })),
  };
}

const pending = new Map<'land', Promise<BasemapLand>>();

/** Fetches and decodes the base map once per page (again after a failure). */
export function loadBasemapLand(): Promise<BasemapLand> {
  return keptUnlessFailed(pending, 'land', () =>
    Promise.all([fetchAsset(basemapAssets.geometry), fetchAsset(basemapAssets.attributes), fetchAsset(basemapAssets.labels)]).then(([g, a, l]) => decodeBasemap(g, a, l)),
  );
}

/** The land as GeoJSON for MapLibre: one MultiPolygon per country, `vietnam` as a property. */
export function basemapLandGeoJSON(b: BasemapLand): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = featureRings(b.geometry).map((polygons, i) => ({
    type: 'Feature',
    id: i,
    properties: { vietnam: b.vietnam[i] },
    geometry: { type: 'MultiPolygon', coordinates: polygons },
  }));
  return { type: 'FeatureCollection', features };
}

/** The neighbours' names in a language, as label points. */
export function basemapLabelsGeoJSON(b: BasemapLand, locale: 'vi' | 'en'): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: b.labels.map((l) => ({ type: 'Feature', properties: { name: locale === 'vi' ? l.vi : l.en }, geometry: { type: 'Point', coordinates: [l.lon, l.lat] } })),
  };
}
