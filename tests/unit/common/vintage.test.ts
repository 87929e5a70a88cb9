// The vintage rules (src/common/vintage.ts) and what follows from them without data: a year's vintage, the view
// carried across a switch, the address bar naming the vintage, the criteria count of a year's set.
import { describe, expect, test } from 'vitest';
import { DEFAULT_PROVINCE, POST_REFORM, PRE_REFORM, rowsOfVintageSQL, vintageOfYear, vintageShowsYear } from '../../../src/common/vintage';
import { CRITERIA_COUNT, criteriaCountOfYear } from '../../../src/common/programme';
import { CRITERIA_SETS } from '../../../data/criteria';
import { indicatorShownOn, provinceSuccession, switchedView } from '../../../src/app/vintage-switch';
import { readUrlState, writeUrlState } from '../../../src/state/url-state';
import { initialState } from '../../../src/state/app-state';

describe('the vintage of a year', () => {
  test('rows of 2026 on are keyed by post-reform codes; the pre-reform units end with 2025', () => {
    expect([2016, 2025, 2026, 2030].map(vintageOfYear)).toEqual([PRE_REFORM, PRE_REFORM, POST_REFORM, POST_REFORM]);
    expect(vintageShowsYear(PRE_REFORM, 2026)).toBe(false);
    expect(vintageShowsYear(POST_REFORM, 2016)).toBe(true);
    expect(rowsOfVintageSQL(POST_REFORM, 'y.year')).toBe('y.year >= 2026');
  });

  test('criteria are counted out of the set of the year: 19 to 2025, 10 from 2026, as the data build declares', () => {
    expect([2016, 2021, 2022, 2025, 2026, 2030].map(criteriaCountOfYear)).toEqual([19, 19, 19, 19, 10, 10]);
    expect(criteriaCountOfYear(2031)).toBeNull();
    for (const set of CRITERIA_SETS) expect(set.criteria.length, set.id).toBe(CRITERIA_COUNT[set.id as keyof typeof CRITERIA_COUNT]);
  });
});

describe('a switch carries the view over', () => {
  // old Quảng Trị (45) and Quảng Bình (44) went into new Quảng Trị (44); Bến Tre (83) into Vĩnh Long (86)
  const succession = provinceSuccession([
    { old_province: '44', new_province: '44', n: 151 },
    { old_province: '45', new_province: '44', n: 125 },
    { old_province: '83', new_province: '86', n: 157 },
  ]);
  const newLists = { years: [2016, 2020, 2024, 2025, 2026], provinces: [{ code: '44', name: 'Tỉnh Quảng Trị' }, { code: '86', name: 'Tỉnh Vĩnh Long' }] };
  const oldLists = { years: [2016, 2020, 2024, 2025], provinces: ['44', '45', '83'].map((code) => ({ code, name: code })) };
  const view = { vintage: PRE_REFORM, province: '45', year: 2024, compareYear: 2020, indicator: 'status' as const };

  test('to the post-reform units: the province it went into; its own status before 2026 becomes the share of former communes NTM', () => {
    const { view: v, notes } = switchedView(view, POST_REFORM, newLists, succession);
    expect(v).toEqual({ vintage: POST_REFORM, province: '44', year: 2024, compareYear: 2020, indicator: 'former_ntm' });
    expect(notes.map((n) => n.key)).toEqual(['formerNtmShown']);
    expect(switchedView({ ...view, province: '83', indicator: 'poor_rate' }, POST_REFORM, newLists, succession).view).toMatchObject({ province: '86', indicator: 'poor_rate' });
  });

  test('back: to the province it came from when that one went into it, else the one that gave most; 2026 is not there', () => {
    const back = { vintage: POST_REFORM, province: '44', year: 2026, compareYear: 2020, indicator: 'former_ntm' as const };
    expect(switchedView(back, PRE_REFORM, oldLists, succession, '45').view).toEqual({ vintage: PRE_REFORM, province: '45', year: 2025, compareYear: 2020, indicator: 'status' });
    expect(switchedView(back, PRE_REFORM, oldLists, succession, '83').view.province).toBe('44');
    expect(switchedView(back, PRE_REFORM, oldLists, succession).notes.map((n) => n.key)).toEqual(['yearNotOnVintage']);
    expect(switchedView({ ...back, province: null }, PRE_REFORM, oldLists, succession).view.province).toBeNull();
  });

  test('from 2026 a commune has a status of its own on the post-reform units', () => {
    expect(indicatorShownOn(POST_REFORM, 2026, 'status')).toBe('status');
    expect(indicatorShownOn(POST_REFORM, 2025, 'criteria')).toBe('former_ntm');
    expect(indicatorShownOn(PRE_REFORM, 2025, 'former_ntm')).toBe('status');
  });
});

describe('the address bar names the vintage', () => {
  test('always written; province written on the post-reform units; former= and former_districts= read back', () => {
    expect(writeUrlState(initialState, initialState)).toBe('?vintage=2024');
    const post = { ...initialState, vintage: POST_REFORM, province: DEFAULT_PROVINCE[POST_REFORM], traced: '19474', showFormerDistricts: true };
    const search = writeUrlState(post, initialState);
    expect(search).toBe('?vintage=2025-07&province=44&former=19474&former_districts=1');
    expect(readUrlState(search).state).toEqual({ vintage: '2025-07', province: '44', traced: '19474', showFormerDistricts: true });
    expect(readUrlState('?vintage=2023').invalid).toEqual(['vintage=2023']);
  });
});
