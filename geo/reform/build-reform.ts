// The post-reform vintage (from 2025-07-01): 34 provinces, 3,321 communes, their polygons, and the crosswalk from
// the 2024 communes the programme series are keyed by. Codes of the two vintages collide (44 was Quảng Bình, is now
// the merged Quảng Trị), so every asset written here is a table of its own, named by vintage.
import type { Column } from '../lib/arrow-out.ts';
import { readCsv } from '../lib/csv.ts';
import { requireFile } from '../lib/paths.ts';
import { readFileSync } from 'node:fs';
import { featureCode, prop } from '../features.ts';
import { labelPoint } from '../label-points.ts';
import { geomColumns } from '../tables.ts';
import type { BoundaryFeature, BoundaryLayer, Issue, Row, UnitLists } from '../types.ts';
import { buildCrosswalk, type CrosswalkResult, type PolygonalGeometry } from './crosswalk.ts';

export const REFORM_FILES = {
  units: 'reform2025/units_2025-07-01.csv',
  crosswalk: 'reform2025/old_to_new_2025-07-01.csv',
  communes: 'reform2025/communes_2025-07-01_sapnhap_simplified.geojson',
  provinces: 'reform2025/provinces_2025-07-01_sapnhap_simplified.geojson',
  communes2025_03: 'units/communes_2025-03-01.csv',
  lineage: 'lineage/geometry_lineage.csv',
} as const;

export const REFORM_INPUT_FILES: readonly string[] = Object.values(REFORM_FILES);

/** Asset names; the vintage is in every name. */
export const REFORM_ASSETS = {
  provinces: 'units_2025_provinces.arrow',
  communes: 'units_2025_communes.arrow',
  crosswalk: 'crosswalk_2024_2025.arrow',
} as const;

export interface ReformInputs {
  units: Row[];
  pack: Row[];
  codes2025_03: Set<string>;
  absorbedInto: Map<string, string>;
  communeLayer: BoundaryLayer;
  provinceLayer: BoundaryLayer;
}

function readFeatures(path: string): BoundaryFeature[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { features: BoundaryFeature[] }).features;
}

export function loadReformInputs(packDir: string): ReformInputs {
  const path = (f: string) => requireFile(packDir, f, 'NTM_DATA_PACK');
  const absorbedInto = new Map<string, string>();
  for (const r of readCsv(path(REFORM_FILES.lineage))) {
    if (r.step === '2024->2025' && r.action === 'absorb') absorbedInto.set(r.source_id, r.target_code);
  }
  return {
    units: readCsv(path(REFORM_FILES.units)),
    pack: readCsv(path(REFORM_FILES.crosswalk)),
    codes2025_03: new Set(readCsv(path(REFORM_FILES.communes2025_03)).map((r) => r.commune_code)),
    absorbedInto,
    communeLayer: { name: 'communes_2025', file: REFORM_FILES.communes, level: 'commune', features: readFeatures(path(REFORM_FILES.communes)) },
    provinceLayer: { name: 'provinces_2025', file: REFORM_FILES.provinces, level: 'province', features: readFeatures(path(REFORM_FILES.provinces)) },
  };
}

function polygonsByCode(layer: BoundaryLayer): Map<string, PolygonalGeometry> {
  const out = new Map<string, PolygonalGeometry>();
  for (const f of layer.features) {
    const code = featureCode(f, layer.level);
    if (code !== null && f.geometry) out.set(code, f.geometry as unknown as PolygonalGeometry);
  }
  return out;
}

/** Problems that would make the post-reform vintage wrong: unknown parents, duplicate codes, targets that do not exist. */
export function validateReform(inputs: ReformInputs, crosswalk: CrosswalkResult): Issue[] {
  const issues: Issue[] = [];
  const file = REFORM_FILES.units;
  const provinces = new Set(inputs.units.filter((u) => u.level === 'province').map((u) => u.code));
  const seen = new Set<string>();
  for (const u of inputs.units) {
    const key = `${u.level}:${u.code}`;
    if (seen.has(key)) issues.push({ level: 'error', file, code: u.code, problem: `duplicate ${u.level} code` });
    seen.add(key);
    if (u.level === 'commune' && !provinces.has(u.province_code)) {
      issues.push({ level: 'error', file, code: u.code, problem: `unknown province ${u.province_code}` });
    }
  }
  const communes = new Set(inputs.units.filter((u) => u.level === 'commune').map((u) => u.code));
  for (const r of crosswalk.rows) {
    if (!communes.has(r.newCode)) issues.push({ level: 'error', file: REFORM_FILES.crosswalk, code: r.oldCode, problem: `new commune ${r.newCode} is not in ${file}` });
  }
  for (const u of crosswalk.unmapped) issues.push({ level: 'warning', file: REFORM_FILES.crosswalk, code: u.code, problem: u.reason });
  return issues;
}

