// Walks a polygon layer in page millimetres for the renderers: polygons outside the frame are skipped, and
// vertices closer than a tolerance to the last one kept are dropped (below the output's resolution).
import { mercX, mercY, type FrameProjection } from './projection';
import type { PolygonLayer, RGB } from './map-scene';

/** A ring as flat [x0, y0, x1, y1, …] in mm (not closed: the renderer closes it). */
export type Ring = Float64Array;

/**
 * Calls `polygon` for every included polygon that reaches into the frame, with its feature and rings. Rings are
 * reused buffers: copy what must outlive the call.
 */
export function forEachPolygon(
  layer: PolygonLayer,
  p: FrameProjection,
  toleranceMm: number,
  polygon: (feature: number, rings: readonly Ring[]) => void,
): void {
  const g = layer.geometry;
  const include = layer.include;
  const { frame } = p;
  const ox = frame.x + frame.width / 2 - p.cx * p.scale;
  const oy = frame.y + frame.height / 2 - p.cy * p.scale;
  const margin = 2;
  const minX = frame.x - margin, maxX = frame.x + frame.width + margin, minY = frame.y - margin, maxY = frame.y + frame.height + margin;
  const tol2 = toleranceMm * toleranceMm;
  let ring = 0;
  const nRings = g.ringStarts.length - 1;
  for (let poly = 0; poly < g.polygonFeature.length; poly++) {
    const end = g.polygonStarts[poly + 1];
    const feature = g.polygonFeature[poly];
    const firstRing = ring;
    while (ring < nRings && g.ringStarts[ring] < end) ring++;
    if (include && !include(feature)) continue;
    // the outer ring's extent decides whether the polygon reaches into the frame
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let v = g.ringStarts[firstRing]; v < g.ringStarts[firstRing + 1]; v++) {
      const x = ox + mercX(g.positions[2 * v]) * p.scale;
      const y = oy + mercY(g.positions[2 * v + 1]) * p.scale;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (x1 < minX || x0 > maxX || y1 < minY || y0 > maxY) continue;
    const rings: Ring[] = [];
    for (let r = firstRing; r < ring; r++) {
      const from = g.ringStarts[r], to = g.ringStarts[r + 1];
      const out = new Float64Array(2 * (to - from));
      let n = 0;
      let lx = NaN, ly = NaN;
      for (let v = from; v < to; v++) {
        const x = ox + mercX(g.positions[2 * v]) * p.scale;
        const y = oy + mercY(g.positions[2 * v + 1]) * p.scale;
        const dx = x - lx, dy = y - ly;
        if (v !== from && v !== to - 1 && dx * dx + dy * dy < tol2) continue;
        out[n++] = x;
        out[n++] = y;
        lx = x;
        ly = y;
      }
      if (n >= 6) rings.push(out.subarray(0, n));
    }
    if (rings.length) polygon(feature, rings);
  }
}

/** Polygons grouped by fill colour: each group is filled as one path (a few fills instead of thousands). */
export function fillGroups(layer: PolygonLayer, p: FrameProjection, toleranceMm: number): Map<string, { colour: RGB; rings: Ring[] }> {
  const groups = new Map<string, { colour: RGB; rings: Ring[] }>();
  if (!layer.fill) return groups;
  const fill = layer.fill;
  forEachPolygon(layer, p, toleranceMm, (feature, rings) => {
    const c = fill(feature);
    if (!c) return;
    const key = `${c[0]},${c[1]},${c[2]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { colour: c, rings: [] }));
    for (const r of rings) g.rings.push(r.slice());
  });
  return groups;
}

/** Every ring of the layer (for its outline). */
export function outlineRings(layer: PolygonLayer, p: FrameProjection, toleranceMm: number): Ring[] {
  const out: Ring[] = [];
  forEachPolygon(layer, p, toleranceMm, (_, rings) => {
    for (const r of rings) out.push(r.slice());
  });
  return out;
}
