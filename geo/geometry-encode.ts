// Writes "NTMG" version 2 (see geometry-format.ts): grid-quantised positions, shared arcs, earcut triangles as ear ops.
import earcut from 'earcut';
import { GEOMETRY_FORMAT_VERSION, GEOMETRY_HEADER_BYTES, GEOMETRY_MAGIC } from '../src/common/geometry-format.ts';
import { buildTopology, ringVertexIds, simplifyTopology, type InputPolygon, type Topology } from './topology.ts';

type Ring = readonly (readonly number[])[];
type Polygon = readonly Ring[];

/** GeoJSON-like feature; a null or non-polygonal geometry contributes no polygons. */
export interface GeometryFeature {
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: Polygon }
    | { readonly type: 'MultiPolygon'; readonly coordinates: readonly Polygon[] }
    | { readonly type: string; readonly coordinates: unknown }
    | null;
}

export interface EncodeOptions {
  /** Grid steps per degree; 1e5 (default) keeps the data pack's 1e-5 degree coordinates exactly. */
  gridPerDegree?: number;
  /** Douglas-Peucker tolerance in degrees, applied to shared arcs (0 = keep every vertex). */
  simplify?: number;
}

export interface EncodeStats {
  arcs: number;
  arcPoints: number;
  vertices: number;
  triangles: number;
  /** Polygons whose triangles could not be written as ear ops (holes, or an unusual triangulation). */
  explicitPolygons: number;
  sectionBytes: { arcs: number; polygons: number; triangles: number };
}

function polygonsOf(geometry: GeometryFeature['geometry']): readonly Polygon[] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates as Polygon];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates as readonly Polygon[];
  return [];
}

