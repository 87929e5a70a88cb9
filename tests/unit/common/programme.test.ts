import { describe, expect, test } from 'vitest';
import { CRITERIA_SET_YEARS, PROGRAMME_YEARS, criteriaSetOfYear, povertyStandardOfYear } from '../../../src/common/programme';
import { CRITERIA_SETS, criteriaSetForYear } from '../../../data/criteria/index';

describe('the rules of a data year', () => {
  test('criteria set: QĐ 1980 to 2021, QĐ 318 2022-2025, QĐ 51/2025 from 2026; none outside the programmes', () => {
    expect([2016, 2021, 2022, 2025, 2026, 2030].map(criteriaSetOfYear)).toEqual(['qd1980', 'qd1980', 'qd318', 'qd318', 'qd51_2025', 'qd51_2025']);
    expect([1900, 2015, 2031].map(criteriaSetOfYear)).toEqual([null, null, null]);
    expect(PROGRAMME_YEARS).toEqual({ first: 2016, last: 2030 });
  });

  test('the criteria sets the build writes carry the same data years, and the 2026 set has 10 criteria', () => {
    for (const rule of CRITERIA_SET_YEARS) {
      const set = CRITERIA_SETS.find((s) => s.id === rule.id)!;
      expect([set.data_years_from, set.data_years_to]).toEqual([rule.from, rule.to]);
    }
    expect(criteriaSetForYear(2026).criteria).toHaveLength(10);
    expect(() => criteriaSetForYear(2031)).toThrow(/2031/);
  });

  test('poverty standard: QĐ 59/2015 to 2021, NĐ 07/2021 from the 2022 review, none declared after 2025', () => {
    expect([2021, 2022, 2025, 2026].map(povertyStandardOfYear)).toEqual(['QĐ 59/2015/QĐ-TTg', 'NĐ 07/2021/NĐ-CP', 'NĐ 07/2021/NĐ-CP', null]);
  });
});
