import type { CriteriaSetDef } from './types.ts';
import { dataYearsOf } from '../../src/common/programme.ts';
import { NTM_GROUPS_2016_2025, groupOf19 } from './groups.ts';

const names: [string, string][] = [
  ['Quy hoạch', 'Planning'],
  ['Giao thông', 'Transport'],
  ['Thủy lợi', 'Irrigation'],
  ['Điện', 'Electricity'],
  ['Trường học', 'Schools'],
  ['Cơ sở vật chất văn hóa', 'Cultural facilities'],
  ['Cơ sở hạ tầng thương mại nông thôn', 'Rural commercial infrastructure'],
  ['Thông tin và truyền thông', 'Information and communications'],
  ['Nhà ở dân cư', 'Residential housing'],
  ['Thu nhập', 'Income'],
  ['Hộ nghèo', 'Poor households'],
  ['Lao động có việc làm', 'Employed workforce'],
  ['Tổ chức sản xuất', 'Production organisation'],
  ['Giáo dục và đào tạo', 'Education and training'],
  ['Y tế', 'Health'],
  ['Văn hóa', 'Culture'],
  ['Môi trường và an toàn thực phẩm', 'Environment and food safety'],
  ['Hệ thống chính trị và tiếp cận pháp luật', 'Political system and access to law'],
  ['Quốc phòng và an ninh', 'National defence and security'],
];

export const QD1980: CriteriaSetDef = {
  id: 'qd1980',
  decision: 'QĐ 1980/QĐ-TTg',
  decision_date: '2016-10-17',
  period_from: 2016,
  period_to: 2020,
  data_years_from: dataYearsOf('qd1980')?.from ?? null,
  data_years_to: dataYearsOf('qd1980')?.to ?? null,
  n_indicators: null,
  title_vi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016-2020',
  title_en: 'National criteria set for new-rural communes, 2016-2020',
  note: 'Also used for the 2021 assessments in this dataset (QĐ 318 was issued in 3/2022).',
  groups: NTM_GROUPS_2016_2025,
  criteria: names.map(([vi, en], i) => ({ number: i + 1, name_vi: vi, name_en: en, group: groupOf19(i + 1), name_status: 'brief' })),
};
