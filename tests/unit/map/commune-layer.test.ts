import { describe, expect, test } from 'vitest';
import { vertexColoursFor, writeVertexColours } from '../../../src/map/commune-layer';
import type { BoundaryGeometry } from '../../../src/geo/boundary-geometry';

/** Three features: feature 0 has two polygons (3 + 4 vertices), feature 1 one (3), feature 2 one (5). */
function geometry(): BoundaryGeometry {
  const polygonStarts = Uint32Array.from([0, 3, 7, 10, 15]);
  return {
    layer: 'communes', lod: 'full', nFeatures: 3, bytes: 0, decodeMs: 0,
    positions: new Float32Array(15 * 2),
    polygonStarts,
    polygonFeature: Uint32Array.from([0, 0, 1, 2]),
    ringStarts: polygonStarts,
    triangles: new Uint32Array(0),
  };
}

describe('per-vertex colours for the commune layer', () => {
  test('every vertex gets the RGBA of its polygon\'s feature', () => {
    const g = geometry();
    const target = vertexColoursFor(g);
    const features = Uint8Array.from([10, 20, 30, 255, 1, 2, 3, 0, 200, 100, 50, 128]);
    writeVertexColours(target, features);
    const rgbaOf = (v: number) => Array.from(target.rgba.subarray(v * 4, v * 4 + 4));
    for (let v = 0; v < 7; v++) expect(rgbaOf(v)).toEqual([10, 20, 30, 255]);
    for (let v = 7; v < 10; v++) expect(rgbaOf(v)).toEqual([1, 2, 3, 0]);
    for (let v = 10; v < 15; v++) expect(rgbaOf(v)).toEqual([200, 100, 50, 128]);
  });

  test('a recolour rewrites the same buffer; the deck.gl data object keeps its identity', () => {
    const target = vertexColoursFor(geometry());
    const { rgba, data } = target;
    writeVertexColours(target, new Uint8Array(12).fill(7));
    writeVertexColours(target, new Uint8Array(12).fill(9));
    expect(target.rgba).toBe(rgba);
    expect(target.data).toBe(data);
    expect(new Set(rgba)).toEqual(new Set([9]));
    expect(data.startIndices.length).toBe(5);
  });
});
