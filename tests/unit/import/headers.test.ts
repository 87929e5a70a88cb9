import { describe, expect, it } from 'vitest';
import { recogniseHeader } from '../../../src/import/headers.ts';

describe('recogniseHeader', () => {
  it.each([
    // Vietnamese with diacritics
    ['Mã xã', 'commune_code'],
    ['Mã ĐVHC', 'commune_code'],
    ['Mã đơn vị hành chính', 'commune_code'],
    ['Tên xã', 'commune_name'],
    ['Tên đơn vị', 'commune_name'],
    ['Đơn vị', 'commune_name'],
    ['Xã/phường/thị trấn', 'commune_name'],
    ['Xã, phường, thị trấn', 'commune_name'],
    ['Mã huyện', 'district_code'],
    ['Huyện', 'district_name'],
    ['Huyện/thị xã/thành phố', 'district_name'],
    ['Tên huyện', 'district_name'],
    ['Tỉnh', 'province_name'],
    ['Năm', 'year'],
    ['Năm báo cáo', 'year'],
    ['Số tiêu chí đạt', 'criteria_met_count'],
    ['Số TC đạt', 'criteria_met_count'],
    ['Tổng số tiêu chí đạt', 'criteria_met_count'],
    ['Tiêu chí đạt (x/19)', 'criteria_met_count'],
    ['Mức đạt chuẩn', 'tier'],
    ['Kết quả công nhận', 'tier'],
    ['Năm công nhận', 'recognised_year'],
    ['Năm đạt chuẩn', 'recognised_year'],
    ['Số quyết định', 'decision_no'],
    ['Quyết định công nhận', 'decision_no'],
    ['Tổng số hộ', 'households'],
    ['Tổng số hộ dân cư', 'households'],
    ['Số hộ nghèo', 'poor'],
    ['Tỷ lệ hộ nghèo (%)', 'poor_rate'],
    ['Tỉ lệ hộ nghèo', 'poor_rate'],
    ['Số hộ cận nghèo', 'near_poor'],
    ['Tỷ lệ hộ cận nghèo (%)', 'near_poor_rate'],
    ['Đơn vị đỡ đầu', 'sponsor_org'],
    // joined two-row headers
    ['Hộ nghèo / Số hộ', 'poor'],
    ['Hộ nghèo / Tỷ lệ (%)', 'poor_rate'],
    ['Hộ cận nghèo / Số hộ', 'near_poor'],
    ['Hộ cận nghèo / Tỷ lệ (%)', 'near_poor_rate'],
    // without diacritics
    ['Ma xa', 'commune_code'],
    ['Ten xa', 'commune_name'],
    ['Huyen', 'district_name'],
    ['Nam', 'year'],
    ['So tieu chi dat', 'criteria_met_count'],
    ['Muc dat chuan', 'tier'],
    ['Ty le ho ngheo (%)', 'poor_rate'],
    ['TONG SO HO', 'households'],
    // English
    ['Commune code', 'commune_code'],
    ['Commune', 'commune_name'],
    ['District', 'district_name'],
    ['Province', 'province_name'],
    ['Year', 'year'],
    ['Criteria met', 'criteria_met_count'],
    ['Tier', 'tier'],
    ['Recognition year', 'recognised_year'],
    ['Decision no.', 'decision_no'],
    ['Households', 'households'],
    ['Poor households', 'poor'],
    ['Poverty rate (%)', 'poor_rate'],
    ['Near-poor households', 'near_poor'],
    ['Near-poor rate (%)', 'near_poor_rate'],
    ['Sponsor', 'sponsor_org'],
  ] as const)('%s -> %s', (text, field) => {
    const m = recogniseHeader(text);
    expect(m.field).toBe(field);
    expect(m.role).toBe('field');
  });

  it.each(['STT', 'TT', 'Số TT', 'No.'])('%s is a row number column (ignored)', (t) => {
    expect(recogniseHeader(t)).toMatchObject({ field: null, role: 'row_number' });
  });

  it.each(['Ghi chú', 'Đơn vị tính', 'Diện tích (ha)', 'Mã tỉnh'])('%s is not a field', (t) => {
    expect(recogniseHeader(t)).toMatchObject({ field: null, role: 'unknown' });
  });

  it('takes a year written in the header out of the field name', () => {
    expect(recogniseHeader('Số hộ nghèo năm 2023')).toMatchObject({ field: 'poor', year: 2023 });
    expect(recogniseHeader('Năm 2023 / Tỷ lệ hộ nghèo (%)')).toMatchObject({ field: 'poor_rate', year: 2023 });
    expect(recogniseHeader('Năm 2023')).toMatchObject({ field: null, year: 2023 });
  });

  it('flags "tỷ lệ nghèo đa chiều" (poor + near-poor since 2022)', () => {
    expect(recogniseHeader('Tỷ lệ hộ nghèo đa chiều (%)')).toMatchObject({ field: 'poor_rate', multidimensionalRate: true });
    expect(recogniseHeader('Tỷ lệ hộ nghèo (%)')).toMatchObject({ multidimensionalRate: false });
  });
});
