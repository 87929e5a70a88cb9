import { describe, expect, test } from 'vitest';
import { checkAgainstLists, LinkRequest } from '../../../src/app/link-request';
import type { ViewData } from '../../../src/app/validate-view';
import { initialState } from '../../../src/state/app-state';

const data: ViewData = { years: [2016, 2020, 2024, 2025], provinces: [{ code: '45', name: 'Quảng Trị' }], units: null, sponsors: new Set() };

describe('the year a view opens on', () => {
  test('a link without a year opens on the latest year with data', () => {
    const link = new LinkRequest({ province: '45' }, []);
    expect(link.yearAsked).toBe(false);
    expect(link.checkLists({ ...initialState, province: '45' }, data).year).toBe(2025);
    expect(link.notice([])).toBeNull();
  });

  test('a year the link asks for is kept; one without data falls back to the latest and is reported', () => {
    expect(new LinkRequest({ year: 2020 }, []).checkLists({ ...initialState, year: 2020 }, data).year).toBe(2020);
    const bad = new LinkRequest({ year: 1999 }, []);
    expect(bad.checkLists({ ...initialState, year: 1999 }, data).year).toBe(2025);
    expect(bad.notice([])).toContain('year=1999');
  });

  test('after an import, a year still in the data stays; one gone falls back to the latest', () => {
    expect(checkAgainstLists({ ...initialState, year: 2020 }, data).view.year).toBe(2020);
    expect(checkAgainstLists({ ...initialState, year: 2023 }, data).view.year).toBe(2025);
  });
});
