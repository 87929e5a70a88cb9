import { describe, expect, test } from 'vitest';
import { polygonColoursFor, writePolygonColours } from '../../../src/map/polygon-colour-layer';
import type { DecodedGeometry } from '../../../src/common/geometry-format';

/** Three features: feature 0 has two polygons (3 + 4 vertices), feature 1 one (3), feature 2 one (5). */
function geometry(nPolygons = 4): DecodedGeometry {
  const polygonStarts = Uint32Array.from({ length: nPolygons + 1 }, (_, p) => [0, 3, 7, 10, 15][p] ?? 15 + (p - 4) * 3);
  return {
    nFeatures: 3,
    positions: new Float32Array(polygonStarts[nPolygons] * 2),
    polygonStarts,
    polygonFeature: Uint32Array.from({ length: nPolygons }, (_, p) => [0, 0, 1, 2][p] ?? p % 3),
    ringStarts: polygonStarts,
    triangles: new Uint32Array(0),
  };
}

describe('per-polygon colours for the polygon colour layer', () => {
  test("every polygon gets the RGBA of its feature, at its own texel", () => {
    const target = polygonColoursFor(geometry());
    const features = Uint8Array.from([10, 20, 30, 255, 1, 2, 3, 0, 200, 100, 50, 128]);
    writePolygonColours(target, features);
    const rgbaOf = (p: number) => Array.from(target.rgba.subarray(p * 4, p * 4 + 4));
    expect([0, 1, 2, 3].map(rgbaOf)).toEqual([[10, 20, 30, 255], [10, 20, 30, 255], [1, 2, 3, 0], [200, 100, 50, 128]]);
  });

  test('the texture holds every polygon in whole rows of at most 1024 texels', () => {
    for (const n of [1, 4, 1024, 1025, 10_639]) {
      const c = polygonColoursFor(geometry(n));
      expect(c.width, `${n} polygons`).toBeLessThanOrEqual(1024);
      expect(c.width * c.height, `${n} polygons`).toBeGreaterThanOrEqual(n);
      expect(c.width * (c.height - 1), `${n} polygons: no empty row`).toBeLessThan(n);
      expect(c.rgba.length).toBe(c.width * c.height * 4);
    }
  });

  test('a recolour rewrites the same buffer; the deck.gl data object keeps its identity', () => {
    const target = polygonColoursFor(geometry());
    const { rgba, data } = target;
    writePolygonColours(target, new Uint8Array(12).fill(7));
    writePolygonColours(target, new Uint8Array(12).fill(9));
    expect(target.rgba).toBe(rgba);
    expect(target.data).toBe(data);
    expect(new Set(rgba)).toEqual(new Set([9]));
    expect(data.startIndices.length).toBe(5);
    expect(data.length).toBe(4);
  });
});
