// A small frozen world for the scorecard, planner-target and drill-down SQL: one province (45) with two districts
// of two Xã each and a thị trấn, six years (2020-2025) across the 2022 change of the poverty standard, a district
// recognised in 2024, published targets (one stated in another's note) and the user_targets table. Province 83 has
// one Xã, for targets entered for another province. After the 2025 reform province 45 is new Quảng Trị (44): its
// four Xã are three new Xã (Hướng Lộc and Tân Liên merged into new 19474, the same digits as old Hướng Lộc) and the
// thị trấn a new Xã; 2026 rows for three of them (criteria of QĐ 51/2025, x/10) and poverty of new 19474.
import type { SqlEngine } from '../../../src/db/engine';
import { userTargetsDDL } from '../../../src/db/sql/targets';

/** tier and criteria met of each Xã, 2020..2025 */
const ntm: Record<string, [string, number][]> = {
  '19474': [['chua_dat', 15], ['chua_dat', 16], ['chua_dat', 17], ['chua_dat', 18], ['dat_chuan', 19], ['dat_chuan', 19]],
  '19465': [['dat_chuan', 19], ['dat_chuan', 19], ['dat_chuan', 19], ['nang_cao', 19], ['nang_cao', 19], ['nang_cao', 19]],
  '19708': [['chua_dat', 11], ['chua_dat', 11], ['chua_dat', 12], ['chua_dat', 13], ['chua_dat', 14], ['chua_dat', 15]],
  '19711': [['chua_dat', 10], ['chua_dat', 10], ['chua_dat', 10], ['chua_dat', 10], ['chua_dat', 10], ['chua_dat', 11]],
  '28756': [['chua_dat', 17], ['chua_dat', 17], ['chua_dat', 18], ['chua_dat', 18], ['chua_dat', 18], ['chua_dat', 18]],
};
/** poor households of the province's 1,000 (19474 and the thị trấn, 500 each), 2020..2025: 20, (standard change), 30, 20, 10 fewer */
const poor = [200, 180, 260, 230, 210, 200];
/** a mask with the first n criteria met, but criterion 3 missing when fewer than 19 are met */
const mask = (n: number) => (n >= 19 ? 2 ** 19 - 1 : (2 ** (n + 1) - 1) & ~0b100);

