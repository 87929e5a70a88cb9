// Binary polygon geometry "NTMG", read in the browser (no Node imports, no dependencies here; the encoder is
// geo/geometry-encode.ts). decodeGeometry() always returns the same flat arrays, whatever the version:
//   positions      Float32 [lon, lat] per vertex; each ring's closing duplicate vertex is dropped
//   polygonStarts  Uint32 [nPolygons + 1] first vertex of each polygon (outer ring + holes); last = nVertices
//   polygonFeature Uint32 [nPolygons] feature index of each polygon (MultiPolygon parts are separate polygons)
//   ringStarts     Uint32 [nRings + 1] first vertex of each ring; last = nVertices
//   triangles      Uint32 [nTriangleIndices] triangles, absolute vertex indices, each inside its own polygon
//
// Version 2 (written by the build): positions on an integer grid (gridPerDegree, 1e5 = the pack's own 1e-5 degree
// precision), shared boundaries stored once as arcs, everything as LEB128 varints (z = zigzag for signed values).
//   Header, 64 bytes, little-endian Uint32: "NTMG", version = 2, nFeatures, nPolygons, nVertices,
//     nTriangleIndices, nRings, gridPerDegree, nArcs, nArcPoints, arcBytes, polygonBytes, triangleBytes, 0, 0, 0.
//   arcs      per arc: n, then n points as z(dx) z(dy) from the point before (the previous arc's last; 0,0 first)
//   polygons  per polygon: z(feature - previous polygon's feature), nRings; per ring: nRefs, then per arc reference
//             z(arc - previous arc referenced) * 2 + reversed. A ring is its arcs joined, each arc's last point
//             dropped (it is the next arc's first; the last one is the ring's closing vertex).
//   triangles per polygon: nOps * 2 + explicit.
//             explicit = 0, ear ops (single-ring polygons): the polygon's vertices form a cycle; each op is
//               z(v - previous v) * 2 + emit with v a local vertex index: v leaves the cycle and, when emit = 1,
//               the triangle (prev(v), v, next(v)) is output. One varint per triangle, usually one byte.
//             explicit = 1: nOps triangles of 3 z(local index - previous local index) each.
// Version 1 (still read): "NTMG", 1, nFeatures, nPolygons, nVertices, nTriangleIndices, nRings, 0, then the five
//   arrays above as raw Float32/Uint32 sections.

export const GEOMETRY_MAGIC = 'NTMG';
export const GEOMETRY_FORMAT_VERSION = 2;
/** Header size of the current version (version 1 headers are 32 bytes). */
export const GEOMETRY_HEADER_BYTES = 64;
const V1_HEADER_BYTES = 32;

export interface GeometryHeader {
  version: number;
  nFeatures: number;
  nPolygons: number;
  nVertices: number;
  nTriangleIndices: number;
  nRings: number;
  /** Version 2: grid steps per degree (positions are multiples of 1 / gridPerDegree). */
  gridPerDegree?: number;
  nArcs?: number;
  nArcPoints?: number;
  arcBytes?: number;
  polygonBytes?: number;
  triangleBytes?: number;
}

export interface DecodedGeometry {
  nFeatures: number;
  positions: Float32Array;
  polygonStarts: Uint32Array;
  polygonFeature: Uint32Array;
  ringStarts: Uint32Array;
  triangles: Uint32Array;
}

const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type Aligned = { buffer: ArrayBuffer; byteOffset: number; byteLength: number };

function asAlignedBuffer(buf: ArrayBuffer | Uint8Array): Aligned {
  if (!ArrayBuffer.isView(buf)) return { buffer: buf, byteOffset: 0, byteLength: buf.byteLength };
  // Node Buffers may sit at any offset inside a shared pool; typed views need 4-byte alignment.
  const bytes = buf.byteOffset % 4 === 0 ? buf : buf.slice();
  return { buffer: bytes.buffer as ArrayBuffer, byteOffset: bytes.byteOffset, byteLength: bytes.byteLength };
}

function v1ByteLength(h: GeometryHeader): number {
  return V1_HEADER_BYTES + 4 * (h.nVertices * 2 + (h.nPolygons + 1) + h.nPolygons + (h.nRings + 1) + h.nTriangleIndices);
}

