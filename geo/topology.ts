// Shared-boundary topology for the geometry encoder (build time, Node or browser; no imports).
//
// Commune rings share their boundaries vertex for vertex (the pack is on a 1e-5 degree grid; about half of all
// ring vertices lie on a boundary that two communes share). The rings are cut into arcs at junctions (vertices
// where the neighbourhood changes: three communes meet, a shared boundary ends, a ring touches itself), equal arcs
// are stored once, and each ring becomes a list of arc references (forward or reversed). Simplifying arcs instead
// of rings keeps neighbours gap-free: a shared boundary is simplified once, for both sides.

/** One polygon's rings (outer first, then holes) as [x, y] positions in degrees; a closing duplicate is allowed. */
export type InputPolygon = readonly (readonly (readonly number[])[])[];

export interface Topology {
  /** Grid coordinates (integers, degrees * gridPerDegree) by vertex id. */
  xs: Int32Array;
  ys: Int32Array;
  /** Vertex ids of each arc, junction to junction inclusive (a closed loop starts and ends with the same id). */
  arcs: Int32Array[];
  /** Per polygon, per ring: arc references; r >= 0 is arc r forward, r < 0 is arc ~r reversed. */
  polygons: number[][][];
}

const KEY_SCALE = 2 ** 26;

/**
 * Quantises rings to the grid, drops consecutive duplicates and the closing vertex, cuts them into shared arcs.
 * Rings left with fewer than 3 distinct vertices after quantisation are kept (they triangulate to nothing).
 */
export function buildTopology(polygons: readonly InputPolygon[], gridPerDegree: number): Topology {
  const ids = new Map<number, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const idOf = (x: number, y: number): number => {
    // x, y < 2^26 for |lon|, |lat| <= 180 at 1e5 per degree after the offset; the key is exact in a double
    const key = (x + KEY_SCALE / 2) * KEY_SCALE + (y + KEY_SCALE / 2);
    let id = ids.get(key);
    if (id === undefined) {
      id = xs.length;
      ids.set(key, id);
      xs.push(x);
      ys.push(y);
    }
    return id;
  };

  // 1. rings as vertex ids
  const rings: number[][][] = polygons.map((polygon) =>
    polygon.map((ring) => {
      const out: number[] = [];
      for (const p of ring) {
        const id = idOf(Math.round(p[0] * gridPerDegree), Math.round(p[1] * gridPerDegree));
        if (out.length === 0 || out[out.length - 1] !== id) out.push(id);
      }
      while (out.length > 1 && out[out.length - 1] === out[0]) out.pop();
      return out;
    }),
  );

  // 2. junctions: a vertex seen with two different neighbour pairs
  const n = xs.length;
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const junction = new Uint8Array(n);
  for (const polygon of rings) {
    for (const ring of polygon) {
      const len = ring.length;
      for (let i = 0; i < len; i++) {
        const v = ring[i];
        const a = ring[(i + len - 1) % len];
        const b = ring[(i + 1) % len];
        if (left[v] < 0) {
          left[v] = a;
          right[v] = b;
        } else if (!((left[v] === a && right[v] === b) || (left[v] === b && right[v] === a))) {
          junction[v] = 1;
        }
      }
    }
  }
  // a ring with no junction (an island, or a commune enclosed by another): cut it at its lowest vertex, which every
  // ring along the same cycle picks too
  for (const polygon of rings) {
    for (const ring of polygon) {
      if (ring.length === 0 || ring.some((v) => junction[v])) continue;
      let best = ring[0];
      for (const v of ring) if (xs[v] < xs[best] || (xs[v] === xs[best] && ys[v] < ys[best])) best = v;
      junction[best] = 1;
    }
  }

  // 3. cut rings into arcs, store each arc once
  const arcs: Int32Array[] = [];
  const arcIndex = new Map<string, number>();
  const refOf = (seq: number[]): number => {
    const key = seq.join(',');
    const found = arcIndex.get(key);
    if (found !== undefined) return found;
    const reversedKey = seq.slice().reverse().join(',');
    const rev = arcIndex.get(reversedKey);
    if (rev !== undefined) return ~rev;
    arcs.push(Int32Array.from(seq));
    arcIndex.set(key, arcs.length - 1);
    return arcs.length - 1;
  };
  const out = rings.map((polygon) =>
    polygon.map((ring) => {
      const len = ring.length;
      if (len === 0) return [];
      const start = ring.findIndex((v) => junction[v]);
      const refs: number[] = [];
      let seq = [ring[start]];
      for (let k = 1; k <= len; k++) {
        const v = ring[(start + k) % len];
        seq.push(v);
        if (junction[v]) {
          refs.push(refOf(seq));
          seq = [v];
        }
      }
      return refs;
    }),
  );
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys), arcs, polygons: out };
}

/** Squared distance from p to the segment a-b (grid units). */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Douglas-Peucker keep-flags for one arc (endpoints always kept); `minInterior` forces the farthest points in. */
function simplifyArc(arc: Int32Array, xs: Int32Array, ys: Int32Array, tolerance: number, minInterior: number): Int32Array {
  const n = arc.length;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  let forced = minInterior;
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    if (last - first < 2) continue;
    const ax = xs[arc[first]], ay = ys[arc[first]], bx = xs[arc[last]], by = ys[arc[last]];
    let worst = -1, worstD = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(xs[arc[i]], ys[arc[i]], ax, ay, bx, by);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worstD > tol2 || forced > 0) {
      if (worstD <= tol2) forced--;
      keep[worst] = 1;
      stack.push(first, worst, worst, last);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(arc[i]);
  return Int32Array.from(out);
}

function distinctVertices(refs: readonly number[], arcs: readonly Int32Array[]): number {
  const seen = new Set<number>();
  for (const r of refs) for (const v of arcs[r < 0 ? ~r : r]) seen.add(v);
  return seen.size;
}

/**
 * Simplifies every arc once (Douglas-Peucker, tolerance in grid units), so shared boundaries stay shared and
 * neighbours keep meeting without gaps. Rings that would fall below 3 distinct vertices keep their arcs' farthest
 * interior points, so no feature disappears.
 */
export function simplifyTopology(t: Topology, tolerance: number): Topology {
  const minInterior = new Uint8Array(t.arcs.length);
  const arcs = t.arcs.map((a) => simplifyArc(a, t.xs, t.ys, tolerance, 0));
  for (let pass = 1; pass <= 2; pass++) {
    let changed = false;
    for (const polygon of t.polygons) {
      for (const refs of polygon) {
        if (refs.length === 0 || distinctVertices(refs, arcs) >= 3) continue;
        for (const r of refs) {
          const i = r < 0 ? ~r : r;
          const original = t.arcs[i];
          const closed = original[0] === original[original.length - 1];
          const want = Math.min(original.length - 2, (closed ? 2 : 1) * pass);
          if (want > minInterior[i]) {
            minInterior[i] = want;
            arcs[i] = simplifyArc(original, t.xs, t.ys, tolerance, want);
            changed = true;
          }
        }
      }
    }
    if (!changed) break;
  }
  return { ...t, arcs };
}

/** Vertex ids of a ring assembled from its arcs (each arc's last vertex is the next one's first; closing dropped). */
export function ringVertexIds(arcs: Int32Array[], refs: readonly number[]): number[] {
  const out: number[] = [];
  for (const r of refs) {
    const arc = arcs[r < 0 ? ~r : r];
    const m = arc.length;
    if (r >= 0) for (let i = 0; i < m - 1; i++) out.push(arc[i]);
    else for (let i = m - 1; i > 0; i--) out.push(arc[i]);
  }
  return out;
}
