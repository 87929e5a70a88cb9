import { SolidPolygonLayer } from '@deck.gl/layers';
import type { BoundaryGeometry } from '../geo/boundary-geometry';
import type { DecodedGeometry } from '../common/geometry-format';

export interface CommuneLayerProps {
  id: string;
  geometry: BoundaryGeometry;
  /** The colour buffer of this layer: RGBA per vertex of `geometry`, written by `writeVertexColours`. */
  vertexColours: VertexColours;
  /** Bumped whenever the colours were rewritten: the only thing that recolours (geometry is untouched). */
  colourVersion: number;
  beforeId: string;
  visible?: boolean;
}

/**
 * RGBA per vertex for one geometry, owned by one map. The deck.gl data object lives with it: it is created once
 * per (geometry, buffer), so a recolour changes no data identity and deck.gl re-tessellates nothing.
 */
export interface VertexColours {
  geometry: DecodedGeometry;
  rgba: Uint8Array;
  data: {
    length: number;
    startIndices: Uint32Array;
    attributes: Record<string, unknown>;
  };
}

export function vertexColoursFor(geometry: DecodedGeometry): VertexColours {
  const g = geometry;
  const rgba = new Uint8Array(g.positions.length * 2);
  return {
    geometry,
    rgba,
    data: {
      length: g.polygonFeature.length,
      startIndices: g.polygonStarts,
      attributes: { getPolygon: { value: g.positions, size: 2 }, indices: g.triangles },
    },
  };
}

/**
 * Expands RGBA per feature (nFeatures * 4) to RGBA per vertex: one 32-bit fill per polygon. About 1-2 ms for the
 * national layer, instead of a deck.gl accessor call per polygon.
 */
export function writeVertexColours(target: VertexColours, featureColours: Uint8Array): void {
  const g = target.geometry;
  const out = new Uint32Array(target.rgba.buffer, target.rgba.byteOffset, target.rgba.length / 4);
  const byFeature = new Uint32Array(featureColours.buffer, featureColours.byteOffset, featureColours.length / 4);
  const starts = g.polygonStarts;
  const feature = g.polygonFeature;
  for (let p = 0; p < feature.length; p++) out.fill(byFeature[feature[p]], starts[p], starts[p + 1]);
}

/**
 * The communes' layer before they are drawn: nothing to draw, but deck.gl slots its group under `beforeId` at once,
 * while the style is loaded (it skips that while any source is loading, as it is when the communes come).
 */
export function emptyCommuneLayer(p: Pick<CommuneLayerProps, 'id' | 'beforeId'>) {
  return new SolidPolygonLayer({ id: p.id, beforeId: p.beforeId, data: [], getPolygon: () => [] } as never);
}

/**
 * Commune polygons as a binary SolidPolygonLayer: positions and the triangulation come straight from the
 * geo build (no tessellation in the browser), colours are an external per-vertex attribute. A new wrapper
 * object around the same buffer makes deck.gl upload it again (it compares the wrapper by identity).
 */
export function communeLayer(p: CommuneLayerProps) {
  const data = p.vertexColours.data;
  data.attributes.fillColors = { value: p.vertexColours.rgba, size: 4, normalized: true };
  return new SolidPolygonLayer({
    id: p.id,
    beforeId: p.beforeId,
    data,
    _normalize: false,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    visible: p.visible ?? true,
    updateTriggers: { getFillColor: p.colourVersion },
  } as never);
}
