import { describe, expect, test } from 'vitest';
import { buildSearchIndex, matchRank, search } from '../../../src/ui/search-index';
import type { UnitList } from '../../../src/db/unit-list';

const rows: [string, string, string, string, string, string][] = [
  // code, name, district code, district name, province code, province name
  ['19474', 'Xã Hướng Lộc', '464', 'Huyện Hướng Hóa', '45', 'Tỉnh Quảng Trị'],
  ['19717', 'Xã Hải Lâm', '468', 'Huyện Hải Lăng', '45', 'Tỉnh Quảng Trị'],
  ['07021', 'Xã Hải Lạng', '207', 'Huyện Tiên Yên', '22', 'Tỉnh Quảng Ninh'],
  ['28849', 'Xã Phú Mỹ', '835', 'Huyện Mỏ Cày Bắc', '83', 'Tỉnh Bến Tre'],
  ['28000', 'Xã Phú Mỹ', '831', 'Huyện Giồng Trôm', '83', 'Tỉnh Bến Tre'],
  ['28850', 'Xã Phước Mỹ Trung', '835', 'Huyện Mỏ Cày Bắc', '83', 'Tỉnh Bến Tre'],
];
const units: UnitList = {
  vintage: '2024',
  length: rows.length,
  code: rows.map((r) => r[0]), name: rows.map((r) => r[1]), type: rows.map(() => 'Xã'),
  districtCode: rows.map((r) => r[2]), districtName: rows.map((r) => r[3]), provinceCode: rows.map((r) => r[4]), provinceName: rows.map((r) => r[5]),
  indexOf: new Map(rows.map((r, i) => [r[0], i])),
};
const index = buildSearchIndex(units);
const names = (typed: string, province: string | null) => search(index, typed, province).map((e) => `${e.level}:${e.name}`);

describe('search ranks like a person', () => {
  test('every province, district and commune is in the index once', () => {
    expect(index.filter((e) => e.level === 'province').map((e) => e.code).sort()).toEqual(['22', '45', '83']);
    expect(index.filter((e) => e.level === 'district')).toHaveLength(5);
    expect(index.filter((e) => e.level === 'commune')).toHaveLength(6);
  });

  test('"hai lang" with Quảng Trị shown: Huyện Hải Lăng first, then Hải Lạng of Quảng Ninh, then the communes found through their district', () => {
    expect(names('hai lang', '45')).toEqual(['district:Huyện Hải Lăng', 'commune:Xã Hải Lạng', 'commune:Xã Hải Lâm']);
  });

  test('an exact match with diacritics comes first, whatever the province shown', () => {
    expect(names('Hải Lạng', '45')[0]).toBe('commune:Xã Hải Lạng');
    expect(matchRank(index.find((e) => e.name === 'Xã Hải Lạng')!, 'Hải Lạng')).toBe(0);
    expect(matchRank(index.find((e) => e.name === 'Huyện Hải Lăng')!, 'Hải Lạng')).toBe(1);
  });

  test('several words over a commune and its district: "phu my mo cay" finds Phú Mỹ of Mỏ Cày Bắc first, not the one of Giồng Trôm', () => {
    const hits = search(index, 'phu my mo cay', null);
    expect(hits[0]).toMatchObject({ code: '28849', context: 'Huyện Mỏ Cày Bắc, Tỉnh Bến Tre' });
    // Phước Mỹ Trung (same district: "phu" begins "phuoc") after it; Phú Mỹ of Giồng Trôm not at all
    expect(hits.map((h) => h.code)).toEqual(['28849', '28850']);
  });

  test('words begin words: "huong lo" finds Hướng Lộc; "ong" finds nothing inside a word', () => {
    expect(names('huong lo', null)).toEqual(['commune:Xã Hướng Lộc']);
    expect(names('ong', null)).toEqual([]);
  });

  test('provinces are found, before their districts and communes', () => {
    expect(names('quang tri', null)[0]).toBe('province:Tỉnh Quảng Trị');
    expect(names('ben tre', null)).toEqual(['province:Tỉnh Bến Tre']);
  });
});
