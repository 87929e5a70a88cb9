// Column sets of the Arrow tables, as src/common/schema.ts declares them. Missing label points are NaN (Float64
// columns carry no nulls here); in DuckDB use `CASE WHEN isnan(label_lon) THEN NULL ELSE label_lon END` or filter on has_polygon.
import { featureCode, featureKind, featureName, prop } from './features.ts';
import type { AssetColumns } from '../src/common/schema.ts';
import type { BoundaryLayer, Row, UnitLists } from './types.ts';

export type LabelPoints = ReadonlyMap<string, readonly [number, number]>;

const nfc = (rows: readonly Row[], field: string): (string | null)[] => rows.map((r) => (r[field] ? r[field].normalize('NFC') : null));

function labelColumns(codes: readonly string[], labels: LabelPoints): { label_lon: Float64Array; label_lat: Float64Array } {
  const label_lon = new Float64Array(codes.length).fill(NaN);
  const label_lat = new Float64Array(codes.length).fill(NaN);
  codes.forEach((code, i) => {
    const point = labels.get(code);
    if (point) [label_lon[i], label_lat[i]] = point;
  });
  return { label_lon, label_lat };
}

function countsBy(rows: readonly Row[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r[field], (counts.get(r[field]) ?? 0) + 1);
  return counts;
}

const int32 = (values: readonly number[]) => Int32Array.from(values);

export function provinceColumns(lists: UnitLists, labels: LabelPoints): AssetColumns<'unit_province'> {
  const rows = lists.provinces;
  const codes = rows.map((r) => r.province_code);
  const districts = countsBy(lists.districts, 'province_code');
  const communes = countsBy(lists.communes, 'province_code');
  return {
    province_code: nfc(rows, 'province_code'),
    province_name: nfc(rows, 'province_name'),
    province_type: nfc(rows, 'province_type'),
    n_districts: int32(codes.map((c) => districts.get(c) ?? 0)),
    n_communes: int32(codes.map((c) => communes.get(c) ?? 0)),
    ...labelColumns(codes, labels),
  };
}

export function districtColumns(lists: UnitLists, labels: LabelPoints): AssetColumns<'unit_district'> {
  const rows = lists.districts;
  const codes = rows.map((r) => r.district_code);
  const communes = countsBy(lists.communes, 'district_code');
  return {
    district_code: nfc(rows, 'district_code'),
    district_name: nfc(rows, 'district_name'),
    district_type: nfc(rows, 'district_type'),
    province_code: nfc(rows, 'province_code'),
    n_communes: int32(codes.map((c) => communes.get(c) ?? 0)),
    ...labelColumns(codes, labels),
  };
}

/** has_polygon comes from the national commune layer (the CSV flag is only cross-checked). */
export function communeColumns(lists: UnitLists, labels: LabelPoints, withPolygon: ReadonlySet<string>): AssetColumns<'unit_commune'> {
  const rows = lists.communes;
  const codes = rows.map((r) => r.commune_code);
  return {
    commune_code: nfc(rows, 'commune_code'),
    commune_name: nfc(rows, 'commune_name'),
    commune_type: nfc(rows, 'commune_type'),
    district_code: nfc(rows, 'district_code'),
    province_code: nfc(rows, 'province_code'),
    has_polygon: codes.map((c) => withPolygon.has(c)),
    polygon_note: nfc(rows, 'polygon_note'),
    ...labelColumns(codes, labels),
  };
}

/** One row per feature, in feature order (row i ↔ feature index i of geom_<name>.bin). */
export function geomColumns(layer: BoundaryLayer, labels: readonly (readonly [number, number])[]): AssetColumns<'boundary'> {
  const { features, level } = layer;
  const districtCode = (f: (typeof features)[number]) => (level === 'province' ? null : prop(f, 'district_code'));
  return {
    feature_index: Int32Array.from(features, (_, i) => i),
    code: features.map((f) => featureCode(f, level)),
    kind: features.map((f) => featureKind(f, level)),
    name: features.map((f) => featureName(f, level)),
    district_code: features.map(districtCode),
    province_code: features.map((f) => prop(f, 'province_code')),
    geom_confidence: features.map((f) => prop(f, 'geom_confidence')),
    covers_codes: features.map((f) => prop(f, 'covers_codes')),
    note: features.map((f) => prop(f, 'note')),
    label_lon: Float64Array.from(labels, (p) => p[0]),
    label_lat: Float64Array.from(labels, (p) => p[1]),
  };
}