export async function loadScorecardWorld(e: SqlEngine): Promise<void> {
  const years = [2020, 2021, 2022, 2023, 2024, 2025];
  const cy = Object.entries(ntm).flatMap(([code, rows]) =>
    rows.map(([tier, n], i) => `('${code}', ${years[i]}, '${years[i] <= 2021 ? 'qd1980' : 'qd318'}', ${n}, ${mask(n)}, '${tier}', 'illustrative')`),
  );
  const pv = years.flatMap((y, i) => [
    `('19474', ${y}, 500, ${poor[i] - 100}, 0, '${y <= 2021 ? 'QĐ 59' : 'NĐ 07'}', 'illustrative')`,
    `('19456', ${y}, 500, 100, 0, '${y <= 2021 ? 'QĐ 59' : 'NĐ 07'}', 'fact')`,
  ]);
  const statements = [
    `CREATE TABLE unit_province AS SELECT * FROM (VALUES ('45', 'Tỉnh Quảng Trị'), ('83', 'Tỉnh Bến Tre')) t(province_code, province_name)`,
    `CREATE TABLE unit_district AS SELECT * FROM (VALUES ('464', 'Huyện Hướng Hóa', '45'), ('468', 'Huyện Hải Lăng', '45'), ('829', 'Huyện Ba Tri', '83'))
       t(district_code, district_name, province_code)`,
    `CREATE TABLE unit_commune AS SELECT * FROM (VALUES
       ('19474', 'Xã Hướng Lộc', 'Xã', '464', '45'), ('19465', 'Xã Tân Liên', 'Xã', '464', '45'), ('19456', 'Thị trấn Khe Sanh', 'Thị trấn', '464', '45'),
       ('19708', 'Xã Hải Thượng', 'Xã', '468', '45'), ('19711', 'Xã Hải Dương', 'Xã', '468', '45'), ('28756', 'Xã An Thủy', 'Xã', '829', '83'))
       t(commune_code, commune_name, commune_type, district_code, province_code)`,
    `CREATE TABLE commune_year AS SELECT * FROM (VALUES ${cy.join(', ')}) t(commune_code, year, criteria_set, criteria_met_count, criteria_met_mask, tier, provenance)`,
    `CREATE TABLE poverty_year AS SELECT * FROM (VALUES ${pv.join(', ')}) t(unit_code, year, households, poor, near_poor, standard, provenance)`,
    `CREATE TABLE criteria_sets AS SELECT * FROM (VALUES ('qd1980', 2016, 2020, 19), ('qd318', 2021, 2025, 19), ('qd51_2025', 2026, 2030, 10))
       t(criteria_set_id, period_from, period_to, n_criteria)`,
    `CREATE TABLE criteria AS SELECT s.id AS criteria_set_id, n.number::INTEGER AS number, 'TC ' || n.number AS name_vi, 'Criterion ' || n.number AS name_en
       FROM (VALUES ('qd1980'), ('qd318')) s(id), range(1, 20) n(number)`,
    `CREATE TABLE district_recognition AS SELECT * FROM (VALUES ('45', '464', 'huyen_ntm', 2024), ('45', '468', 'huyen_ntm', 2019))
       t(province_code, district_code, level, year)`,
    `CREATE TABLE sponsorship AS SELECT * FROM (VALUES ('qt-a', 'Hội A', 'HA', '45', '19474', 2021, 2025), ('qt-b', 'Hội B', 'HB', '45', '19474', 2016, 2020))
       t(sponsor_id, sponsor_org, sponsor_short, province_code, commune_code, from_year, to_year)`,
    `CREATE TABLE targets AS SELECT * FROM (VALUES
       ('45-2025-share_communes_ntm', '45', 'Quảng Trị', 2025, 'target_share_communes_ntm', '75', 75.0, 75.0, 75.0, 'percent', NULL),
       ('45-2025-share_communes_advanced_or_model', '45', 'Quảng Trị', 2025, 'target_share_communes_advanced_or_model', '25', 25.0, 25.0, 25.0, 'percent', NULL),
       ('45-2025-min_criteria_per_commune', '45', 'Quảng Trị', 2025, 'target_min_criteria_per_commune', '12', 12.0, 12.0, 12.0, 'criteria', NULL),
       ('45-2025-districts_ntm', '45', 'Quảng Trị', 2025, 'target_districts_ntm', '1', 1.0, 1.0, 1.0, 'districts', NULL),
       ('45-2025-poor_households_reduced_per_year', '45', 'Quảng Trị', 2025, 'target_poor_households_reduced_per_year', '20-30', NULL, 20.0, 30.0, 'households per year', NULL),
       ('45-2025-poor_rate_reduction_points_per_year', '45', 'Quảng Trị', 2025, 'target_poor_rate_reduction_points_per_year', '2-2.5', NULL, 2.0, 2.5, 'points per year', '45-2025-poor_households_reduced_per_year'),
       ('45-2025-poor_rate_max', '45', 'Quảng Trị', 2025, 'target_poor_rate_max', '15', 15.0, 15.0, 15.0, 'percent', NULL),
       ('45-2025-forest_cover_min', '45', 'Quảng Trị', 2025, 'target_forest_cover_min', '65', 65.0, 65.0, 65.0, 'percent', NULL))
       t(target_id, province_code, province_name, target_year, indicator, value, value_num, value_min, value_max, unit, parent_id)`,
    `ALTER TABLE targets ADD COLUMN note VARCHAR DEFAULT ''`,
    `ALTER TABLE targets ADD COLUMN source VARCHAR DEFAULT 'test'`,
    userTargetsDDL,
    `CREATE TABLE unit_province_2025 AS SELECT * FROM (VALUES ('44', 'Tỉnh Quảng Trị'), ('86', 'Tỉnh Vĩnh Long')) t(province_code, province_name)`,
    `CREATE TABLE unit_commune_2025 AS SELECT * FROM (VALUES
       ('19474', 'Xã Tân Lập', 'Xã', '44'), ('19702', 'Xã Hải Lăng', 'Xã', '44'), ('19741', 'Xã Mỹ Thủy', 'Xã', '44'),
       ('19462', 'Xã Khe Sanh', 'Xã', '44'), ('28756', 'Xã An Thủy', 'Xã', '86'))
       t(commune_code, commune_name, commune_type, province_code)`,
    `CREATE TABLE crosswalk_2024_2025 AS SELECT * FROM (VALUES
       ('19474', '19474', 1.0, 'full', 'whole'), ('19465', '19474', 1.0, 'full', 'whole'), ('19708', '19702', 1.0, 'full', 'whole'),
       ('19711', '19741', 1.0, 'full', 'whole'), ('19456', '19462', 1.0, 'full', 'whole'), ('28756', '28756', 1.0, 'full', 'whole'))
       t(old_commune_code, new_commune_code, share, part_type, share_method)`,
    `INSERT INTO commune_year VALUES ('19474', 2026, 'qd51_2025', 10, 1023, 'dat_chuan', 'imported'), ('19702', 2026, 'qd51_2025', 8, 255, 'chua_dat', 'imported'),
       ('19741', 2026, 'qd51_2025', 7, 127, 'chua_dat', 'imported')`,
    `INSERT INTO poverty_year VALUES ('19474', 2026, 1000, 50, 0, 'NĐ 07', 'imported')`,
  ];
  for (const s of statements) await e.query(s);
}
