import { afterEach, describe, expect, test, vi } from 'vitest';
import { FeatureColours, type ColourView, type PaintView } from '../../../src/app/feature-colours';
import type { DrawableLayer } from '../../../src/app/base-layers';
import type { UnitList } from '../../../src/db/unit-list';
import { unattributedColour } from '../../../src/map/status-colours';

// four features: three units (two in province 45, one in 83) and a polygon that belongs to no unit
const layer = {
  geometry: { nFeatures: 4, layer: 'communes' },
  code: ['a', 'b', 'c', null],
  kind: ['unit', 'unit', 'unit', 'orphan_2008_polygon'],
  provinceCode: ['45', '45', '83', '45'],
} as unknown as DrawableLayer;
const units: UnitList = {
  vintage: '2024',
  length: 3,
  code: ['a', 'b', 'c'],
  name: ['A', 'B', 'C'],
  type: ['Xã', 'Xã', 'Xã'],
  districtCode: ['1', '1', '2'],
  districtName: ['D1', 'D1', 'D2'],
  provinceCode: ['45', '45', '83'],
  provinceName: ['P45', 'P45', 'P83'],
  indexOf: new Map([['a', 0], ['b', 1], ['c', 2]]),
};
// criteria met, [unit * 2 + year]: 2023 then 2024
const matrix = Float64Array.from([10, 19, 15, 12, 5, 8]);
const view: ColourView = { indicator: 'criteria', province: null, classMethod: 'equal', classCount: 2, manualBreaks: [], years: [2023, 2024], year: 2024 };
const plain: PaintView = { province: null, selectedCode: null, sponsorCodes: null };
const pending = [215, 215, 215];
const rgb = (buf: Uint8Array, f: number) => Array.from(buf.subarray(f * 4, f * 4 + 3));
const alpha = (buf: Uint8Array, f: number) => buf[f * 4 + 3];

function coloured() {
  const c = new FeatureColours();
  c.setLayer(layer);
  c.setUnits(units);
  return c;
}

