// Web Mercator, as the screen map: a subject's lon/lat extent fitted into a frame on the page (mm), independently
// of what the screen shows.

export type Bounds = [west: number, south: number, east: number, north: number];
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/** Mercator x in world units (0..1 from 180°W). */
export const mercX = (lon: number) => (lon + 180) / 360;
/** Mercator y in world units (0 at the top, 85°N; 1 at the bottom). */
export const mercY = (lat: number) => {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const latOfMercY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** A fitted projection: lon/lat to page millimetres. */
export interface FrameProjection {
  /** mm per world unit */
  scale: number;
  /** world coordinates of the frame's centre */
  cx: number;
  cy: number;
  frame: Box;
  x(lon: number): number;
  y(lat: number): number;
  /** Ground metres per millimetre at the frame's centre latitude. */
  metresPerMm: number;
  /** The frame's extent in lon/lat. */
  bounds: Bounds;
}

export function projection(frame: Box, scale: number, cx: number, cy: number): FrameProjection {
  const ox = frame.x + frame.width / 2 - cx * scale;
  const oy = frame.y + frame.height / 2 - cy * scale;
  const centreLat = latOfMercY(cy);
  const west = (cx - frame.width / 2 / scale) * 360 - 180;
  const east = (cx + frame.width / 2 / scale) * 360 - 180;
  return {
    scale,
    cx,
    cy,
    frame,
    x: (lon) => ox + mercX(lon) * scale,
    y: (lat) => oy + mercY(lat) * scale,
    metresPerMm: (EARTH_CIRCUMFERENCE_M * Math.cos((centreLat * Math.PI) / 180)) / scale,
    bounds: [west, latOfMercY(cy + frame.height / 2 / scale), east, latOfMercY(cy - frame.height / 2 / scale)],
  };
}

/** Fits bounds into `inner` (a box inside the frame), centred there, drawing over the whole frame. */
export function fitBounds(bounds: Bounds, frame: Box, inner: Box = frame): FrameProjection {
  const [w, s, e, n] = bounds;
  const x0 = mercX(w), x1 = mercX(e), y0 = mercY(n), y1 = mercY(s);
  const dx = Math.max(x1 - x0, 1e-9), dy = Math.max(y1 - y0, 1e-9);
  const scale = Math.min(inner.width / dx, inner.height / dy);
  // the subject's centre goes to the inner box's centre
  const cxInner = (x0 + x1) / 2, cyInner = (y0 + y1) / 2;
  const shiftX = (inner.x + inner.width / 2 - (frame.x + frame.width / 2)) / scale;
  const shiftY = (inner.y + inner.height / 2 - (frame.y + frame.height / 2)) / scale;
  return projection(frame, scale, cxInner - shiftX, cyInner - shiftY);
}

export const insetBox = (b: Box, by: number): Box => ({ x: b.x + by, y: b.y + by, width: Math.max(0, b.width - 2 * by), height: Math.max(0, b.height - 2 * by) });

export const boxesOverlap = (a: Box, b: Box, gap = 0) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

export const boxInside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
