import { describe, expect, test } from 'vitest';
import { validateView, type ViewData } from '../../../src/app/validate-view';

const data: ViewData = {
  years: [2020, 2023, 2024],
  provinces: [{ code: '45', name: 'Quảng Trị' }, { code: '83', name: 'Bến Tre' }],
  units: {
    // two communes of district 464 (Quảng Trị), one of district 829 (Bến Tre)
    indexOf: new Map([['19474', 0], ['19465', 1], ['28756', 2]]),
    districtCode: ['464', '464', '829'],
    provinceCode: ['45', '45', '83'],
  },
  sponsors: new Set(['qt-lmhtx']),
};
const defaults = { province: '45', year: 2024, compareYear: 2020 };

describe('validateView', () => {
  test('a view the data has passes unchanged, with nothing ignored', () => {
    const requested = { province: '45', year: 2023, compareYear: 2020, district: '464', selectedCode: '19474', sponsor: 'qt-lmhtx' };
    expect(validateView(requested, data, defaults)).toEqual({ view: requested, ignored: [] });
  });

  test('only the fields asked for are checked and returned', () => {
    expect(validateView({ year: 2023 }, data, defaults)).toEqual({ view: { year: 2023 }, ignored: [] });
    expect(validateView({}, data, defaults)).toEqual({ view: {}, ignored: [] });
  });

  test('years and provinces the data lacks fall back and are reported as their URL parameters', () => {
    const r = validateView({ province: '99', year: 1999, compareYear: 2030 }, data, { province: '83', year: 2023, compareYear: 2020 });
    expect(r.view).toEqual({ province: '83', year: 2023, compareYear: 2020 });
    expect(r.ignored).toEqual(['year=1999', 'compare=2030', 'province=99']);
  });

  test('the national view (province null) is always valid', () => {
    expect(validateView({ province: null }, data, defaults)).toEqual({ view: { province: null }, ignored: [] });
  });

  test('a district must exist and lie in the province; nationally any district is accepted', () => {
    expect(validateView({ province: '45', district: '829' }, data, defaults)).toEqual({ view: { province: '45', district: null }, ignored: ['district=829'] });
    expect(validateView({ province: null, district: '829' }, data, defaults).ignored).toEqual([]);
    expect(validateView({ district: '000' }, data, defaults).ignored).toEqual(['district=000']);
  });

  test('without a province in the request, the district is checked against the fallback province', () => {
    expect(validateView({ district: '464' }, data, { ...defaults, province: '83' }).ignored).toEqual(['district=464']);
    expect(validateView({ district: '464' }, data, defaults).ignored).toEqual([]);
  });

  test('a district is checked against the province that survived the check, not the rejected one', () => {
    const r = validateView({ province: '99', district: '829' }, data, { ...defaults, province: '83' });
    expect(r.view).toEqual({ province: '83', district: '829' });
    expect(r.ignored).toEqual(['province=99']);
  });

  test('unknown communes and sponsors become null', () => {
    const r = validateView({ selectedCode: '00000', sponsor: 'nobody' }, data, defaults);
    expect(r.view).toEqual({ selectedCode: null, sponsor: null });
    expect(r.ignored).toEqual(['sel=00000', 'sponsor=nobody']);
  });

  test('before the unit list is read, no district or commune is confirmed', () => {
    const r = validateView({ district: '464', selectedCode: '19474' }, { ...data, units: null }, defaults);
    expect(r.view).toEqual({ district: null, selectedCode: null });
    expect(r.ignored).toEqual(['district=464', 'sel=19474']);
  });

  test('null asks for nothing and is never reported', () => {
    expect(validateView({ district: null, selectedCode: null, sponsor: null }, data, defaults).ignored).toEqual([]);
  });
});
