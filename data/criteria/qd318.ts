import type { CriteriaSetDef, CriterionDef } from './types.ts';
import { dataYearsOf } from '../../src/common/programme.ts';
import { QD1980 } from './qd1980.ts';
import { NTM_GROUPS_2016_2025 } from './groups.ts';

/** Criteria renamed in QĐ 318 relative to QĐ 1980. 11 and 13 are given by the brief; 3 and 12 are recalled, to verify. */
const renamed: Record<number, Pick<CriterionDef, 'name_vi' | 'name_en' | 'name_status'>> = {
  3: { name_vi: 'Thủy lợi và phòng, chống thiên tai', name_en: 'Irrigation and disaster prevention', name_status: 'to_verify' },
  11: { name_vi: 'Nghèo đa chiều', name_en: 'Multidimensional poverty', name_status: 'brief' },
  12: { name_vi: 'Lao động', name_en: 'Labour', name_status: 'to_verify' },
  13: {
    name_vi: 'Tổ chức sản xuất và phát triển kinh tế nông thôn',
    name_en: 'Production organisation and rural economic development',
    name_status: 'brief',
  },
};

export const QD318: CriteriaSetDef = {
  id: 'qd318',
  decision: 'QĐ 318/QĐ-TTg',
  decision_date: '2022-03-08',
  period_from: 2021,
  period_to: 2025,
  data_years_from: dataYearsOf('qd318')?.from ?? null,
  data_years_to: dataYearsOf('qd318')?.to ?? null,
  n_indicators: 57,
  title_vi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025',
  title_en: 'National criteria set for new-rural communes, 2021-2025',
  note: 'Same 19 numbers as QĐ 1980 with different indicators; covers NTM and NTM nâng cao (QĐ 319 kiểu mẫu, QĐ 320 district level).',
  groups: NTM_GROUPS_2016_2025,
  criteria: QD1980.criteria.map((c) => ({ ...c, ...(renamed[c.number] ?? {}) })),
};
