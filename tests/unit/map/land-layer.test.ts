import { describe, expect, test, vi } from 'vitest';
import { hex } from '../../../src/classify/palettes';
import { landBeforeId, landData, landLayer } from '../../../src/map/land-layer';
import { palette } from '../../../src/map/palette';
import { offlineStyle } from '../../../src/map/style';
import { basemap } from '../export/scene-fixture';

describe('the land drawn by deck.gl (the built base map)', () => {
  const land = basemap();
  const data = landData(land);
  const g = land.geometry;
  const rgbaOf = (v: number) => Array.from((data.attributes.fillColors as { value: Uint8Array }).value.subarray(v * 4, v * 4 + 4));

  test("every vertex in its country's tone: Việt Nam's own shape as the provinces' land, the neighbours a shade apart", () => {
    expect(land.vietnam.some(Boolean)).toBe(true);
    expect(land.vietnam.some((v) => !v)).toBe(true);
    for (let p = 0; p < g.polygonFeature.length; p++) {
      const want = land.vietnam[g.polygonFeature[p]] ? hex(palette.landOther) : hex(palette.foreignLand);
      for (const v of [g.polygonStarts[p], g.polygonStarts[p + 1] - 1]) expect(rgbaOf(v), `polygon ${p}, vertex ${v}`).toEqual(want);
    }
  });

  test('drawn from the triangles the build made, under the borders, in a style that no longer has its own land fill', () => {
    expect(data.attributes.indices).toBe(g.triangles);
    expect(g.triangles.length).toBeGreaterThan(0);
    expect(data.length).toBe(g.polygonFeature.length);
    vi.stubGlobal('window', { location: { href: 'http://127.0.0.1/' } }); // the style's font URLs are absolute
    const style = offlineStyle();
    vi.unstubAllGlobals();
    const ids = style.layers.map((l) => l.id);
    expect(ids).toContain(landBeforeId);
    // the sea (background) is the only layer under the land
    expect(ids.indexOf(landBeforeId)).toBe(1);
    expect(style.layers.filter((l) => 'source' in l && l.source === 'basemap-land').map((l) => l.type)).toEqual(['line']);
  });

  test('each draw hands deck.gl the same data object, so the land is uploaded once', () => {
    const a = landLayer(data);
    const b = landLayer(data);
    expect(a).not.toBe(b);
    expect(a.props.data).toBe(b.props.data);
    expect(a.props.pickable).toBe(false);
  });
});
