import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earOps, encodeGeometry, type GeometryFeature } from '../../../geo/geometry-encode.ts';
import { GEOMETRY_HEADER_BYTES, decodeGeometry, readGeometryHeader, type DecodedGeometry } from '../../../src/common/geometry-format.ts';

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const poly = (...rings: number[][][]) => ({ geometry: { type: 'Polygon', coordinates: rings } }) as GeometryFeature;

// Feature 0: square with a square hole; feature 1: no geometry; feature 2: two-part multipolygon.
const features: GeometryFeature[] = [
  poly(square(0, 0, 4), square(1, 1, 2)),
  { geometry: null },
  { geometry: { type: 'MultiPolygon', coordinates: [[square(10, 0, 1)], [[[20, 0], [21, 0], [20, 1], [20, 0]]]] } },
];

/** Ring i of the decoded geometry as "x,y" strings on the 1e-5 grid. */
function ringOf(g: DecodedGeometry, i: number): string[] {
  const out: string[] = [];
  for (let v = g.ringStarts[i]; v < g.ringStarts[i + 1]; v++) out.push(`${Math.round(g.positions[2 * v] * 1e5)},${Math.round(g.positions[2 * v + 1] * 1e5)}`);
  return out;
}

/** The source ring (closing vertex dropped) in the same form. */
const sourceRing = (ring: number[][]) => ring.slice(0, -1).map(([x, y]) => `${Math.round(x * 1e5)},${Math.round(y * 1e5)}`);

/** Equal as cycles: the encoder may start a ring at another vertex (a junction), never change its direction. */
function sameCycle(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const k = a.indexOf(b[0]);
  return k >= 0 && [...a.slice(k), ...a.slice(0, k)].join(';') === b.join(';');
}

const signedArea = (pts: number[][]) => pts.reduce((s, [x1, y1], i) => {
  const [x2, y2] = pts[(i + 1) % pts.length];
  return s + (x1 * y2 - x2 * y1) / 2;
}, 0);

/** Polygon area from its rings (outer minus holes) and from its triangles: equal when the triangles tile it. */
function areas(g: DecodedGeometry, p: number): { rings: number; triangles: number } {
  const pt = (v: number) => [g.positions[2 * v], g.positions[2 * v + 1]];
  let rings = 0;
  for (let r = 0; r < g.ringStarts.length - 1; r++) {
    if (g.ringStarts[r] < g.polygonStarts[p] || g.ringStarts[r] >= g.polygonStarts[p + 1]) continue;
    const pts = [];
    for (let v = g.ringStarts[r]; v < g.ringStarts[r + 1]; v++) pts.push(pt(v));
    rings += (g.ringStarts[r] === g.polygonStarts[p] ? 1 : -1) * Math.abs(signedArea(pts));
  }
  let triangles = 0;
  for (let t = 0; t < g.triangles.length; t += 3) {
    if (g.triangles[t] < g.polygonStarts[p] || g.triangles[t] >= g.polygonStarts[p + 1]) continue;
    triangles += Math.abs(signedArea([pt(g.triangles[t]), pt(g.triangles[t + 1]), pt(g.triangles[t + 2])]));
  }
  return { rings, triangles };
}