function headerOf({ buffer, byteOffset, byteLength }: Aligned): GeometryHeader {
  if (byteLength < V1_HEADER_BYTES) throw new Error(`geometry buffer too short (${byteLength} bytes)`);
  const magic = String.fromCharCode(...new Uint8Array(buffer, byteOffset, 4));
  if (magic !== GEOMETRY_MAGIC) throw new Error(`not an ${GEOMETRY_MAGIC} geometry buffer (magic ${JSON.stringify(magic)})`);
  const view = new DataView(buffer, byteOffset, Math.min(byteLength, GEOMETRY_HEADER_BYTES));
  const u32 = (i: number) => view.getUint32(4 + 4 * i, true);
  const version = u32(0);
  const base = { version, nFeatures: u32(1), nPolygons: u32(2), nVertices: u32(3), nTriangleIndices: u32(4), nRings: u32(5) };
  if (version === 1) {
    const expected = v1ByteLength(base);
    if (byteLength !== expected) throw new Error(`${GEOMETRY_MAGIC} buffer is ${byteLength} bytes, header implies ${expected}`);
    return base;
  }
  if (version !== 2) throw new Error(`unsupported ${GEOMETRY_MAGIC} version ${version}`);
  if (byteLength < GEOMETRY_HEADER_BYTES) throw new Error(`geometry buffer too short (${byteLength} bytes)`);
  const header: GeometryHeader = {
    ...base,
    gridPerDegree: u32(6),
    nArcs: u32(7),
    nArcPoints: u32(8),
    arcBytes: u32(9),
    polygonBytes: u32(10),
    triangleBytes: u32(11),
  };
  const expected = GEOMETRY_HEADER_BYTES + header.arcBytes! + header.polygonBytes! + header.triangleBytes!;
  if (byteLength !== expected) throw new Error(`${GEOMETRY_MAGIC} buffer is ${byteLength} bytes, header implies ${expected}`);
  if (!(header.gridPerDegree! > 0)) throw new Error(`${GEOMETRY_MAGIC} header: gridPerDegree must be positive`);
  return header;
}

/** Reads and checks the header; throws on a wrong magic, version or length. */
export function readGeometryHeader(buf: ArrayBuffer | Uint8Array): GeometryHeader {
  return headerOf(asAlignedBuffer(buf));
}

/** Decodes a geometry buffer (version 1: typed-array views, no copy; version 2: decoded into new arrays). */
export function decodeGeometry(buf: ArrayBuffer | Uint8Array): DecodedGeometry {
  if (!hostIsLittleEndian) throw new Error('decodeGeometry needs a little-endian host');
  const aligned = asAlignedBuffer(buf);
  const h = headerOf(aligned);
  return h.version === 1 ? decodeV1(aligned, h) : decodeV2(aligned, h);
}

function decodeV1(aligned: Aligned, h: GeometryHeader): DecodedGeometry {
  const { buffer } = aligned;
  let offset = aligned.byteOffset + V1_HEADER_BYTES;
  const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, n: number): T => {
    const view = make(buffer, offset, n);
    offset += n * 4;
    return view;
  };
  const f32 = (b: ArrayBuffer, o: number, n: number) => new Float32Array(b, o, n);
  const u32 = (b: ArrayBuffer, o: number, n: number) => new Uint32Array(b, o, n);
  return {
    nFeatures: h.nFeatures,
    positions: take(f32, h.nVertices * 2),
    polygonStarts: take(u32, h.nPolygons + 1),
    polygonFeature: take(u32, h.nPolygons),
    ringStarts: take(u32, h.nRings + 1),
    triangles: take(u32, h.nTriangleIndices),
  };
}

class CorruptGeometry extends Error {
  constructor(what: string) {
    super(`${GEOMETRY_MAGIC} buffer is corrupt: ${what}`);
  }
}

