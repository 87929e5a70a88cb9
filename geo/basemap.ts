// The land around Việt Nam for the offline base map, from Natural Earth 1:10m (the world-atlas package, bundled at
// build time: nothing is fetched at run time). Without it the neighbours are drawn in the sea colour and Việt Nam
// looks like an island.
//
// - Countries within the map's region, clipped to it; Việt Nam's own Natural Earth shape is kept too, drawn under our
//   provinces, so the seams between our 2008 boundaries and Natural Earth's borders never show the sea colour.
// - No neighbour's part in the Biển Đông is drawn as theirs: Natural Earth's "Spratly Is." and "Scarborough Reef"
//   are dropped whole, and any small part (under MAX_ISLAND_KM2) of another country whose centre lies in the Hoàng Sa or
//   Trường Sa areas is dropped. Hoàng Sa and Trường Sa themselves are drawn from the data pack's own island shapes.
import { area, bboxClip, centroid, booleanPointInPolygon, simplify, polygon as turfPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Column } from './lib/arrow-out.ts';

/** lon/lat box of the base map: the national view at any screen shape, with room to pan. */
export const BASEMAP_BOX: [number, number, number, number] = [90, -3, 130, 31];

/**
 * Douglas-Peucker tolerance in degrees (about 200 m): below a pixel up to zoom 9, where the neighbours are only
 * context (land borders lie under our own provinces).
 */
const SIMPLIFY_DEGREES = 0.002;

/** Parts larger than this are main islands (Hainan, Palawan, Borneo), never reefs of the Biển Đông. */
const MAX_ISLAND_KM2 = 3000;

/** The Hoàng Sa and Trường Sa areas (rough outlines, well clear of the coasts of Hainan, Palawan and Borneo). */
const BIEN_DONG_AREAS: Position[][] = [
  [[110.5, 15.3], [113.3, 15.3], [113.3, 17.4], [110.5, 17.4], [110.5, 15.3]],
  [[109.5, 9.0], [111.0, 12.6], [116.0, 12.6], [117.0, 10.5], [116.5, 7.5], [114.0, 4.5], [109.5, 6.0], [109.5, 9.0]],
];

/** Natural Earth units dropped whole: claims in the Biển Đông. */
const DROPPED_UNITS = new Set(['Spratly Is.', 'Scarborough Reef']);

/** Vietnamese names of the neighbours, labelled on the map at these points. */
export const NEIGHBOUR_LABELS: { name: string; name_en: string; lon: number; lat: number }[] = [
  { name: 'Trung Quốc', name_en: 'China', lon: 108.5, lat: 24.6 },
  { name: 'Lào', name_en: 'Laos', lon: 103.2, lat: 19.6 },
  { name: 'Campuchia', name_en: 'Cambodia', lon: 104.6, lat: 12.8 },
  { name: 'Thái Lan', name_en: 'Thailand', lon: 101.0, lat: 15.6 },
  { name: 'Mi-an-ma', name_en: 'Myanmar', lon: 96.8, lat: 21.5 },
  { name: 'Ma-lai-xi-a', name_en: 'Malaysia', lon: 102.3, lat: 4.2 },
  { name: 'Phi-líp-pin', name_en: 'Philippines', lon: 122.5, lat: 13.0 },
];

const round = (p: Position): Position => [Math.round(p[0] * 1e4) / 1e4, Math.round(p[1] * 1e4) / 1e4];

function partsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

const areas = BIEN_DONG_AREAS.map((ring) => turfPolygon([ring]));

/** True for a small part whose centre lies in the Hoàng Sa or Trường Sa areas. */
export function isBienDongIsland(part: Position[][]): boolean {
  const p = turfPolygon(part);
  if (area(p) / 1e6 > MAX_ISLAND_KM2) return false;
  const c = centroid(p);
  return areas.some((a) => booleanPointInPolygon(c, a));
}

export interface BasemapResult {
  land: FeatureCollection<MultiPolygon, { name: string; iso: string | null; vietnam: boolean }>;
  droppedParts: { name: string; count: number }[];
}

export function buildBasemap(): BasemapResult {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  const countries = feature(topo, topo.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const out: Feature<MultiPolygon, { name: string; iso: string | null; vietnam: boolean }>[] = [];
  const dropped = new Map<string, number>();
  for (const f of countries.features) {
    if (!f.geometry || DROPPED_UNITS.has(f.properties.name)) {
      if (f.geometry) dropped.set(f.properties.name, partsOf(f.geometry).length);
      continue;
    }
    const parts: Position[][][] = [];
    for (const part of partsOf(f.geometry)) {
      const clipped = bboxClip(turfPolygon(part), BASEMAP_BOX).geometry;
      for (const p of partsOf(clipped as Polygon | MultiPolygon)) {
        if (p.length === 0 || p[0].length < 4) continue;
        if (f.id !== '704' && isBienDongIsland(p)) {
          dropped.set(f.properties.name, (dropped.get(f.properties.name) ?? 0) + 1);
          continue;
        }
        const simple = simplify(turfPolygon(p), { tolerance: SIMPLIFY_DEGREES, highQuality: false }).geometry.coordinates;
        parts.push(simple.map((ring) => ring.map(round)));
      }
    }
    if (parts.length === 0) continue;
    out.push({
      type: 'Feature',
      properties: { name: f.properties.name, iso: f.id === undefined ? null : String(f.id), vietnam: f.id === '704' },
      geometry: { type: 'MultiPolygon', coordinates: parts },
    });
  }
  return { land: { type: 'FeatureCollection', features: out }, droppedParts: [...dropped].map(([name, count]) => ({ name, count })) };
}

/** One row per feature of basemap_land.bin, in feature order. */
export function basemapColumns(result: BasemapResult): Record<string, Column> {
  const f = result.land.features;
  return {
    feature_index: Int32Array.from(f, (_, i) => i),
    name: f.map((x) => x.properties.name),
    iso: f.map((x) => x.properties.iso),
    vietnam: f.map((x) => x.properties.vietnam),
  };
}

/** The neighbours' Vietnamese names at their label points. */
export function basemapLabelColumns(): Record<string, Column> {
  return {
    name: NEIGHBOUR_LABELS.map((l) => l.name),
    name_en: NEIGHBOUR_LABELS.map((l) => l.name_en),
    label_lon: Float64Array.from(NEIGHBOUR_LABELS, (l) => l.lon),
    label_lat: Float64Array.from(NEIGHBOUR_LABELS, (l) => l.lat),
  };
}
