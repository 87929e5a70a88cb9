import { spellingKey } from '../../src/common/vn-name.ts';
import type { DistrictUnit } from '../model/units.ts';

export type NameMatch = 'exact_nfc' | 'loose';

/**
 * Resolves a district name to its code within a province: exact NFC match first; with allowLoose, a unique
 * loose match next, forgiving spelling noise only (case, spacing, hyphens, tone placement, an abbreviated prefix:
 * "Huyện Đakrông" = "Huyện Đa Krông"), never missing diacritics or a different prefix. Throws when nothing or more
 * than one district matches.
 */
export function resolveDistrictCode(
  districts: readonly DistrictUnit[],
  provinceCode: string,
  name: string,
  allowLoose = false,
): { district: DistrictUnit; match: NameMatch } {
  const inProvince = districts.filter((d) => d.province_code === provinceCode);
  const wanted = name.normalize('NFC');
  const exact = inProvince.filter((d) => d.district_name.normalize('NFC') === wanted);
  if (exact.length === 1) return { district: exact[0], match: 'exact_nfc' };
  if (exact.length === 0 && allowLoose) {
    const key = spellingKey(wanted, 'district');
    const loose = inProvince.filter((d) => spellingKey(d.district_name, 'district') === key);
    if (loose.length === 1) return { district: loose[0], match: 'loose' };
  }
  const known = inProvince.map((d) => d.district_name).join(', ');
  throw new Error(
    `District "${name}" in province ${provinceCode}: ${exact.length > 1 ? 'ambiguous' : 'no match'} in the unit list` +
      ` (${inProvince.length} districts: ${known})`,
  );
}
