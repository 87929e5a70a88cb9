// Pure consistency checks of the unit lists and boundary layers. Errors fail the build, warnings are printed.
import { codeField, featureCode, featureKind, featureLabel, prop } from './features.ts';
import type { BoundaryLayer, Issue, Level, Row, UnitLists } from './types.ts';
import { findKinks, validateGeometry } from './validate-geometry.ts';

export const codeDigits: Record<Level, number> = { province: 2, district: 3, commune: 5 };

export interface UnitIndex {
  readonly provinces: ReadonlyMap<string, Row>;
  readonly districts: ReadonlyMap<string, Row>;
  readonly communes: ReadonlyMap<string, Row>;
}

/** Code → row per level (first row wins on duplicates; validateUnitLists reports those). */
export function indexUnits(lists: UnitLists): UnitIndex {
  const byCode = (rows: readonly Row[], level: Level) => {
    const map = new Map<string, Row>();
    for (const row of rows) if (!map.has(row[codeField[level]])) map.set(row[codeField[level]], row);
    return map;
  };
  return {
    provinces: byCode(lists.provinces, 'province'),
    districts: byCode(lists.districts, 'district'),
    communes: byCode(lists.communes, 'commune'),
  };
}

function checkCodes(rows: readonly Row[], level: Level, file: string, issues: Issue[]): void {
  const field = codeField[level];
  const firstRow = new Map<string, number>();
  rows.forEach((row, i) => {
    const code = row[field] ?? '';
    const csvRow = i + 2; // header is row 1
    if (!new RegExp(`^\\d{${codeDigits[level]}}$`).test(code)) {
      issues.push({ level: 'error', file, code: code || `row ${csvRow}`, problem: `${field} must be ${codeDigits[level]} digits (row ${csvRow})` });
    }
    const seen = firstRow.get(code);
    if (seen !== undefined) issues.push({ level: 'error', file, code, problem: `duplicate ${field} (rows ${seen} and ${csvRow})` });
    else firstRow.set(code, csvRow);
  });
}

function countBy(rows: readonly Row[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row[field], (counts.get(row[field]) ?? 0) + 1);
  return counts;
}

export function validateUnitLists(lists: UnitLists): Issue[] {
  const issues: Issue[] = [];
  const { files } = lists;
  checkCodes(lists.provinces, 'province', files.provinces, issues);
  checkCodes(lists.districts, 'district', files.districts, issues);
  checkCodes(lists.communes, 'commune', files.communes, issues);
  const index = indexUnits(lists);

  for (const d of lists.districts) {
    if (!index.provinces.has(d.province_code)) {
      issues.push({ level: 'error', file: files.districts, code: d.district_code, problem: `province_code ${d.province_code} is not in ${files.provinces}` });
    }
  }
  for (const c of lists.communes) {
    const district = index.districts.get(c.district_code);
    if (!district) {
      issues.push({ level: 'error', file: files.communes, code: c.commune_code, problem: `district_code ${c.district_code} is not in ${files.districts}` });
    } else if (district.province_code !== c.province_code) {
      issues.push({
        level: 'error',
        file: files.communes,
        code: c.commune_code,
        problem: `province_code ${c.province_code} differs from its district ${c.district_code}'s province ${district.province_code}`,
      });
    }
  }

  // The stated counts are only informative (the build writes counted ones), so mismatches are warnings.
  const communesPerDistrict = countBy(lists.communes, 'district_code');
  for (const d of lists.districts) {
    const n = communesPerDistrict.get(d.district_code) ?? 0;
    if (d.n_communes !== undefined && Number(d.n_communes) !== n) {
      issues.push({ level: 'warning', file: files.districts, code: d.district_code, problem: `n_communes says ${d.n_communes}, list has ${n}` });
    }
  }
  const communesPerProvince = countBy(lists.communes, 'province_code');
  const districtsPerProvince = countBy(lists.districts, 'province_code');
  for (const p of lists.provinces) {
    for (const [field, counts] of [['n_communes', communesPerProvince], ['n_districts', districtsPerProvince]] as const) {
      const n = counts.get(p.province_code) ?? 0;
      if (p[field] !== undefined && Number(p[field]) !== n) {
        issues.push({ level: 'warning', file: files.provinces, code: p.province_code, problem: `${field} says ${p[field]}, list has ${n}` });
      }
    }
  }
  return issues;
}

