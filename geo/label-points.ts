// A label point inside each boundary feature: the centre of mass of its largest polygon part,
// or turf's pointOnFeature when that centre falls outside (crescent-shaped or holed parts).
import { booleanPointInPolygon, centerOfMass, pointOnFeature, polygon as turfPolygon } from '@turf/turf';
import type { PolygonCoords } from './types.ts';
import { polygonsOf, ringArea2 } from './validate-geometry.ts';

function partArea(part: PolygonCoords): number {
  let area = Math.abs(ringArea2(part[0]));
  for (let r = 1; r < part.length; r++) area -= Math.abs(ringArea2(part[r]));
  return area;
}

/** [lon, lat], or [NaN, NaN] for a feature without polygons. */
export function labelPoint(geometry: { type: string; coordinates: unknown } | null): [number, number] {
  const parts = polygonsOf(geometry) ?? [];
  if (parts.length === 0) return [NaN, NaN];
  let largest = parts[0];
  for (const part of parts) if (partArea(part) > partArea(largest)) largest = part;
  const poly = turfPolygon(largest as number[][][]);
  const center = centerOfMass(poly);
  const point = booleanPointInPolygon(center, poly) ? center : pointOnFeature(poly);
  const [lon, lat] = point.geometry.coordinates;
  return [lon, lat];
}