function decodeV2(aligned: Aligned, h: GeometryHeader): DecodedGeometry {
  const grid = h.gridPerDegree!;
  const nArcs = h.nArcs!;
  const all = new Uint8Array(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  let pos = GEOMETRY_HEADER_BYTES;
  let end = pos + h.arcBytes!;
  // LEB128, unrolled. Values stay below 2^31 (the encoder checks); reading past a section is caught by the length
  // checks after each section, and every index is range-checked before it is used.
  const read = (): number => {
    let b = all[pos++];
    if (b < 0x80) return b;
    let v = b & 0x7f;
    b = all[pos++];
    v |= (b & 0x7f) << 7;
    if (b < 0x80) return v;
    b = all[pos++];
    v |= (b & 0x7f) << 14;
    if (b < 0x80) return v;
    b = all[pos++];
    v |= (b & 0x7f) << 21;
    if (b < 0x80) return v;
    b = all[pos++];
    if (b >= 0x08) throw new CorruptGeometry(`varint too large at byte ${pos - 1}`);
    return v + b * 2 ** 28;
  };
  const unzig = (z: number) => (z >>> 1) ^ -(z & 1);

  // arcs
  const arcStart = new Uint32Array(nArcs + 1);
  const arcXY = new Int32Array(h.nArcPoints! * 2);
  const inv = 1 / grid;
  let x = 0, y = 0, k = 0;
  for (let a = 0; a < nArcs; a++) {
    arcStart[a] = k;
    const n = read();
    if (k + n > h.nArcPoints!) throw new CorruptGeometry('more arc points than the header says');
    for (let i = 0; i < n; i++) {
      x += unzig(read());
      y += unzig(read());
      arcXY[2 * k] = x;
      arcXY[2 * k + 1] = y;
      k++;
    }
  }
  arcStart[nArcs] = k;
  if (pos !== end || k !== h.nArcPoints) throw new CorruptGeometry('arc section length');

  // polygons, rings, positions
  end = pos + h.polygonBytes!;
  const positions = new Float32Array(h.nVertices * 2);
  const polygonStarts = new Uint32Array(h.nPolygons + 1);
  const polygonFeature = new Uint32Array(h.nPolygons);
  const ringStarts = new Uint32Array(h.nRings + 1);
  let v = 0, ring = 0, feature = 0, arc = 0;
  for (let p = 0; p < h.nPolygons; p++) {
    feature += unzig(read());
    if (feature < 0 || feature >= h.nFeatures) throw new CorruptGeometry(`feature index ${feature}`);
    polygonFeature[p] = feature;
    polygonStarts[p] = v;
    const nr = read();
    for (let r = 0; r < nr; r++) {
      if (ring >= h.nRings) throw new CorruptGeometry('more rings than the header says');
      ringStarts[ring++] = v;
      const nRefs = read();
      for (let i = 0; i < nRefs; i++) {
        const code = read();
        arc += unzig(code >>> 1);
        if (arc < 0 || arc >= nArcs) throw new CorruptGeometry(`arc reference ${arc}`);
        const from = arcStart[arc], to = arcStart[arc + 1];
        if (v + (to - from - 1) > h.nVertices) throw new CorruptGeometry('more vertices than the header says');
        if ((code & 1) === 0) {
          for (let j = from; j < to - 1; j++, v++) {
            positions[2 * v] = arcXY[2 * j] * inv;
            positions[2 * v + 1] = arcXY[2 * j + 1] * inv;
          }
        } else {
          for (let j = to - 1; j > from; j--, v++) {
            positions[2 * v] = arcXY[2 * j] * inv;
            positions[2 * v + 1] = arcXY[2 * j + 1] * inv;
          }
        }
      }
    }
  }
  polygonStarts[h.nPolygons] = v;
  ringStarts[ring] = v;
  if (pos !== end || v !== h.nVertices || ring !== h.nRings) throw new CorruptGeometry('polygon section does not match the header');

  // triangles
  end = pos + h.triangleBytes!;
  const triangles = new Uint32Array(h.nTriangleIndices);
  const prev = new Int32Array(h.nVertices);
  const next = new Int32Array(h.nVertices);
  let t = 0;
  for (let p = 0; p < h.nPolygons; p++) {
    const s = polygonStarts[p], n = polygonStarts[p + 1] - s;
    const head = read();
    const nOps = head >>> 1;
    if ((head & 1) === 1) {
      if (t + 3 * nOps > h.nTriangleIndices) throw new CorruptGeometry('more triangles than the header says');
      let last = 0;
      for (let i = 0; i < 3 * nOps; i++) {
        last += unzig(read());
        if (last < 0 || last >= n) throw new CorruptGeometry('triangle index outside its polygon');
        triangles[t++] = s + last;
      }
      continue;
    }
    if (nOps === 0) continue;
    for (let i = 0; i < n; i++) {
      prev[s + i] = s + (i === 0 ? n - 1 : i - 1);
      next[s + i] = s + (i === n - 1 ? 0 : i + 1);
    }
    let last = 0;
    for (let i = 0; i < nOps; i++) {
      const b = all[pos++];
      const op = b < 0x80 ? b : (pos--, read());
      const z = op >>> 1;
      last += (z >>> 1) ^ -(z & 1);
      if (last < 0 || last >= n) throw new CorruptGeometry('ear vertex outside its polygon');
      const e = s + last, a = prev[e], c = next[e];
      if ((op & 1) === 1) {
        if (t + 3 > h.nTriangleIndices) throw new CorruptGeometry('more triangles than the header says');
        triangles[t++] = a;
        triangles[t++] = e;
        triangles[t++] = c;
      }
      next[a] = c;
      prev[c] = a;
    }
  }
  if (pos !== end || t !== h.nTriangleIndices) throw new CorruptGeometry('triangle section does not match the header');
  return { nFeatures: h.nFeatures, positions, polygonStarts, polygonFeature, ringStarts, triangles };
}
