// The post-reform vintage built from the data pack: unit counts of the focus provinces, the crosswalk from the 2024
// communes with its shares, and the share rule itself on synthetic squares.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { buildCrosswalk, type PolygonalGeometry } from '../../../geo/reform/crosswalk';
import { REFORM_ASSETS } from '../../../geo/reform/build-reform';
import { generatedDir } from '../helpers/real-assets';

const square = (x0: number, y0: number, x1: number, y1: number): PolygonalGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

describe('the share rule', () => {
  const pack = [
    { old_commune_code: 'A', new_commune_code: 'N1', part_type: 'full' },
    { old_commune_code: 'S', new_commune_code: 'N1', part_type: 'partial' },
    { old_commune_code: 'S', new_commune_code: 'N2', part_type: 'partial' },
    { old_commune_code: 'Q', new_commune_code: 'N1', part_type: 'partial' },
    { old_commune_code: 'Q', new_commune_code: 'N2', part_type: 'partial' },
  ];
  const result = buildCrosswalk({
    oldCodes: ['A', 'B', 'S', 'Q', 'G', 'X'],
    codes2025_03: new Set(['A', 'S', 'Q']),
    absorbedInto: new Map([['B', 'A']]),
    pack,
    // S lies three quarters in N1; Q has no polygon; G is in no list but its polygon lies in N2; X is nowhere
    oldPolygons: new Map([['S', square(0.5, 0, 1.5, 1)], ['G', square(1.5, 0.2, 1.7, 0.4)]]),
    newPolygons: new Map([['N1', square(0, 0, 1.25, 1)], ['N2', square(1.25, 0, 3, 1)]]),
  });
  const of = (code: string) => result.rows.filter((r) => r.oldCode === code);

  test('a whole transfer is exact, also through a 2024→2025 merger', () => {
    expect(of('A')).toEqual([{ oldCode: 'A', viaCode: 'A', newCode: 'N1', partType: 'full', nTargets: 1, share: 1, method: 'whole' }]);
    expect(of('B')).toEqual([{ oldCode: 'B', viaCode: 'A', newCode: 'N1', partType: 'full', nTargets: 1, share: 1, method: 'whole' }]);
  });

  test('a split is apportioned by the area of the old polygon in each target', () => {
    const s = of('S');
    expect(s.map((r) => r.newCode)).toEqual(['N1', 'N2']);
    expect(s.every((r) => r.method === 'area' && r.partType === 'partial' && r.nTargets === 2)).toBe(true);
    expect(s[0].share).toBeCloseTo(0.75, 2);
    expect(s[1].share).toBeCloseTo(0.25, 2);
  });

  test('a split without a polygon is shared equally; an unlisted commune is placed by its polygon', () => {
    expect(of('Q').map((r) => [r.newCode, r.share, r.method])).toEqual([['N1', 0.5, 'equal'], ['N2', 0.5, 'equal']]);
    expect(of('G').map((r) => [r.newCode, r.share, r.method, r.viaCode])).toEqual([['N2', 1, 'area', '']]);
    expect(result.unmapped).toEqual([{ code: 'X', reason: 'not in the 2025-03 list, no recorded merger and no polygon' }]);
  });
});

function readAsset(name: string) {
  const path = join(generatedDir, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run assets" (it reads the data pack in ../shared/vn-admin)`);
  return tableFromIPC(readFileSync(path)).toArray().map((r) => r.toJSON() as Record<string, unknown>);
}

describe('the built post-reform vintage', () => {
  const communes = readAsset(REFORM_ASSETS.communes);
  const provinces = readAsset(REFORM_ASSETS.provinces);
  const crosswalk = readAsset(REFORM_ASSETS.crosswalk);
  const old = readAsset('units_communes.arrow');

  test('34 provinces, 3,321 communes; the focus provinces after their mergers', () => {
    expect(provinces).toHaveLength(34);
    expect(communes).toHaveLength(3321);
    const count = (p: string) => communes.filter((c) => c.province_code === p).length;
    expect([count('44'), count('08'), count('86')]).toEqual([78, 124, 124]);
    expect(provinces.find((p) => p.province_code === '44')?.province_name).toBe('Tỉnh Quảng Trị');
    expect(communes.every((c) => c.has_polygon === true)).toBe(true);
  });

  test('new Quảng Trị (44) is old Quảng Trị (45) and old Quảng Bình (44), and nothing else', () => {
    const oldProvince = new Map(old.map((c) => [c.commune_code, c.province_code]));
    const newProvince = new Map(communes.map((c) => [c.commune_code, c.province_code]));
    const sources = new Set(crosswalk.filter((r) => newProvince.get(r.new_commune_code as string) === '44').map((r) => oldProvince.get(r.old_commune_code as string)));
    expect([...sources].sort()).toEqual(['44', '45']);
    const into = new Set(crosswalk.filter((r) => ['44', '45'].includes(oldProvince.get(r.old_commune_code as string) as string)).map((r) => newProvince.get(r.new_commune_code as string)));
    expect([...into]).toEqual(['44']);
  });

  test('new Xã Cam Lộ lists thị trấn Cam Lộ, Cam Thành, Cam Chính, Cam Nghĩa', () => {
    const camLo = communes.find((c) => c.commune_name === 'Xã Cam Lộ' && c.province_code === '44');
    const names = new Map(old.map((c) => [c.commune_code, c.commune_name]));
    const former = crosswalk.filter((r) => r.new_commune_code === camLo?.commune_code).map((r) => names.get(r.old_commune_code as string));
    expect(former.sort()).toEqual(['Thị trấn Cam Lộ', 'Xã Cam Chính', 'Xã Cam Nghĩa', 'Xã Cam Thành']);
  });

  test('every 2024 commune but one is placed; the shares of each sum to 1; splits are flagged partial', () => {
    const byOld = new Map<string, Record<string, unknown>[]>();
    for (const r of crosswalk) byOld.set(r.old_commune_code as string, [...(byOld.get(r.old_commune_code as string) ?? []), r]);
    expect(old.length - byOld.size).toBe(1); // 11429 Phường Lãm Hà: dropped from the lists, no merger, no polygon
    for (const [code, rows] of byOld) {
      expect(rows.reduce((s, r) => s + (r.share as number), 0), code).toBeCloseTo(1, 9);
      if (rows.length > 1) expect(rows.every((r) => r.part_type === 'partial' && r.share_method !== 'whole'), code).toBe(true);
    }
    const split = [...byOld.values()].filter((rows) => rows.length > 1);
    expect(split.length).toBeGreaterThan(400);
    expect(split.filter((rows) => rows[0].share_method === 'area').length / split.length).toBeGreaterThan(0.9);
  });
});
