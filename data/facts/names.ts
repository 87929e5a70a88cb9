import type { DistrictUnit } from '../model/units.ts';

/** Loose key: NFC, lower case, no spaces/hyphens ("Huyện Đakrông" = "Huyện Đa Krông"). */
export function looseNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi').replace(/[\s\-']/g, '');
}

export type NameMatch = 'exact_nfc' | 'loose';

/**
 * Resolves a district name to its code within a province: exact NFC match first; with allowLoose, a unique
 * loose match (spacing/case) next. Throws when nothing or more than one district matches.
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
    const loose = inProvince.filter((d) => looseNameKey(d.district_name) === looseNameKey(wanted));
    if (loose.length === 1) return { district: loose[0], match: 'loose' };
  }
  const known = inProvince.map((d) => d.district_name).join(', ');
  throw new Error(
    `District "${name}" in province ${provinceCode}: ${exact.length > 1 ? 'ambiguous' : 'no match'} in the unit list` +
      ` (${inProvince.length} districts: ${known})`,
  );
}