describe('FeatureColours', () => {
  test('nothing is painted before a layer is drawn; before the unit list, every feature is pending grey', () => {
    const c = new FeatureColours();
    expect(c.paint(plain)).toBeNull();
    c.setLayer(layer);
    const p = c.paint(plain)!;
    expect([0, 1, 2, 3].map((f) => rgb(p.colours, f))).toEqual([pending, pending, pending, pending]);
    expect(p.drawn).toBe(3);
  });

  test('a shown year paints each unit in its class colour and polygons of no unit in their own colour', () => {
    const c = coloured();
    const colouring = c.show(matrix, view);
    const p = c.paint(plain)!;
    for (const u of [0, 1, 2]) expect(rgb(p.colours, u)).toEqual(colouring.colours[colouring.unitClass[u]].slice(0, 3));
    expect(rgb(p.colours, 3)).toEqual(unattributedColour.slice(0, 3));
    expect(c.valueOf(1)).toBe(12);
    expect(c.unitOf(2)).toBe(2);
    expect(c.unitOf(3)).toBe(-1);
  });

  test('other provinces are hidden and not counted; the selection keeps its colour (it is outlined); outside a sponsor view, communes are muted', () => {
    const c = coloured();
    c.show(matrix, { ...view, province: '45' });
    const p = c.paint({ province: '45', selectedCode: 'b', sponsorCodes: new Set(['a']) })!;
    expect(alpha(p.colours, 2)).toBe(0);
    expect(p.drawn).toBe(2);
    const unmuted = coloured();
    unmuted.show(matrix, { ...view, province: '45' });
    const q = unmuted.paint({ province: '45', selectedCode: null, sponsorCodes: null })!;
    // the selected commune 'b' (muted: not the sponsor's) is painted exactly as it would be unselected
    expect(rgb(p.colours, 1)).toEqual(rgb(q.colours, 1).map((v) => 255 - ((255 - v) >> 2)));
    expect(rgb(p.colours, 0)).toEqual(rgb(q.colours, 0));
    // the orphan polygon is muted: faded towards white
    expect(rgb(p.colours, 3).every((v, i) => v === 255 - ((255 - rgb(q.colours, 3)[i]) >> 2))).toBe(true);
  });

  test('a paint that changes a colour hands over a new version of the same buffer; one that changes none keeps the version', () => {
    const c = coloured();
    const a = c.paint(plain)!;
    const same = c.paint(plain)!;
    expect(same.colours).toBe(a.colours);
    expect(same.version).toBe(a.version);
    c.show(matrix, view);
    const shown = c.paint(plain)!;
    expect(shown.colours).toBe(a.colours);
    expect(shown.version).toBe(a.version + 1);
    expect(c.paint(plain)!.version).toBe(shown.version);
    // one feature changes (the sponsor view mutes the others): a new version
    const muted = c.paint({ ...plain, sponsorCodes: new Set(['a', 'b', 'c']) })!;
    expect(muted.version).toBe(shown.version + 1);
    expect(c.paint(plain)!.version).toBe(shown.version + 2);
    // the same colours on another layer are new to the map
    c.setLayer({ ...layer });
    c.show(matrix, view);
    expect(c.paint(plain)!.version).toBe(shown.version + 3);
  });

  test('classes are cached per matrix, view and year; the scope changes them', () => {
    const c = coloured();
    const first = c.show(matrix, view);
    expect(c.show(matrix, view)).toBe(first);
    expect(c.show(matrix, { ...view, year: 2023 })).not.toBe(first);
    const scoped = c.show(matrix, { ...view, province: '83' });
    expect(scoped.legend.reduce((n, l) => n + l.count, 0)).toBe(1);
  });

  test('a comparison of the same indicator reuses the shown classes; another indicator gets its own', () => {
    const c = coloured();
    const shown = c.show(matrix, view);
    const same = c.comparison(matrix, 'criteria', 2023, { ...view, ...plain })!;
    expect(same.sharedLegend).toBe(true);
    expect(same.colouring.breaks).toEqual(shown.breaks);
    const other = c.comparison(matrix, 'ntm_year', 2023, { ...view, ...plain })!;
    expect(other.sharedLegend).toBe(false);
  });

  describe('idle work', () => {
    afterEach(() => vi.unstubAllGlobals());

    /** requestIdleCallback held: the test hands each callback its idle period. */
    function heldIdleCallbacks() {
      const queued: IdleRequestCallback[] = [];
      vi.stubGlobal('requestIdleCallback', (fn: IdleRequestCallback) => queued.push(fn));
      const period = (ms: number, didTimeout = false) => queued.shift()!({ didTimeout, timeRemaining: () => ms });
      return { queued, period };
    }

    test('a step waits for an idle period it fits in: not the few ms before a frame, unless it waited too long', async () => {
      const idle = heldIdleCallbacks();
      const c = coloured();
      // the years classified so far (a private cache: no other sign tells when a step ran)
      const classified = () => (c as unknown as { colourings: Map<Float64Array, Map<string, unknown>> }).colourings.get(matrix)?.size ?? 0;
      c.show(matrix, view);
      expect(classified()).toBe(1);
      c.classifyOtherYears(view);
      let done = false;
      void c.idleWorkDone().then(() => (done = true));
      // 3 ms left before the next frame: nothing computed, asked again
      idle.period(3);
      expect(classified()).toBe(1);
      expect(idle.queued).toHaveLength(1);
      // a whole idle period: 2023's classes, then nothing is left
      idle.period(40);
      expect(classified()).toBe(2);
      expect(idle.queued).toHaveLength(0);
      await Promise.resolve();
      expect(done).toBe(true);
      // a step past its timeout runs whatever time is left
      c.show(matrix, { ...view, classCount: 3 });
      c.classifyOtherYears({ ...view, classCount: 3 });
      idle.period(0, true);
      expect(classified()).toBe(4);
      expect(idle.queued).toHaveLength(1);
      idle.period(0, true);
      expect(idle.queued).toHaveLength(0);
    });
  });
});
