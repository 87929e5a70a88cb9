import { decodeGeometry, type DecodedGeometry } from '../common/geometry-format';
import type { BoundaryLayer } from '../db/schema';
import { fetchAsset } from '../db/fetch-asset';
import { keptUnlessFailed } from '../common/kept-unless-failed';

/**
 * Level of detail: 'full' is the layer as built (geom_<layer>.bin); 'overview' is the simplified copy for small
 * zooms (geom_<layer>.overview.bin, built for the national commune layer only): same features in the same order,
 * so the same geom_<layer>.arrow attributes, feature indices and colours apply to both.
 */
export type BoundaryLod = 'full' | 'overview';

/** Layers with an overview file (see OVERVIEW_LODS in geo/pipeline.ts). */
export const layersWithOverview: readonly BoundaryLayer[] = ['communes', 'communes_2025'];

/** A decoded boundary layer: flat typed arrays, built once, shared by the deck.gl layer and the outlines. */
export interface BoundaryGeometry extends DecodedGeometry {
  layer: BoundaryLayer;
  lod: BoundaryLod;
  /** Bytes as served (before any HTTP compression). */
  bytes: number;
  /** Time spent decoding, ms. */
  decodeMs: number;
}

export const boundaryAsset = (layer: BoundaryLayer, lod: BoundaryLod = 'full') =>
  lod === 'overview' ? `geom_${layer}.overview.bin` : `geom_${layer}.bin`;

const cache = new Map<string, Promise<BoundaryGeometry>>();

/** Fetches and decodes a layer once (again after a failure); 'overview' falls back to 'full' for layers without an overview. */
export function loadBoundaryGeometry(layer: BoundaryLayer, lod: BoundaryLod = 'full'): Promise<BoundaryGeometry> {
  if (lod === 'overview' && !layersWithOverview.includes(layer)) return loadBoundaryGeometry(layer, 'full');
  return keptUnlessFailed(cache, `${layer}|${lod}`, () =>
    fetchAsset(boundaryAsset(layer, lod)).then((bytes) => {
      const t0 = performance.now();
      const decoded = decodeGeometry(bytes);
      return { layer, lod, bytes: bytes.byteLength, ...decoded, decodeMs: performance.now() - t0 };
    }),
  );
}

type Ring = [number, number][];

type FeatureFilter = (featureIndex: number) => boolean;
const everyFeature: FeatureFilter = () => true;

/**
 * Rings of every polygon, grouped by feature, closed again (the binary format drops the closing vertex).
 * Features left out by `include` get no rings (their coordinates are not copied).
 */
export function featureRings(g: DecodedGeometry, include: FeatureFilter = everyFeature): Ring[][][] {
  const byFeature: Ring[][][] = Array.from({ length: g.nFeatures }, () => []);
  let ring = 0;
  for (let p = 0; p < g.polygonFeature.length; p++) {
    const end = g.polygonStarts[p + 1];
    const keep = include(g.polygonFeature[p]);
    const rings: Ring[] = [];
    while (ring < g.ringStarts.length - 1 && g.ringStarts[ring] < end) {
      if (keep) {
        const r: Ring = [];
        for (let v = g.ringStarts[ring]; v < g.ringStarts[ring + 1]; v++) r.push([g.positions[2 * v], g.positions[2 * v + 1]]);
        if (r.length > 0) r.push(r[0]);
        rings.push(r);
      }
      ring++;
    }
    if (keep) byFeature[g.polygonFeature[p]].push(rings);
  }
  return byFeature;
}

/** GeoJSON MultiPolygons for MapLibre (province land fill and outlines), one per included feature, id = feature index. */
export function toGeoJSON(
  g: DecodedGeometry,
  properties: (featureIndex: number) => Record<string, unknown>,
  include: FeatureFilter = everyFeature,
): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  featureRings(g, include).forEach((polygons, i) => {
    if (include(i)) features.push({ type: 'Feature', id: i, properties: properties(i), geometry: { type: 'MultiPolygon', coordinates: polygons } });
  });
  return { type: 'FeatureCollection', features };
}

/** Bounding box [west, south, east, north] of the given features. */
export function boundsOfFeatures(g: DecodedGeometry, include: (featureIndex: number) => boolean): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let p = 0; p < g.polygonFeature.length; p++) {
    if (!include(g.polygonFeature[p])) continue;
    for (let v = g.polygonStarts[p]; v < g.polygonStarts[p + 1]; v++) {
      const x = g.positions[2 * v], y = g.positions[2 * v + 1];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
