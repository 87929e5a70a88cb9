// The land around Việt Nam: neighbours are land, and none of their parts in the Biển Đông survives.
import { booleanPointInPolygon, centroid, point, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { buildBasemap, isBienDongIsland } from '../../../geo/basemap';

const { land, droppedParts } = buildBasemap();
const partsOf = (name: string) => land.features.find((f) => f.properties.name === name)?.geometry.coordinates ?? [];
const covers = (name: string, lon: number, lat: number) => partsOf(name).some((p) => booleanPointInPolygon(point([lon, lat]), polygon(p)));

describe('the base map land', () => {
  test('Laos, Cambodia and China are land: points inside them are covered', () => {
    expect(covers('Laos', 102.6, 17.97)).toBe(true); // Vientiane
    expect(covers('Cambodia', 104.9, 11.55)).toBe(true); // Phnom Penh
    expect(covers('China', 108.3, 22.8)).toBe(true); // Nanning
    expect(covers('China', 109.8, 19.2)).toBe(true); // Hainan stays
  });

  test('no part of another country lies in the Hoàng Sa or Trường Sa areas; the claims are dropped', () => {
    for (const f of land.features.filter((x) => !x.properties.vietnam)) {
      for (const part of f.geometry.coordinates) expect(isBienDongIsland(part as Position[][]), f.properties.name).toBe(false);
    }
    expect(land.features.map((f) => f.properties.name)).not.toContain('Spratly Is.');
    expect(droppedParts.find((d) => d.name === 'China')?.count).toBeGreaterThan(0); // the Paracels in Natural Earth's China
    // Woody Island (Đảo Phú Lâm, Hoàng Sa) is no one's land here
    expect(land.features.some((f) => !f.properties.vietnam && f.geometry.coordinates.some((p) => booleanPointInPolygon(centroid(polygon(p)), polygon([[[112.2, 16.7], [112.4, 16.7], [112.4, 16.9], [112.2, 16.9], [112.2, 16.7]]]))))).toBe(false);
  });
});