function unitMap(index: UnitIndex, level: Level): ReadonlyMap<string, Row> {
  return level === 'province' ? index.provinces : level === 'district' ? index.districts : index.communes;
}

/** Attribute and geometry checks of one boundary layer against the unit lists. */
export function validateBoundaryLayer(layer: BoundaryLayer, lists: UnitLists, index = indexUnits(lists)): Issue[] {
  const issues: Issue[] = [];
  const { file, level } = layer;
  const units = unitMap(index, level);
  const unitsFile = lists.files[`${level}s`];
  const featureOf = new Map<string, number>();
  const error = (code: string, problem: string) => issues.push({ level: 'error', file, code, problem });

  layer.features.forEach((feature, i) => {
    const label = featureLabel(feature, level, i);
    const code = featureCode(feature, level);
    const provinceCode = prop(feature, 'province_code');
    if (code === null) {
      if (featureKind(feature, level) === null) {
        error(label, `has no ${codeField[level]} and geom_method ${prop(feature, 'geom_method') ?? '(none)'} is not a known special feature`);
      }
      const districtCode = prop(feature, 'district_code');
      if (districtCode === null || !index.districts.has(districtCode)) {
        error(label, `special feature's district_code ${districtCode} is not in ${lists.files.districts}`);
      }
    } else {
      const unit = units.get(code);
      const seen = featureOf.get(code);
      if (seen !== undefined) error(code, `${codeField[level]} appears in features #${seen} and #${i}`);
      else featureOf.set(code, i);
      if (!unit) error(code, `${codeField[level]} is not in ${unitsFile}`);
      else {
        for (const parent of ['district_code', 'province_code'] as const) {
          const value = prop(feature, parent);
          if (parent in unit && parent !== codeField[level] && value !== null && value !== unit[parent]) {
            error(code, `${parent} ${value} differs from ${unitsFile} (${unit[parent]})`);
          }
        }
      }
    }
    if (layer.provinceCode !== undefined && provinceCode !== layer.provinceCode) {
      error(label, `province_code ${provinceCode} in a layer for province ${layer.provinceCode}`);
    }
    for (const problem of validateGeometry(feature.geometry)) error(label, problem);
    for (const covered of (prop(feature, 'covers_codes') ?? '').split(';').filter(Boolean)) {
      if (!index.communes.has(covered)) {
        issues.push({ level: 'warning', file, code: label, problem: `covers_codes lists ${covered}, which is not in ${lists.files.communes}` });
      }
    }
  });
  return issues;
}

export interface KinkReport {
  /** One warning per feature with crossing segments. */
  issues: Issue[];
  crossings: number;
  touches: number;
  featuresWithTouches: string[];
}

/** Self-intersection check (warnings only); run on layers that passed validateBoundaryLayer. */
export function kinkReport(layer: BoundaryLayer): KinkReport {
  const report: KinkReport = { issues: [], crossings: 0, touches: 0, featuresWithTouches: [] };
  layer.features.forEach((feature, i) => {
    if (!feature.geometry) return;
    const { crossings, touches } = findKinks(feature.geometry);
    const label = featureLabel(feature, layer.level, i);
    report.touches += touches.length;
    if (touches.length > 0) report.featuresWithTouches.push(label);
    if (crossings.length === 0) return;
    report.crossings += crossings.length;
    const [lon, lat] = crossings[0];
    report.issues.push({
      level: 'warning',
      file: layer.file,
      code: label,
      problem: `${crossings.length} self-intersection(s), first at ${lon.toFixed(5)}, ${lat.toFixed(5)}`,
    });
  });
  return report;
}
