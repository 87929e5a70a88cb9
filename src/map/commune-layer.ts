import { SolidPolygonLayer } from '@deck.gl/layers';
import type { BoundaryGeometry } from '../geo/boundary-geometry';

export interface CommuneLayerProps {
  id: string;
  geometry: BoundaryGeometry;
  /** RGBA per feature (nFeatures * 4), alpha 0 = not drawn. Computed by the app from SQL results. */
  featureColours: Uint8Array;
  /** Bumped whenever featureColours changed: the only thing that recolours (geometry is untouched). */
  colourVersion: number;
  beforeId: string;
}

/**
 * Commune polygons as a binary SolidPolygonLayer: positions and the triangulation come straight from the
 * geo build (no tessellation in the browser); a recolour only rewrites the colour attribute.
 */
export function communeLayer(p: CommuneLayerProps) {
  const g = p.geometry;
  const colours = p.featureColours;
  return new SolidPolygonLayer({
    id: p.id,
    beforeId: p.beforeId,
    data: {
      length: g.polygonFeature.length,
      startIndices: g.polygonStarts,
      attributes: { getPolygon: { value: g.positions, size: 2 }, indices: g.triangles },
    },
    _normalize: false,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    getFillColor: (_: unknown, { index }: { index: number }) => {
      const f = g.polygonFeature[index] * 4;
      return colours.subarray(f, f + 4);
    },
    updateTriggers: { getFillColor: p.colourVersion },
  } as never);
}
