import { describe, expect, it } from 'vitest';
import { formatIssue, type BoundaryLayer, type Row, type UnitLists } from '../../../geo/types.ts';
import { validateBoundaryLayer, validateUnitLists } from '../../../geo/validate.ts';
import { validateGeometry } from '../../../geo/validate-geometry.ts';

const files = { provinces: 'p.csv', districts: 'd.csv', communes: 'c.csv' } as const;

const clean: UnitLists = Object.freeze({
  files,
  provinces: Object.freeze([{ province_code: '45', province_name: 'Tỉnh Quảng Trị', n_districts: '1', n_communes: '2' }]),
  districts: Object.freeze([{ district_code: '461', district_name: 'Thành phố Đông Hà', province_code: '45', n_communes: '2' }]),
  communes: Object.freeze([
    { commune_code: '19333', district_code: '461', province_code: '45' },
    { commune_code: '19336', district_code: '461', province_code: '45' },
  ]),
});

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });

function communeLayer(features: { props: Record<string, string | null>; geometry: unknown }[]): BoundaryLayer {
  return {
    name: 'communes',
    file: 'communes.geojson',
    level: 'commune',
    features: features.map((f) => ({ properties: f.props, geometry: f.geometry as { type: string; coordinates: unknown } })),
  };
}

const unitFeature = (code: string, geometry: unknown = polygon(square(106, 16, 0.5))) => ({
  props: { commune_code: code, district_code: '461', province_code: '45', geom_method: 'kmz_name_match' },
  geometry,
});

const messages = (issues: ReturnType<typeof validateUnitLists>, level = 'error') => issues.filter((i) => i.level === level).map(formatIssue);

describe('validateUnitLists', () => {
  it('passes clean lists', () => {
    expect(validateUnitLists(clean)).toEqual([]);
  });

  it('reports a duplicate commune code with both rows', () => {
    const lists = { ...clean, communes: [...clean.communes, clean.communes[0]] };
    expect(messages(validateUnitLists(lists))).toEqual(['c.csv: 19333: duplicate commune_code (rows 2 and 4)']);
  });

  it('reports a commune whose district is not listed', () => {
    const lists = { ...clean, communes: [...clean.communes, { commune_code: '19339', district_code: '999', province_code: '45' }] };
    expect(messages(validateUnitLists(lists))).toEqual(['c.csv: 19339: district_code 999 is not in d.csv']);
  });

  it("reports a commune whose province differs from its district's", () => {
    const lists = { ...clean, communes: [...clean.communes, { commune_code: '19339', district_code: '461', province_code: '44' }] };
    expect(messages(validateUnitLists(lists))).toEqual(["c.csv: 19339: province_code 44 differs from its district 461's province 45"]);
  });

  it('reports a district whose province is missing', () => {
    const lists = { ...clean, districts: [...clean.districts, { district_code: '462', province_code: '46', n_communes: '0' }] };
    expect(messages(validateUnitLists(lists))).toEqual(['d.csv: 462: province_code 46 is not in p.csv']);
  });

  it('reports codes that lost their leading zeros', () => {
    const lists = { ...clean, provinces: [...clean.provinces, { province_code: '8', n_districts: '0', n_communes: '0' } as Row] };
    expect(messages(validateUnitLists(lists))).toEqual(['p.csv: 8: province_code must be 2 digits (row 3)']);
  });

  it('warns (does not fail) on stated counts that disagree with the list', () => {
    const lists = { ...clean, districts: [{ ...clean.districts[0], n_communes: '3' }] };
    const issues = validateUnitLists(lists);
    expect(messages(issues)).toEqual([]);
    expect(messages(issues, 'warning')).toEqual(['d.csv: 461: n_communes says 3, list has 2']);
  });
});

describe('validateBoundaryLayer', () => {
  it('passes a clean layer with a special feature', () => {
    const layer = communeLayer([
      unitFeature('19333'),
      unitFeature('19336', polygon(square(106.5, 16, 0.5))),
      { props: { commune_code: null, district_code: '461', province_code: '45', geom_method: 'orphan_2008_polygon', covers_codes: '19336' }, geometry: polygon(square(106, 16.5, 0.5)) },
    ]);
    expect(validateBoundaryLayer(layer, clean)).toEqual([]);
  });

  it('reports a feature whose code is not in the unit list', () => {
    const layer = communeLayer([unitFeature('19999')]);
    expect(messages(validateBoundaryLayer(layer, clean))).toEqual(['communes.geojson: 19999: commune_code is not in c.csv']);
  });

  it('reports a duplicated feature code and a special feature of unknown kind', () => {
    const layer = communeLayer([
      unitFeature('19333'),
      unitFeature('19333'),
      { props: { commune_code: null, district_code: '461', province_code: '45', geom_method: 'mystery' }, geometry: polygon(square(106, 16.5, 0.5)) },
    ]);
    expect(messages(validateBoundaryLayer(layer, clean))).toEqual([
      'communes.geojson: 19333: commune_code appears in features #0 and #1',
      'communes.geojson: feature #2: has no commune_code and geom_method mystery is not a known special feature',
    ]);
  });

  it('reports a bad ring and an out-of-range coordinate', () => {
    const open = [[106, 16], [106.5, 16], [106.5, 16.5], [106, 16.5]];
    const outside = square(99, 16, 0.5);
    const layer = communeLayer([unitFeature('19333', polygon(open)), unitFeature('19336', polygon(outside))]);
    expect(messages(validateBoundaryLayer(layer, clean))).toEqual([
      'communes.geojson: 19333: polygon 0 ring 0: ring is not closed',
      'communes.geojson: 19336: polygon 0 ring 0 position 0: coordinate (99, 16) outside lon 100..120 / lat 5..25',
    ]);
  });
});

describe('validateGeometry', () => {
  it('accepts a polygon with a hole and a multipolygon', () => {
    expect(validateGeometry(polygon(square(106, 16, 1), square(106.2, 16.2, 0.2)))).toEqual([]);
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [[square(106, 16, 1)], [square(108, 16, 1)]] })).toEqual([]);
  });

  it.each([
    ['too few positions', polygon([[106, 16], [107, 16], [106, 16]]), 'polygon 0 ring 0: ring has 3 positions (needs at least 4)'],
    ['zero area', polygon([[106, 16], [107, 16], [108, 16], [106, 16]]), 'polygon 0 ring 0: ring has zero area'],
    ['non-finite', polygon([[106, 16], [107, NaN], [107, 17], [106, 16]]), 'polygon 0 ring 0 position 1: non-finite coordinate [107,null]'],
    ['latitude out of range', polygon(square(106, 25.5, 1)), 'polygon 0 ring 0 position 0: coordinate (106, 25.5) outside lon 100..120 / lat 5..25'],
    ['wrong type', { type: 'LineString', coordinates: [[106, 16], [107, 16]] }, 'geometry type LineString is not Polygon or MultiPolygon'],
    ['no geometry', null, 'has no geometry'],
  ])('rejects %s', (_name, geometry, problem) => {
    expect(validateGeometry(geometry)).toEqual([problem]);
  });
});
