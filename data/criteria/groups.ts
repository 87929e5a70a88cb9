import type { CriteriaGroup } from './types.ts';

/** The five groups used by QĐ 1980/QĐ-TTg and QĐ 318/QĐ-TTg (appendix headings I..V). */
export const NTM_GROUPS_2016_2025: CriteriaGroup[] = [
  { code: 'I', name_vi: 'Quy hoạch', name_en: 'Planning' },
  { code: 'II', name_vi: 'Hạ tầng kinh tế - xã hội', name_en: 'Socio-economic infrastructure' },
  { code: 'III', name_vi: 'Kinh tế và tổ chức sản xuất', name_en: 'Economy and production organisation' },
  { code: 'IV', name_vi: 'Văn hóa - xã hội - môi trường', name_en: 'Culture, society and environment' },
  { code: 'V', name_vi: 'Hệ thống chính trị', name_en: 'Political system' },
];

/** Group of criterion n (1..19) in the 2016-2025 sets. */
export function groupOf19(n: number): string {
  if (n === 1) return 'I';
  if (n <= 9) return 'II';
  if (n <= 13) return 'III';
  if (n <= 17) return 'IV';
  return 'V';
}
