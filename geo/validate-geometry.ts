// Geometry checks for boundary features. validateGeometry is pure and fails the build;
// findKinks only feeds warnings (the pack says simplified rings were repaired with buffer(0)).
import { kinks } from '@turf/turf';
import type { PolygonCoords } from './types.ts';

export const LON_RANGE = [100, 120] as const;
export const LAT_RANGE = [5, 25] as const;
/** deg²; ≈ 0.01 m². Pack coordinates have 5 decimals, so any real ring is far larger. */
export const ZERO_AREA_EPSILON = 1e-12;

const MAX_PROBLEMS_PER_FEATURE = 5;

/** Twice the signed planar area of a closed ring (positions include the closing duplicate). */
export function ringArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** The polygons of a Polygon/MultiPolygon geometry, or null for anything else. */
export function polygonsOf(geometry: { type: string; coordinates: unknown } | null): PolygonCoords[] | null {
  if (!geometry || !Array.isArray(geometry.coordinates)) return null;
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonCoords];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as PolygonCoords[];
  return null;
}

function ringProblems(ring: unknown, where: string): string[] {
  if (!Array.isArray(ring)) return [`${where}: not an array of positions`];
  const problems: string[] = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as unknown;
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      return [`${where} position ${i}: non-finite coordinate ${JSON.stringify(p)}`];
    }
    const [lon, lat] = p as number[];
    if (lon < LON_RANGE[0] || lon > LON_RANGE[1] || lat < LAT_RANGE[0] || lat > LAT_RANGE[1]) {
      problems.push(
        `${where} position ${i}: coordinate (${lon}, ${lat}) outside lon ${LON_RANGE.join('..')} / lat ${LAT_RANGE.join('..')}`,
      );
      break;
    }
  }
  if (ring.length < 4) return [...problems, `${where}: ring has ${ring.length} positions (needs at least 4)`];
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where}: ring is not closed`);
  else if (Math.abs(ringArea2(ring as number[][])) / 2 < ZERO_AREA_EPSILON) problems.push(`${where}: ring has zero area`);
  return problems;
}

/** Problems that make a geometry unusable; [] when it is fine. */
export function validateGeometry(geometry: { type: string; coordinates: unknown } | null): string[] {
  if (!geometry) return ['has no geometry'];
  const polygons = polygonsOf(geometry);
  if (!polygons) return [`geometry type ${geometry.type} is not Polygon or MultiPolygon`];
  if (polygons.length === 0) return ['geometry has no polygons'];
  const problems: string[] = [];
  polygons.forEach((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) problems.push(`polygon ${p}: has no rings`);
    else polygon.forEach((ring, r) => problems.push(...ringProblems(ring, `polygon ${p} ring ${r}`)));
  });
  return problems.slice(0, MAX_PROBLEMS_PER_FEATURE);
}

/**
 * Points where segments of a geometry meet other than at ring neighbours, via turf kinks.
 * "touches" are at a shared vertex (a hole or part touching at one point, valid in OGC terms);
 * "crossings" are anywhere else.
 */
export function findKinks(geometry: { type: string; coordinates: unknown }): { crossings: number[][]; touches: number[][] } {
  const vertices = new Set<string>();
  for (const polygon of polygonsOf(geometry) ?? []) for (const ring of polygon) for (const p of ring) vertices.add(`${p[0]},${p[1]}`);
  const isVertex = ([x, y]: number[]) => vertices.has(`${x},${y}`) || vertices.has(`${+x.toFixed(9)},${+y.toFixed(9)}`);
  const crossings: number[][] = [];
  const touches: number[][] = [];
  // kinks reports a point once per ordered segment pair; dedupe.
  const seen = new Set<string>();
  for (const f of kinks(geometry as Parameters<typeof kinks>[0]).features) {
    const c = f.geometry.coordinates;
    const key = `${c[0].toFixed(9)},${c[1].toFixed(9)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (isVertex(c) ? touches : crossings).push(c);
  }
  return { crossings, touches };
}
