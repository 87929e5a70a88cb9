import { beforeAll, describe, expect, it } from 'vitest';
import { importTable } from '../../../src/import/index.ts';
import { buildUnitIndex, findProvince, Matcher, provinceInText, resolve, type MatchQuery } from '../../../src/import/match.ts';
import type { ImportResult } from '../../../src/import/types.ts';
import { counts, fixture, focusUnits } from './helpers.ts';

describe('provinces', () => {
  it('by code or name', () => {
    const idx = focusUnits();
    expect(findProvince(idx, '45')!.province_name).toBe('Tỉnh Quảng Trị');
    expect(findProvince(idx, '8')!.province_name).toBe('Tỉnh Tuyên Quang');
    expect(findProvince(idx, 'quang tri')!.province_code).toBe('45');
    expect(findProvince(idx, 'Tỉnh Bến Tre')!.province_code).toBe('83');
    expect(findProvince(idx, 'Hà Nội')).toBeNull();
  });
  it('in a title only after "tỉnh"', () => {
    const idx = focusUnits();
    expect(provinceInText(idx, 'TRÊN ĐỊA BÀN TỈNH BẾN TRE NĂM 2022')!.province_code).toBe('83');
    expect(provinceInText(idx, 'Thị xã Quảng Trị')).toBeNull();
  });
});

describe('Matcher', () => {
  const none = { column: null, columnIndex: null };
  const q = (p: Partial<MatchQuery>): MatchQuery => ({
    sourceRow: 2, code: null, name: null, district: null, districtCode: null, province: null, scopeProvince: null,
    codeColumn: none, nameColumn: none, districtColumn: none, ...p,
  });
  const m = () => new Matcher(focusUnits());

  it('breaks ties with the diacritics when they are given', () => {
    expect(m().match(q({ name: 'Binh Thanh', scopeProvince: '83' })).match).toBe('ambiguous');
    const r = m().match(q({ name: 'Bình Thạnh', scopeProvince: '83' }));
    expect([r.match, r.unit!.commune_code]).toEqual(['name', '29212']);
  });

  it('breaks ties with the unit type in the name', () => {
    const idx = buildUnitIndex([
      { commune_code: '00001', commune_name: 'Thị trấn Yên Bình', commune_type: 'Thị trấn', district_code: '001', district_name: 'Huyện Yên Bình', province_code: '15', province_name: 'Tỉnh Yên Bái' },
      { commune_code: '00002', commune_name: 'Xã Yên Bình', commune_type: 'Xã', district_code: '001', district_name: 'Huyện Yên Bình', province_code: '15', province_name: 'Tỉnh Yên Bái' },
    ]);
    const mm = new Matcher(idx);
    expect(mm.match(q({ name: 'TT. Yen Binh' })).unit!.commune_code).toBe('00001');
    expect(mm.match(q({ name: 'xa yen binh' })).unit!.commune_code).toBe('00002');
    expect(mm.match(q({ name: 'Yên Bình' })).match).toBe('ambiguous');
  });

  it('reads a first word that is a prefix only without its diacritics as part of the name', () => {
    const unit = (commune_code: string, commune_name: string, district_name = 'Quận Đống Đa') => ({
      commune_code, commune_name, commune_type: commune_name.startsWith('Xã') ? 'Xã' : 'Phường', district_code: district_name === 'Quận Đống Đa' ? '006' : '017',
      district_name, province_code: '01', province_name: 'Thành phố Hà Nội',
    });
    const mm = new Matcher(buildUnitIndex([unit('00232', 'Phường Phương Mai'), unit('00999', 'Phường Mai'), unit('00736', 'Xã Xà Phìn', 'Huyện Quan Hóa')]));
    const found = (p: Partial<MatchQuery>) => mm.match(q(p)).unit?.commune_code;
    expect(found({ name: 'Phương Mai' })).toBe('00232'); // before: "Phường Mai", the prefix read off "Phương"
    expect(found({ name: 'P. Phương Mai' })).toBe('00232');
    expect(found({ name: 'Phường Mai' })).toBe('00999');
    expect(found({ name: 'phuong mai' })).toBe('00999'); // without diacritics the prefix reading comes first
    expect(found({ name: 'Xà Phìn' })).toBe('00736'); // before: unmatched
    expect(found({ name: 'xa pHin' })).toBe('00736'); // no "Phìn": the name reading is tried next
    const r = mm.match(q({ name: 'Xã Xà Phìn', district: 'Quan Hóa' })); // before: district_unknown
    expect([r.unit?.commune_code, r.messages]).toEqual(['00736', []]);
    expect(mm.match(q({ code: '00736', name: 'Xà Phìn' })).messages).toEqual([]); // before: code_name_mismatch
  });

  it('uses the district to pick among same-named units and to rank suggestions', () => {
    expect(m().match(q({ name: 'Phường 2', district: 'TX Quảng Trị' })).unit!.commune_code).toBe('19360');
    expect(m().match(q({ name: 'P2', district: 'TP. Đông Hà' })).unit!.commune_code).toBe('19342');
  });

  it('matches across the whole list when no province is known, and infers the province from the district', () => {
    const r = m().match(q({ name: 'Đội Bình', district: 'Yên Sơn' }));
    expect(r.unit!.commune_code).toBe('02533');
  });

  it('reports an unknown district and still matches by name', () => {
    const r = m().match(q({ name: 'Xã Húc', district: 'Huyện Không Có', scopeProvince: '45' }));
    expect(r.match).toBe('name');
    expect(r.messages.map((x) => x.code)).toEqual(['district_unknown']);
  });

  it('gives no units for a row without code or name', () => {
    const r = m().match(q({}));
    expect([r.match, r.messages.map((x) => x.code)]).toEqual(['unmatched', ['no_unit_id']]);
  });
});

