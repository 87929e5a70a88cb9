import { booleanPointInPolygon, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../../geo/label-points.ts';

describe('labelPoint', () => {
  it('uses the centre of mass of a convex polygon', () => {
    const [lon, lat] = labelPoint({ type: 'Polygon', coordinates: [[[106, 16], [108, 16], [108, 18], [106, 18], [106, 16]]] });
    expect(lon).toBeCloseTo(107, 9);
    expect(lat).toBeCloseTo(17, 9);
  });

  it('stays inside a C-shaped polygon whose centre of mass is outside', () => {
    const ring = [[106, 16], [110, 16], [110, 16.5], [106.5, 16.5], [106.5, 19.5], [110, 19.5], [110, 20], [106, 20], [106, 16]];
    const point = labelPoint({ type: 'Polygon', coordinates: [ring] });
    expect(booleanPointInPolygon(point, polygon([ring]))).toBe(true);
  });

  it('labels the largest part of a multipolygon', () => {
    const small = [[[106, 16], [106.1, 16], [106.1, 16.1], [106, 16.1], [106, 16]]];
    const large = [[[110, 10], [112, 10], [112, 12], [110, 12], [110, 10]]];
    const [lon, lat] = labelPoint({ type: 'MultiPolygon', coordinates: [small, large] });
    expect(lon).toBeCloseTo(111, 9);
    expect(lat).toBeCloseTo(11, 9);
  });

  it('returns NaN without geometry', () => {
    expect(labelPoint(null)).toEqual([NaN, NaN]);
  });
});
