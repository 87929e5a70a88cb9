// FeatureColours.prepare: the classes of prefetched indicators are computed while idle, so a first switch only paints.
import { describe, expect, test, vi } from 'vitest';
import type { UnitKeys } from '../../../src/app/feature-colours';

const colourUnits = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../../src/app/colouring', async (original) => {
  const real = await original<typeof import('../../../src/app/colouring')>();
  return { ...real, colourUnits: (...args: Parameters<typeof real.colourUnits>) => (colourUnits.calls++, real.colourUnits(...args)) };
});
const { FeatureColours } = await import('../../../src/app/feature-colours');

const units: UnitKeys = { length: 3, code: ['a', 'b', 'c'], provinceCode: ['45', '45', '83'], indexOf: new Map([['a', 0], ['b', 1], ['c', 2]]) };
// [unit * 2 + year]: 2023 then 2024
const poor = Float64Array.from([0.1, 0.12, 0.3, 0.25, 0.05, NaN]);
const ntmYear = Float64Array.from([NaN, 2024, 2019, 2019, NaN, NaN]);
const view = { indicator: 'status' as const, province: null, classMethod: 'jenks' as const, classCount: 2, manualBreaks: [1], years: [2023, 2024], year: 2024 };
const idle = () => new Promise((r) => setTimeout(r, 300));

describe('FeatureColours.prepare', () => {
  test('classifies the shown year of each matrix while idle; the first switch to one reuses those classes', async () => {
    const c = new FeatureColours();
    c.setUnits(units);
    c.prepare([{ id: 'poor_rate', m: poor }, { id: 'ntm_year', m: ntmYear }], view);
    expect(colourUnits.calls).toBe(0); // nothing before the browser is idle
    await idle();
    expect(colourUnits.calls).toBe(2);
    // a switch to poor_rate (manual breaks dropped, as Atlas.setIndicator does) classifies nothing again
    const shown = c.show(poor, { ...view, indicator: 'poor_rate', manualBreaks: [] });
    expect(colourUnits.calls).toBe(2);
    expect(shown.legend.at(-1)).toMatchObject({ noData: true, count: 1 });
  });

  test('a matrix of other units (another vintage) is left alone', async () => {
    const c = new FeatureColours();
    c.setUnits(units);
    const before = colourUnits.calls;
    c.prepare([{ id: 'poor_rate', m: Float64Array.from([0.1, 0.2]) }], view);
    await idle();
    expect(colourUnits.calls).toBe(before);
  });

  test('idleWorkDone resolves once every idle loop has ended, and at once when none runs', async () => {
    const c = new FeatureColours();
    c.setUnits(units);
    await c.idleWorkDone();
    const before = colourUnits.calls;
    c.prepare([{ id: 'poor_rate', m: poor }, { id: 'ntm_year', m: ntmYear }], view);
    await c.idleWorkDone();
    expect(colourUnits.calls).toBe(before + 2);
  });
});
