import type { BoundaryGeometry } from '../geo/boundary-geometry';
import { PolygonColourLayer, polygonColoursFor, type PolygonColours } from './polygon-colour-layer';

export interface CommuneLayerProps {
  id: string;
  geometry: BoundaryGeometry;
  /** The colours of this layer: RGBA per polygon of `geometry`, written by `writePolygonColours`. */
  colours: PolygonColours;
  /** Bumped whenever the colours were rewritten: the only thing that recolours (geometry is untouched). */
  colourVersion: number;
  beforeId: string;
  visible?: boolean;
}

const nothing = polygonColoursFor({
  nFeatures: 0,
  positions: new Float32Array(0),
  polygonStarts: Uint32Array.of(0),
  polygonFeature: new Uint32Array(0),
  ringStarts: Uint32Array.of(0),
  triangles: new Uint32Array(0),
});

/**
 * The communes' layer before they are drawn: nothing to draw, but deck.gl slots its group under `beforeId` at once,
 * while the style is loaded (it skips that while any source is loading, as it is when the communes come). The same
 * layer class as the drawn one: deck.gl hands a layer's state (its shaders) to the next layer of the same id.
 */
export function emptyCommuneLayer(p: Pick<CommuneLayerProps, 'id' | 'beforeId'>) {
  return new PolygonColourLayer({ id: p.id, beforeId: p.beforeId, data: nothing.data, colours: nothing, colourVersion: 0, _normalize: false } as never);
}

/**
 * Commune polygons as a binary layer: positions and the triangulation come straight from the geo build (no
 * tessellation in the browser), colours from a texture of one texel per polygon (polygon-colour-layer.ts).
 */
export function communeLayer(p: CommuneLayerProps) {
  return new PolygonColourLayer({
    id: p.id,
    beforeId: p.beforeId,
    data: p.colours.data,
    colours: p.colours,
    colourVersion: p.colourVersion,
    _normalize: false,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    visible: p.visible ?? true,
  } as never);
}
