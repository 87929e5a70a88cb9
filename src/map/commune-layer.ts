import { SolidPolygonLayer } from '@deck.gl/layers';
import type { BoundaryGeometry } from '../geo/boundary-geometry';
import { statusColourTable } from './status-colours';

export interface CommuneLayerProps {
  id: string;
  geometry: BoundaryGeometry;
  /** Status class index per feature (from SQL); null while DuckDB is still starting. */
  status: Uint8Array | null;
  /** Features drawn at full strength; others are muted (another province) or hidden. */
  visible: (featureIndex: number) => boolean;
  /** Bumped whenever status or visibility change: the only thing that recolours (geometry is untouched). */
  colourVersion: number;
  selectedFeature: number | null;
  beforeId: string;
}

const pending: [number, number, number, number] = [215, 215, 215, 255];
const hidden: [number, number, number, number] = [0, 0, 0, 0];
const selected: [number, number, number, number] = [33, 102, 172, 255];

/**
 * Commune polygons as a binary SolidPolygonLayer: positions and the triangulation come straight from the
 * geo build (no tessellation in the browser); a status change only rewrites the colour attribute.
 */
export function communeLayer(p: CommuneLayerProps) {
  const g = p.geometry;
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
      const feature = g.polygonFeature[index];
      if (!p.visible(feature)) return hidden;
      if (feature === p.selectedFeature) return selected;
      return p.status ? statusColourTable[p.status[feature]] : pending;
    },
    updateTriggers: { getFillColor: [p.colourVersion, p.selectedFeature] },
  } as never);
}