describe('geometry format', () => {
  const bin = encodeGeometry(features);

  it('writes the header', () => {
    expect(new TextDecoder().decode(bin.subarray(0, 4))).toBe('NTMG');
    expect(GEOMETRY_HEADER_BYTES).toBe(64);
    expect(readGeometryHeader(bin)).toMatchObject({ version: 2, nFeatures: 3, nPolygons: 3, nVertices: 15, nTriangleIndices: 3 * (8 + 2 + 1), nRings: 4, gridPerDegree: 1e5 });
    const reserved = new DataView(bin.buffer, bin.byteOffset + 52, 12);
    expect([0, 4, 8].map((o) => reserved.getUint32(o, true))).toEqual([0, 0, 0]);
  });

  it('round-trips rings, polygon starts and feature indices', () => {
    const g = decodeGeometry(bin.slice().buffer);
    expect(g.nFeatures).toBe(3);
    expect(Array.from(g.polygonStarts)).toEqual([0, 8, 12, 15]);
    expect(Array.from(g.polygonFeature)).toEqual([0, 2, 2]);
    expect(Array.from(g.ringStarts)).toEqual([0, 4, 8, 12, 15]);
    const source = [square(0, 0, 4), square(1, 1, 2), square(10, 0, 1), [[20, 0], [21, 0], [20, 1], [20, 0]]];
    source.forEach((ring, i) => expect(sameCycle(ringOf(g, i), sourceRing(ring))).toBe(true));
    expect(g.positions).toBeInstanceOf(Float32Array);
    for (const a of [g.polygonStarts, g.polygonFeature, g.ringStarts, g.triangles]) expect(a).toBeInstanceOf(Uint32Array);
  });

  it('triangulates each polygon with absolute indices inside its own polygon, covering it exactly', () => {
    const g = decodeGeometry(bin);
    const nVertices = g.positions.length / 2;
    expect(g.triangles.length / 3).toBe(11);
    expect(Math.max(...g.triangles)).toBeLessThan(nVertices);
    const polygonOf = (v: number) => g.polygonStarts.findIndex((s, i) => v >= s && v < g.polygonStarts[i + 1]);
    const perPolygon = [0, 0, 0];
    for (let t = 0; t < g.triangles.length; t += 3) {
      const p = polygonOf(g.triangles[t]);
      expect(polygonOf(g.triangles[t + 1])).toBe(p);
      expect(polygonOf(g.triangles[t + 2])).toBe(p);
      perPolygon[p]++;
    }
    expect(perPolygon).toEqual([8, 2, 1]);
    for (let p = 0; p < 3; p++) {
      const a = areas(g, p);
      expect(a.triangles).toBeCloseTo(a.rings, 9);
    }
    expect(areas(g, 0).rings).toBeCloseTo(12, 9);
  });

  it('rounds positions to the grid: within half a step, plus Float32 rounding', () => {
    const odd = [poly([[105.123456789, 10.987654321], [105.2, 10.9], [105.25, 11.05], [105.123456789, 10.987654321]])];
    for (const grid of [1e5, 1e4]) {
      const g = decodeGeometry(encodeGeometry(odd, { gridPerDegree: grid }));
      const xs = Array.from({ length: 3 }, (_, i) => g.positions[2 * i]);
      const ys = Array.from({ length: 3 }, (_, i) => g.positions[2 * i + 1]);
      const i = xs.findIndex((x) => Math.abs(x - 105.123456789) < 1 / grid);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(Math.abs(xs[i] - 105.123456789)).toBeLessThanOrEqual(0.5 / grid + 1e-5 * 0.4);
      expect(Math.abs(ys[i] - 10.987654321)).toBeLessThanOrEqual(0.5 / grid + 1e-6);
    }
  });

  it('stores a shared boundary once and decodes identical coordinates on both sides', () => {
    // two unit squares side by side, with extra vertices along the shared edge x = 1
    const leftRing = [[0, 0], [1, 0], [1, 0.25], [1, 0.5], [1, 0.75], [1, 1], [0, 1], [0, 0]];
    const rightRing = [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0.75], [1, 0.5], [1, 0.25], [1, 0]];
    const left = poly(leftRing);
    const right = poly(rightRing);
    const shared = encodeGeometry([left, right]);
    const h = readGeometryHeader(shared);
    // 14 ring vertices; the 5 points of the shared edge are stored once: 3 arcs of 5 + 4 + 4 points
    expect(h.nVertices).toBe(14);
    expect(h.nArcs).toBe(3);
    expect(h.nArcPoints).toBe(13);
    const g = decodeGeometry(shared);
    const onEdge = (r: number) => ringOf(g, r).filter((p) => p.startsWith('100000,')).sort();
    expect(onEdge(0)).toEqual(onEdge(1));
    expect(onEdge(0)).toHaveLength(5);
    expect(sameCycle(ringOf(g, 0), sourceRing(leftRing))).toBe(true);
    expect(sameCycle(ringOf(g, 1), sourceRing(rightRing))).toBe(true);
  });

  it('shares the ring of an enclosed commune with the hole around it', () => {
    const hole = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]; // the hole runs the other way round
    const g2 = encodeGeometry([poly(square(0, 0, 3), hole), poly(square(1, 1, 1))]);
    expect(readGeometryHeader(g2)).toMatchObject({ nArcs: 2, nArcPoints: 10 });
    const g = decodeGeometry(g2);
    expect(sameCycle(ringOf(g, 1), sourceRing(hole))).toBe(true);
    expect(sameCycle(ringOf(g, 2), sourceRing(square(1, 1, 1)))).toBe(true);
  });

  it('simplifies shared arcs once: fewer vertices, no gaps between neighbours, no polygon lost', () => {
    // a wiggly shared edge between two squares, and a tiny triangle that must not vanish
    const wiggle = Array.from({ length: 21 }, (_, i) => [1 + (i % 2 ? 0.0005 : 0), i / 20]);
    const left = poly([[0, 0], ...wiggle, [0, 1], [0, 0]]);
    const right = poly([[1, 0], [2, 0], [2, 1], ...wiggle.slice().reverse()]);
    const tiny = poly([[5, 5], [5.0001, 5], [5, 5.0001], [5, 5]]);
    const full = decodeGeometry(encodeGeometry([left, right, tiny]));
    const coarse = decodeGeometry(encodeGeometry([left, right, tiny], { simplify: 0.001, gridPerDegree: 1e4 }));
    expect(coarse.positions.length).toBeLessThan(full.positions.length / 3);
    expect(Array.from(coarse.polygonFeature)).toEqual([0, 1, 2]);
    const edge = (r: number) => ringOf(coarse, r).filter((p) => Number(p.split(',')[0]) >= 99_000 && Number(p.split(',')[0]) <= 101_000).sort();
    expect(edge(0)).toEqual(edge(1));
    expect(coarse.polygonStarts[3] - coarse.polygonStarts[2]).toBe(3);
    for (let p = 0; p < 3; p++) {
      const a = areas(coarse, p);
      expect(a.triangles).toBeCloseTo(a.rings, 9);
    }
  });

  it('decodes from an unaligned Uint8Array (Node Buffer slices)', () => {
    const padded = new Uint8Array(bin.byteLength + 1);
    padded.set(bin, 1);
    const g = decodeGeometry(padded.subarray(1));
    expect(Array.from(g.polygonStarts)).toEqual([0, 8, 12, 15]);
  });

  it('rejects a wrong magic, a wrong version or a truncated buffer', () => {
    const bad = bin.slice();
    bad[0] = 0x58;
    expect(() => decodeGeometry(bad)).toThrow(/not an NTMG/);
    const v3 = bin.slice();
    new DataView(v3.buffer).setUint32(4, 3, true);
    expect(() => decodeGeometry(v3)).toThrow(/unsupported NTMG version 3/);
    expect(() => decodeGeometry(bin.slice(0, bin.byteLength - 4))).toThrow(/header implies/);
  });

  it('rejects a corrupt section instead of returning wrong geometry', () => {
    const corrupt = bin.slice();
    const h = readGeometryHeader(bin);
    // the first polygon's ring count lives in the polygon section: claim far more rings than the header has
    const polygonSection = GEOMETRY_HEADER_BYTES + h.arcBytes!;
    corrupt[polygonSection + 1] = 0x7f;
    expect(() => decodeGeometry(corrupt)).toThrow(/corrupt/);
  });

  it('still reads version 1 buffers', () => {
    const v1 = new Uint8Array(32 + 4 * (3 * 2 + 2 + 1 + 2 + 3));
    v1.set([0x4e, 0x54, 0x4d, 0x47]);
    new Uint32Array(v1.buffer, 4, 7).set([1, 1, 1, 3, 3, 1, 0]);
    new Float32Array(v1.buffer, 32, 6).set([0, 0, 1, 0, 0, 1]);
    new Uint32Array(v1.buffer, 56, 8).set([0, 3, 0, 0, 3, 0, 1, 2]);
    const g = decodeGeometry(v1);
    expect(Array.from(g.positions)).toEqual([0, 0, 1, 0, 0, 1]);
    expect(Array.from(g.triangles)).toEqual([0, 1, 2]);
    expect(readGeometryHeader(v1).version).toBe(1);
  });

  it('encodes an empty layer', () => {
    const g = decodeGeometry(encodeGeometry([]));
    expect(g.nFeatures).toBe(0);
    expect(Array.from(g.polygonStarts)).toEqual([0]);
    expect(Array.from(g.ringStarts)).toEqual([0]);
  });

  it('round-trips random star-shaped polygons exactly on the grid, triangles tiling each one', () => {
    const star = fc
      .record({
        cx: fc.integer({ min: 10_200_000, max: 11_700_000 }),
        cy: fc.integer({ min: 800_000, max: 2_300_000 }),
        radii: fc.array(fc.integer({ min: 50, max: 5_000 }), { minLength: 3, maxLength: 60 }),
      })
      .map(({ cx, cy, radii }) => {
        const ring = radii.map((r, i) => {
          const a = (2 * Math.PI * i) / radii.length;
          return [(cx + Math.round(r * Math.cos(a))) / 1e5, (cy + Math.round(r * Math.sin(a))) / 1e5];
        });
        return [...ring, ring[0]];
      });
    fc.assert(
      fc.property(fc.array(star, { minLength: 1, maxLength: 5 }), (rings) => {
        const g = decodeGeometry(encodeGeometry(rings.map((r) => poly(r))));
        const dedup = rings.map((r) => sourceRing(r).filter((p, i, a) => p !== a[(i + a.length - 1) % a.length]));
        dedup.forEach((r, i) => expect(sameCycle(ringOf(g, i), r)).toBe(true));
        for (let p = 0; p < rings.length; p++) {
          const a = areas(g, p);
          expect(a.triangles).toBeCloseTo(a.rings, 6);
        }
      }),
      { numRuns: 60, seed: 20240201 },
    );
  });
});

describe('ear ops', () => {
  it('replays a fan triangulation as one ear per triangle', () => {
    expect(earOps(5, [0, 1, 2, 0, 2, 3, 0, 3, 4])).toEqual([[1, 1], [2, 1], [3, 1]]);
  });

  it('drops a vertex no triangle uses (a collinear point earcut filtered out)', () => {
    // square 0-1-3-4 with vertex 2 collinear on the edge 1-3
    const ops = earOps(5, [0, 1, 3, 0, 3, 4]);
    expect(ops).not.toBeNull();
    expect(ops!.filter(([, emit]) => emit === 1)).toHaveLength(2);
    expect(ops).toContainEqual([2, 0]);
  });

  it('returns null for triangles that are no triangulation of the ring', () => {
    expect(earOps(4, [0, 2, 3, 0, 2, 3])).toBeNull();
    expect(earOps(4, [0, 1, 2, 0, 1, 2])).toBeNull();
  });
});