describe('resolve', () => {
  let base: ImportResult;
  beforeAll(async () => {
    base = await importTable(fixture('bt_names_no_diacritics.csv'), { units: focusUnits(), currentYear: 2025, province: '83' });
  });

  it('settles an ambiguous row with one of its suggestions and recomputes the report', () => {
    const r = resolve(base, 4, '29161'); // An Hiệp, Ba Tri
    const row = r.rows.find((x) => x.sourceRow === 4)!;
    expect([row.match, row.commune_code]).toEqual(['manual', '29161']);
    expect(row.unit).toEqual(focusUnits().byCode.get('29161'));
    expect(row.messages.map((m) => [m.severity, m.code])).toEqual([['info', 'resolved_manually']]);
    expect(counts(r)).toMatchObject({ read: 19, matched: 14, matchedByName: 13, matchedManually: 1, ambiguous: 2, unmatched: 3, accepted: 10 });
    // the input result is not changed
    expect(base.rows.find((x) => x.sourceRow === 4)!.match).toBe('ambiguous');
  });

  it('re-checks duplicates: choosing the unit of another row (with other figures) holds both rows back', () => {
    const r = resolve(base, 4, '28855'); // An Hiệp, Châu Thành = row 3
    const dup = r.rows.filter((x) => x.messages.some((m) => m.code === 'duplicate_conflict')).map((x) => x.sourceRow);
    expect(dup).toEqual([3, 4]);
    expect(r.rows.filter((x) => x.conflictWith).map((x) => [x.sourceRow, x.conflictWith])).toEqual([[3, [4]], [4, [3]]]);
    expect(r.report.rejected).toBe(2);
    expect(r.report.accepted).toBe(8);
  });

  it('settles an unmatched row with any unit when given the index, or excludes it', () => {
    expect(() => resolve(base, 14, '29110')).toThrow(/not a suggestion/);
    const r = resolve(base, 14, '29110', focusUnits());
    expect(r.rows.find((x) => x.sourceRow === 14)!.unit!.commune_name).toBe('Thị trấn Ba Tri');
    const ex = resolve(r, 10, null);
    const row = ex.rows.find((x) => x.sourceRow === 10)!;
    expect([row.match, row.commune_code, row.rejected]).toEqual(['excluded', null, false]);
    expect(counts(ex)).toMatchObject({ matched: 14, matchedManually: 1, ambiguous: 3, unmatched: 1, excluded: 1 });
    expect(() => resolve(base, 999, '29110')).toThrow(/No imported row 999/);
  });

  it('keeps value messages when a row is resolved', async () => {
    const bad = await importTable(fixture('qt_invalid_values.csv'), { units: focusUnits(), currentYear: 2025, province: '45' });
    const r = resolve(bad, 9, '19369', focusUnits()); // "=1+1" -> Vĩnh Thái, which row 2 already has for 2024
    const row = r.rows.find((x) => x.sourceRow === 9)!;
    expect(row.messages.map((m) => m.code)).toEqual(['resolved_manually', 'duplicate_conflict']);
    expect(r.rows.find((x) => x.sourceRow === 2)!.messages.map((m) => m.code)).toEqual(['duplicate_conflict', 'rate_out_of_range']); // sorted by column
  });
});
