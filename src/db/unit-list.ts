import { rowsOf, type SqlEngine } from './engine';
import { unitListOfVintageSQL } from './sql/vintage';
import { PRE_REFORM, type Vintage } from '../common/vintage';
import type { Unit } from '../import';

/** Every commune-level unit, in unit_commune row order: the index every indicator matrix uses. */
export interface UnitList {
  vintage: Vintage;
  length: number;
  code: string[];
  name: string[];
  type: string[];
  districtCode: string[];
  districtName: string[];
  provinceCode: string[];
  provinceName: string[];
  indexOf: Map<string, number>;
}

/** The unit list of a vintage (post-reform: districtCode/districtName are the former district, a historical grouping). */
export async function loadUnitList(engine: SqlEngine, vintage: Vintage = PRE_REFORM): Promise<UnitList> {
  const rows = rowsOf<Record<string, string>>(await engine.query(unitListOfVintageSQL(vintage)));
  const col = (k: string) => rows.map((r) => r[k] ?? '');
  const code = col('commune_code');
  return {
    vintage,
    length: rows.length,
    code,
    name: col('commune_name'),
    type: col('commune_type'),
    districtCode: col('district_code'),
    districtName: col('district_name'),
    provinceCode: col('province_code'),
    provinceName: col('province_name'),
    indexOf: new Map(code.map((c, i) => [c, i])),
  };
}

/** The unit list as rows, the shape the import pipeline matches against. */
export function unitRows(u: UnitList): Unit[] {
  return u.code.map((code, i) => ({
    commune_code: code, commune_name: u.name[i], commune_type: u.type[i], district_code: u.districtCode[i],
    district_name: u.districtName[i], province_code: u.provinceCode[i], province_name: u.provinceName[i],
  }));
}

/** Unit index of each feature of a drawn layer (-1 for features that are no unit). */
export function featureUnits(featureCodes: (string | null)[], units: Pick<UnitList, 'indexOf'>): Int32Array {
  return Int32Array.from(featureCodes, (c) => (c === null ? -1 : (units.indexOf.get(c) ?? -1)));
}
