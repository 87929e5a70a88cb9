import { describe, expect, it } from 'vitest';
import { GEOMETRY_HEADER_BYTES, decodeGeometry, encodeGeometry, readGeometryHeader } from '../../../geo/geometry-format.ts';

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

// Feature 0: square with a square hole; feature 1: no geometry; feature 2: two-part multipolygon.
const features = [
  { geometry: { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] } },
  { geometry: null },
  { geometry: { type: 'MultiPolygon', coordinates: [[square(10, 0, 1)], [[[20, 0], [21, 0], [20, 1], [20, 0]]]] } },
];

describe('geometry format', () => {
  const bin = encodeGeometry(features);

  it('writes the header', () => {
    expect(new TextDecoder().decode(bin.subarray(0, 4))).toBe('NTMG');
    expect(GEOMETRY_HEADER_BYTES).toBe(32);
    expect(readGeometryHeader(bin)).toEqual({ version: 1, nFeatures: 3, nPolygons: 3, nVertices: 15, nTriangleIndices: 3 * (8 + 2 + 1), nRings: 4 });
    const reserved = new DataView(bin.buffer, bin.byteOffset + 28, 4).getUint32(0, true);
    expect(reserved).toBe(0);
  });

  it('round-trips positions, starts and feature indices', () => {
    const g = decodeGeometry(bin.slice().buffer);
    expect(g.nFeatures).toBe(3);
    expect(Array.from(g.positions.subarray(0, 16))).toEqual([0, 0, 4, 0, 4, 4, 0, 4, 1, 1, 3, 1, 3, 3, 1, 3]);
    expect(Array.from(g.positions.subarray(16))).toEqual([10, 0, 11, 0, 11, 1, 10, 1, 20, 0, 21, 0, 20, 1]);
    expect(Array.from(g.polygonStarts)).toEqual([0, 8, 12, 15]);
    expect(Array.from(g.polygonFeature)).toEqual([0, 2, 2]);
    expect(Array.from(g.ringStarts)).toEqual([0, 4, 8, 12, 15]);
  });

  it('triangulates each polygon with absolute indices inside its own polygon', () => {
    const g = decodeGeometry(bin.slice().buffer);
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
  });

  it('decodes from an unaligned Uint8Array (Node Buffer slices)', () => {
    const padded = new Uint8Array(bin.byteLength + 1);
    padded.set(bin, 1);
    const g = decodeGeometry(padded.subarray(1));
    expect(Array.from(g.polygonStarts)).toEqual([0, 8, 12, 15]);
  });

  it('rejects a wrong magic or a truncated buffer', () => {
    const bad = bin.slice();
    bad[0] = 0x58;
    expect(() => decodeGeometry(bad)).toThrow(/not an NTMG/);
    expect(() => decodeGeometry(bin.slice(0, bin.byteLength - 4))).toThrow(/header implies/);
  });

  it('encodes an empty layer', () => {
    const g = decodeGeometry(encodeGeometry([]));
    expect(g.nFeatures).toBe(0);
    expect(Array.from(g.polygonStarts)).toEqual([0]);
    expect(Array.from(g.ringStarts)).toEqual([0]);
  });
});