export interface ReformOutput {
  layers: { layer: BoundaryLayer; labels: [number, number][] }[];
  tables: Record<string, Record<string, Column>>;
  crosswalk: CrosswalkResult;
  issues: Issue[];
}

/** Everything the post-reform vintage needs, as layers to encode and Arrow columns to write. */
export function buildReform(inputs: ReformInputs, lists: UnitLists, oldCommuneLayer: BoundaryLayer): ReformOutput {
  const crosswalk = buildCrosswalk({
    oldCodes: lists.communes.map((r) => r.commune_code),
    codes2025_03: inputs.codes2025_03,
    absorbedInto: inputs.absorbedInto,
    pack: inputs.pack.map((r) => ({ old_commune_code: r.old_commune_code, new_commune_code: r.new_commune_code, part_type: r.part_type })),
    oldPolygons: polygonsByCode(oldCommuneLayer),
    newPolygons: polygonsByCode(inputs.communeLayer),
  });
  const issues = validateReform(inputs, crosswalk);
  const layers = [inputs.provinceLayer, inputs.communeLayer].map((layer) => ({ layer, labels: layer.features.map((f) => labelPoint(f.geometry)) }));
  const labelOf = new Map<string, [number, number]>();
  for (const { layer, labels } of layers) layer.features.forEach((f, i) => labelOf.set(`${layer.level}:${featureCode(f, layer.level)}`, labels[i]));
  const communeFeature = new Map(inputs.communeLayer.features.map((f) => [featureCode(f, 'commune'), f]));

  const provinces = inputs.units.filter((u) => u.level === 'province');
  const communes = inputs.units.filter((u) => u.level === 'commune');
  const nCommunes = new Map<string, number>();
  for (const c of communes) nCommunes.set(c.province_code, (nCommunes.get(c.province_code) ?? 0) + 1);
  const label = (level: string, codes: string[]) => ({
    label_lon: Float64Array.from(codes, (c) => labelOf.get(`${level}:${c}`)?.[0] ?? NaN),
    label_lat: Float64Array.from(codes, (c) => labelOf.get(`${level}:${c}`)?.[1] ?? NaN),
  });
  const num = (code: string, key: string) => {
    const f = communeFeature.get(code);
    const v = f ? Number(prop(f, key)) : NaN;
    return Number.isFinite(v) ? v : NaN;
  };
  const pCodes = provinces.map((p) => p.code);
  const cCodes = communes.map((c) => c.code);
  const tables: Record<string, Record<string, Column>> = {
    [REFORM_ASSETS.provinces]: {
      province_code: pCodes,
      province_name: provinces.map((p) => p.name),
      province_type: provinces.map((p) => p.type),
      n_communes: Int32Array.from(pCodes, (c) => nCommunes.get(c) ?? 0),
      ...label('province', pCodes),
    },
    [REFORM_ASSETS.communes]: {
      commune_code: cCodes,
      commune_name: communes.map((c) => c.name),
      commune_type: communes.map((c) => c.type),
      province_code: communes.map((c) => c.province_code),
      has_polygon: cCodes.map((c) => communeFeature.has(c)),
      area_km2: Float64Array.from(cCodes, (c) => num(c, 'area_km2')),
      population: Float64Array.from(cCodes, (c) => num(c, 'population')),
      ...label('commune', cCodes),
    },
    [REFORM_ASSETS.crosswalk]: {
      old_commune_code: crosswalk.rows.map((r) => r.oldCode),
      via_code_2025_03: crosswalk.rows.map((r) => r.viaCode),
      new_commune_code: crosswalk.rows.map((r) => r.newCode),
      part_type: crosswalk.rows.map((r) => r.partType),
      n_targets: Int32Array.from(crosswalk.rows, (r) => r.nTargets),
      share: Float64Array.from(crosswalk.rows, (r) => r.share),
      share_method: crosswalk.rows.map((r) => r.method),
    },
  };
  for (const { layer, labels } of layers) tables[`geom_${layer.name}.arrow`] = geomColumns(layer, labels);
  return { layers, tables, crosswalk, issues };
}
