import type { CriteriaSetDef } from './types.ts';
import { dataYearsOf } from '../../src/common/programme.ts';

/**
 * QĐ 51/2025/QĐ-TTg (2026-2030): 10 criteria, 47 indicators, thresholds by commune group (nhóm 1/2/3).
 * The criterion names were not available to this project: they are generic placeholders ("names to verify").
 */
export const QD51_2025: CriteriaSetDef = {
  id: 'qd51_2025',
  decision: 'QĐ 51/2025/QĐ-TTg',
  decision_date: null,
  period_from: 2026,
  period_to: 2030,
  data_years_from: dataYearsOf('qd51_2025')?.from ?? null,
  data_years_to: dataYearsOf('qd51_2025')?.to ?? null,
  n_indicators: 47,
  title_vi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030',
  title_en: 'National criteria set for new-rural communes, 2026-2030',
  note: 'For the post-reform communes; thresholds differ by commune group (nhóm 1/2/3). Criterion names and groups to verify.',
  groups: [],
  criteria: Array.from({ length: 10 }, (_, i) => ({
    number: i + 1,
    name_vi: `Tiêu chí ${i + 1} (tên cần kiểm tra)`,
    name_en: `Criterion ${i + 1} (name to verify)`,
    group: null,
    name_status: 'to_verify' as const,
  })),
};
