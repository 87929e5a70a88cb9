// The first map shipped in public/generated (prebuilt/build.ts) against the browser's SQL on the browser's engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_MAP_ASSET, FIRST_MAP_INDICATORS, decodeFirstMap, encodeFirstMap, type FirstMap } from '../../../src/common/first-map';
import { rowsOf, type SqlEngine } from '../../../src/db/engine';
import { indicatorMatrixSQL, unitListSQL } from '../../../src/db/sql/indicator-values';
import { yearsSQL } from '../../../src/db/sql/map-queries';
import { dataVersionOf } from '../../../prebuilt/first-map';
import { engineWithAssets, generatedDir, requireAssets } from '../helpers/real-assets';

/** Index of the first element that differs (NaN equals NaN, 0 and -0 differ), -1 when none. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('first map asset format', () => {
  const sample: FirstMap = {
    dataVersion: 'abc123',
    years: [2023, 2024],
    code: ['00001', '00004', '00007'],
    provinceCode: ['01', '01', '02'],
    matrices: {
      status: Float64Array.from([0, 3, 5, 4, 6, 2]),
      criteria: Float64Array.from([19, NaN, NaN, 0, 11, -1]),
    },
  };

  it('reads back what it wrote: values, no-data, order, years and version', () => {
    const back = decodeFirstMap(encodeFirstMap(sample));
    expect(back.dataVersion).toBe('abc123');
    expect(back.years).toEqual([2023, 2024]);
    expect(back.code).toEqual(sample.code);
    expect(back.provinceCode).toEqual(sample.provinceCode);
    for (const id of FIRST_MAP_INDICATORS) expect(firstDifference(back.matrices[id], sample.matrices[id])).toBe(-1);
  });

  it('refuses values it could not store exactly', () => {
    const bad = (v: number) => ({ ...sample, matrices: { ...sample.matrices, criteria: Float64Array.from([v, 0, 0, 0, 0, 0]) } });
    expect(() => encodeFirstMap(bad(17.5))).toThrow(/Int8/);
    expect(() => encodeFirstMap(bad(300))).toThrow(/Int8/);
    expect(() => encodeFirstMap({ ...sample, years: [2024] })).toThrow(/values for 3 units x 1 years/);
  });
});

describe('the shipped first map equals the browser SQL', () => {
  let engine: SqlEngine;
  let shipped: FirstMap;
  beforeAll(async () => {
    requireAssets();
    shipped = decodeFirstMap(new Uint8Array(readFileSync(join(generatedDir, FIRST_MAP_ASSET))));
    engine = await engineWithAssets();
  });

  it('is keyed to the data version of the assets shipped beside it', async () => {
    const version = await dataVersionOf(async (name) => new Uint8Array(readFileSync(join(generatedDir, name))));
    expect(shipped.dataVersion).toBe(version);
  });

  it('has the units in matrix order and the years of the data', async () => {
    const units = rowsOf<{ commune_code: string; province_code: string }>(await engine.query(unitListSQL));
    expect(shipped.code).toEqual(units.map((u) => u.commune_code));
    expect(shipped.provinceCode).toEqual(units.map((u) => u.province_code));
    expect(shipped.years).toEqual(rowsOf<{ year: number }>(await engine.query(yearsSQL)).map((r) => r.year));
    expect(shipped.years.length).toBeGreaterThan(1);
  });

  it.each(FIRST_MAP_INDICATORS)('%s: every unit and year as the app queries it', async (id) => {
    const sql = (await engine.query(indicatorMatrixSQL(id))).getChild('value')!.toArray() as Float64Array;
    const pre = shipped.matrices[id];
    const i = firstDifference(pre, sql);
    const at = i < 0 ? '' : `unit ${shipped.code[Math.floor(i / shipped.years.length)]} year ${shipped.years[i % shipped.years.length]}: ${pre[i]} vs ${sql[i]}`;
    expect(at).toBe('');
    expect(sql.length).toBe(shipped.code.length * shipped.years.length);
    // the values are not trivially equal: several classes, and no-data where the SQL has none
    expect(new Set(sql).size).toBeGreaterThan(3);
  });
});
