// Binary polygon geometry "NTMG" v1, read in the browser with typed-array views (no Node imports here).
//
// Little-endian. Header: "NTMG", then Uint32 version, nFeatures, nPolygons, nVertices, nTriangleIndices, nRings, 0.
// Sections (all 4-byte types, so each starts 4-byte aligned), in order:
//   Float32 positions[nVertices*2]     lon,lat; each ring's closing duplicate vertex is dropped
//   Uint32  polygonStarts[nPolygons+1] first vertex of each polygon (outer ring + holes); last = nVertices
//   Uint32  polygonFeature[nPolygons]  feature index of each polygon (MultiPolygon parts are separate polygons)
//   Uint32  ringStarts[nRings+1]       first vertex of each ring; last = nVertices
//   Uint32  triangles[nTriangleIndices] earcut triangles, absolute vertex indices
import earcut from 'earcut';

export const GEOMETRY_MAGIC = 'NTMG';
export const GEOMETRY_FORMAT_VERSION = 1;
export const GEOMETRY_HEADER_BYTES = 32;

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

export interface GeometryHeader {
  version: number;
  nFeatures: number;
  nPolygons: number;
  nVertices: number;
  nTriangleIndices: number;
  nRings: number;
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

function polygonsOf(geometry: GeometryFeature['geometry']): readonly Polygon[] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates as Polygon];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates as readonly Polygon[];
  return [];
}

function ringLength(ring: Ring): number {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && first[0] === last[0] && first[1] === last[1];
  return closed ? ring.length - 1 : ring.length;
}

function byteLengthFor(h: GeometryHeader): number {
  return GEOMETRY_HEADER_BYTES + 4 * (h.nVertices * 2 + (h.nPolygons + 1) + h.nPolygons + (h.nRings + 1) + h.nTriangleIndices);
}

export function encodeGeometry(features: readonly GeometryFeature[]): Uint8Array {
  if (!hostIsLittleEndian) throw new Error('encodeGeometry needs a little-endian host');
  const positions: number[] = [];
  const polygonStarts: number[] = [];
  const polygonFeature: number[] = [];
  const ringStarts: number[] = [];
  const triangles: number[] = [];

  features.forEach((feature, featureIndex) => {
    for (const polygon of polygonsOf(feature.geometry)) {
      const base = positions.length / 2;
      const flat: number[] = [];
      const holes: number[] = [];
      polygon.forEach((ring, r) => {
        if (r > 0) holes.push(flat.length / 2);
        ringStarts.push(base + flat.length / 2);
        const n = ringLength(ring);
        for (let i = 0; i < n; i++) flat.push(ring[i][0], ring[i][1]);
      });
      // Triangulate in double precision, before positions are rounded to Float32.
      for (const index of earcut(flat, holes)) triangles.push(base + index);
      polygonStarts.push(base);
      polygonFeature.push(featureIndex);
      for (const value of flat) positions.push(value);
    }
  });
  const nVertices = positions.length / 2;
  polygonStarts.push(nVertices);
  ringStarts.push(nVertices);

  const header: GeometryHeader = {
    version: GEOMETRY_FORMAT_VERSION,
    nFeatures: features.length,
    nPolygons: polygonFeature.length,
    nVertices,
    nTriangleIndices: triangles.length,
    nRings: ringStarts.length - 1,
  };
  const out = new Uint8Array(byteLengthFor(header));
  for (let i = 0; i < 4; i++) out[i] = GEOMETRY_MAGIC.charCodeAt(i);
  new Uint32Array(out.buffer, 4, 7).set([
    header.version,
    header.nFeatures,
    header.nPolygons,
    header.nVertices,
    header.nTriangleIndices,
    header.nRings,
    0,
  ]);
  let offset = GEOMETRY_HEADER_BYTES;
  new Float32Array(out.buffer, offset, positions.length).set(positions);
  offset += positions.length * 4;
  for (const section of [polygonStarts, polygonFeature, ringStarts, triangles]) {
    new Uint32Array(out.buffer, offset, section.length).set(section);
    offset += section.length * 4;
  }
  return out;
}

type Aligned = { buffer: ArrayBuffer; byteOffset: number; byteLength: number };

function asAlignedBuffer(buf: ArrayBuffer | Uint8Array): Aligned {
  if (!ArrayBuffer.isView(buf)) return { buffer: buf, byteOffset: 0, byteLength: buf.byteLength };
  // Node Buffers may sit at any offset inside a shared pool; typed views need 4-byte alignment.
  const bytes = buf.byteOffset % 4 === 0 ? buf : buf.slice();
  return { buffer: bytes.buffer as ArrayBuffer, byteOffset: bytes.byteOffset, byteLength: bytes.byteLength };
}

function headerOf({ buffer, byteOffset, byteLength }: Aligned): GeometryHeader {
  if (byteLength < GEOMETRY_HEADER_BYTES) throw new Error(`geometry buffer too short (${byteLength} bytes)`);
  const view = new DataView(buffer, byteOffset, GEOMETRY_HEADER_BYTES);
  const magic = String.fromCharCode(...new Uint8Array(buffer, byteOffset, 4));
  if (magic !== GEOMETRY_MAGIC) throw new Error(`not an ${GEOMETRY_MAGIC} geometry buffer (magic ${JSON.stringify(magic)})`);
  const u32 = (i: number) => view.getUint32(4 + 4 * i, true);
  const header: GeometryHeader = { version: u32(0), nFeatures: u32(1), nPolygons: u32(2), nVertices: u32(3), nTriangleIndices: u32(4), nRings: u32(5) };
  if (header.version !== GEOMETRY_FORMAT_VERSION) throw new Error(`unsupported ${GEOMETRY_MAGIC} version ${header.version}`);
  const expected = byteLengthFor(header);
  if (byteLength !== expected) throw new Error(`${GEOMETRY_MAGIC} buffer is ${byteLength} bytes, header implies ${expected}`);
  return header;
}

/** Reads and checks the header; throws on a wrong magic, version or length. */
export function readGeometryHeader(buf: ArrayBuffer | Uint8Array): GeometryHeader {
  return headerOf(asAlignedBuffer(buf));
}

/** Typed-array views onto the buffer (no copy for an ArrayBuffer or a 4-byte-aligned Uint8Array). */
export function decodeGeometry(buf: ArrayBuffer | Uint8Array): DecodedGeometry {
  if (!hostIsLittleEndian) throw new Error('decodeGeometry needs a little-endian host');
  const aligned = asAlignedBuffer(buf);
  const h = headerOf(aligned);
  const { buffer } = aligned;
  let offset = aligned.byteOffset + GEOMETRY_HEADER_BYTES;
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