/** Growable byte buffer of LEB128 varints. */
class VarintWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  u(value: number): void {
    // the decoder reads up to 2^31 - 1
    if (!(value >= 0) || !Number.isInteger(value) || value > 0x7fffffff) throw new Error(`varint out of range: ${value}`);
    if (this.length + 10 > this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  /** Signed value, zigzag-encoded. */
  z(value: number): void {
    this.u(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

const zig = (v: number) => (v >= 0 ? v * 2 : -v * 2 - 1);

/**
 * The triangles of a single-ring polygon as a sequence of ear removals from the ring's vertex cycle:
 * [vertex, emit] pairs, or null when the triangulation cannot be replayed that way.
 */
export function earOps(n: number, triangles: readonly number[]): [number, 0 | 1][] | null {
  const key = (a: number, b: number, c: number) => {
    const lo = Math.min(a, b, c), hi = Math.max(a, b, c);
    return (lo * n + (a + b + c - lo - hi)) * n + hi;
  };
  const remaining = new Map<number, number>();
  const uses = new Int32Array(n);
  for (let i = 0; i < triangles.length; i += 3) {
    const [a, b, c] = [triangles[i], triangles[i + 1], triangles[i + 2]];
    const k = key(a, b, c);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
    uses[a]++;
    uses[b]++;
    uses[c]++;
  }
  const prev = Int32Array.from({ length: n }, (_, i) => (i + n - 1) % n);
  const next = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
  const alive = new Uint8Array(n).fill(1);
  const ops: [number, 0 | 1][] = [];
  let left = triangles.length / 3;
  const stack: number[] = [];
  for (let i = n - 1; i >= 0; i--) stack.push(i);
  const unlink = (v: number) => {
    const a = prev[v], c = next[v];
    next[a] = c;
    prev[c] = a;
    alive[v] = 0;
    stack.push(a, c);
  };
  while (left > 0 && stack.length > 0) {
    const v = stack.pop()!;
    if (!alive[v]) continue;
    const a = prev[v], c = next[v];
    if (a === v || a === c) continue;
    if (uses[v] === 0) {
      ops.push([v, 0]);
      unlink(v);
      continue;
    }
    const k = key(a, v, c);
    const count = remaining.get(k) ?? 0;
    if (count === 0) continue;
    remaining.set(k, count - 1);
    uses[a]--;
    uses[v]--;
    uses[c]--;
    left--;
    ops.push([v, 1]);
    unlink(v);
  }
  return left === 0 ? ops : null;
}

/** Encodes features as NTMG version 2. `stats` (optional) receives section sizes and counts. */
export function encodeGeometry(features: readonly GeometryFeature[], options: EncodeOptions = {}, stats?: Partial<EncodeStats>): Uint8Array {
  const grid = options.gridPerDegree ?? 1e5;
  if (!Number.isInteger(grid) || grid <= 0 || grid > 1e7) throw new Error(`gridPerDegree must be a positive integer up to 1e7, got ${grid}`);
  const polygons: InputPolygon[] = [];
  const polygonFeature: number[] = [];
  features.forEach((feature, featureIndex) => {
    for (const polygon of polygonsOf(feature.geometry)) {
      polygons.push(polygon);
      polygonFeature.push(featureIndex);
    }
  });
  let topo: Topology = buildTopology(polygons, grid);
  if (options.simplify && options.simplify > 0) topo = simplifyTopology(topo, options.simplify * grid);

  // arcs renumbered in order of first use: new arcs are then mostly "previous + 1"
  const newIndex = new Int32Array(topo.arcs.length).fill(-1);
  const order: number[] = [];
  for (const polygon of topo.polygons) {
    for (const refs of polygon) {
      for (const r of refs) {
        const i = r < 0 ? ~r : r;
        if (newIndex[i] < 0) {
          newIndex[i] = order.length;
          order.push(i);
        }
      }
    }
  }
  const arcs = order.map((i) => topo.arcs[i]);
  const remap = (r: number) => (r < 0 ? ~newIndex[~r] : newIndex[r]);

  const arcOut = new VarintWriter();
  let px = 0, py = 0, arcPoints = 0;
  for (const arc of arcs) {
    arcOut.u(arc.length);
    for (const id of arc) {
      const x = topo.xs[id], y = topo.ys[id];
      arcOut.z(x - px);
      arcOut.z(y - py);
      px = x;
      py = y;
    }
    arcPoints += arc.length;
  }

  const polyOut = new VarintWriter();
  const triOut = new VarintWriter();
  let lastFeature = 0, lastArc = 0, nVertices = 0, nRings = 0, nTriangleIndices = 0, explicitPolygons = 0;
  topo.polygons.forEach((polygon, p) => {
    polyOut.z(polygonFeature[p] - lastFeature);
    lastFeature = polygonFeature[p];
    polyOut.u(polygon.length);
    const flat: number[] = [];
    const holes: number[] = [];
    polygon.forEach((refs, r) => {
      polyOut.u(refs.length);
      for (const ref of refs) {
        const m = remap(ref);
        const arc = m < 0 ? ~m : m;
        polyOut.u(zig(arc - lastArc) * 2 + (m < 0 ? 1 : 0));
        lastArc = arc;
      }
      if (r > 0) holes.push(flat.length / 2);
      for (const id of ringVertexIds(topo.arcs, refs)) flat.push(topo.xs[id] / grid, topo.ys[id] / grid);
      nRings++;
    });
    const n = flat.length / 2;
    nVertices += n;
    // triangulated on the positions the browser will decode (before the Float32 rounding)
    const tris = earcut(flat, holes);
    nTriangleIndices += tris.length;
    const ops = polygon.length === 1 ? earOps(n, tris) : null;
    if (ops) {
      triOut.u(ops.length * 2);
      let last = 0;
      for (const [v, emit] of ops) {
        triOut.u(zig(v - last) * 2 + emit);
        last = v;
      }
    } else {
      explicitPolygons++;
      triOut.u((tris.length / 3) * 2 + 1);
      let last = 0;
      for (const v of tris) {
        triOut.z(v - last);
        last = v;
      }
    }
  });

  const sections = [arcOut.bytes(), polyOut.bytes(), triOut.bytes()];
  const out = new Uint8Array(GEOMETRY_HEADER_BYTES + sections.reduce((s, b) => s + b.length, 0));
  for (let i = 0; i < 4; i++) out[i] = GEOMETRY_MAGIC.charCodeAt(i);
  const view = new DataView(out.buffer);
  const header = [
    GEOMETRY_FORMAT_VERSION, features.length, polygons.length, nVertices, nTriangleIndices, nRings, grid,
    arcs.length, arcPoints, sections[0].length, sections[1].length, sections[2].length,
  ];
  header.forEach((value, i) => view.setUint32(4 + 4 * i, value, true));
  let offset = GEOMETRY_HEADER_BYTES;
  for (const s of sections) {
    out.set(s, offset);
    offset += s.length;
  }
  if (stats) {
    Object.assign(stats, {
      arcs: arcs.length,
      arcPoints,
      vertices: nVertices,
      triangles: nTriangleIndices / 3,
      explicitPolygons,
      sectionBytes: { arcs: sections[0].length, polygons: sections[1].length, triangles: sections[2].length },
    } satisfies EncodeStats);
  }
  return out;
}
