import { boundsOfFeatures, toGeoJSON } from '../geo/boundary-geometry';
import type { AtlasMap, Bounds } from '../map/atlas-map';
import { finestGeometry, type DrawableLayer } from './base-layers';

/**
 * The selected commune is outlined (MapLibre layers 'selected-casing' and 'selected-line'), never filled over:
 * its colour on the map stays the indicator's. `layer()` is read once the geometry is at hand, so a later
 * selection or layer always wins.
 */
export async function drawSelectionOutline(map: AtlasMap, layer: () => DrawableLayer | null, code: () => string | null): Promise<void> {
  const first = layer();
  if (!first || code() === null) {
    await map.setBaseSource('selected', { type: 'FeatureCollection', features: [] });
    return;
  }
  const geometry = await finestGeometry(first);
  const [drawn, selected] = [layer(), code()];
  if (drawn !== first) return; // another layer is drawn meanwhile: its own call outlines the selection
  await map.setBaseSource('selected', toGeoJSON(geometry, (i) => ({ code: drawn.code[i] }), (i) => selected !== null && drawn.code[i] === selected));
}

/**
 * A commune with its neighbours around it: its bounds widened to at least three times its size (and at least
 * about 10 km) each way, so the places next to it are in view and it stays visibly the one in the middle.
 */
export function boundsAround(drawn: DrawableLayer, code: string): Bounds | null {
  const b = boundsOfFeatures(drawn.geometry, (i) => drawn.code[i] === code);
  if (!b) return null;
  const [w, s, e, n] = b;
  const [cx, cy] = [(w + e) / 2, (s + n) / 2];
  const half = Math.max(e - w, n - s, 0.06) * 1.5;
  return [cx - half, cy - half, cx + half, cy + half];
}
