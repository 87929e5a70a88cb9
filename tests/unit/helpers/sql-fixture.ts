// A tiny frozen world for SQL tests: one province, two districts, five units, two boundary layers, two years.
import type { SqlEngine } from '../../../src/db/engine';

export const fixtureDDL = `
CREATE TABLE unit_province AS SELECT * FROM (VALUES ('45', 'Tỉnh Quảng Trị', 'Tỉnh', 106.9, 16.7)) t(province_code, province_name, province_type, label_lon, label_lat);
CREATE TABLE unit_district AS SELECT * FROM (VALUES
  ('464', 'Huyện Hướng Hóa', 'Huyện', '45', 106.7, 16.6),
  ('468', 'Huyện Hải Lăng', 'Huyện', '45', 107.2, 16.7)) t(district_code, district_name, district_type, province_code, label_lon, label_lat);
CREATE TABLE unit_commune AS SELECT * FROM (VALUES
  ('19474', 'Xã Hướng Lộc', 'Xã', '464', '45', true),
  ('19465', 'Xã Tân Liên', 'Xã', '464', '45', true),
  ('19456', 'Thị trấn Khe Sanh', 'Thị trấn', '464', '45', true),
  ('19708', 'Xã Hải Thượng', 'Xã', '468', '45', true),
  ('19711', 'Xã Hải Dương', 'Xã', '468', '45', false)) t(commune_code, commune_name, commune_type, district_code, province_code, has_polygon);
ALTER TABLE unit_commune ADD COLUMN polygon_note VARCHAR;
CREATE TABLE boundary_feature AS SELECT * FROM (VALUES
  ('communes_45', 0, '19474', 'unit', 'Xã Hướng Lộc', '464', '45', NULL),
  ('communes_45', 1, '19465', 'unit', 'Xã Tân Liên', '464', '45', NULL),
  ('communes_45', 2, '19456', 'unit', 'Thị trấn Khe Sanh', '464', '45', NULL),
  ('communes_45', 3, '19708', 'unit', 'Xã Hải Thượng', '468', '45', '19711'),
  ('communes_45', 4, NULL, 'orphan_2008_polygon', 'Huyện Hải Lăng', '468', '45', '19711'),
  ('communes', 0, '19708', 'unit', 'Xã Hải Thượng', '468', '45', NULL)) t(layer, feature_index, code, kind, name, district_code, province_code, covers_codes);
CREATE TABLE commune_year AS SELECT * FROM (VALUES
  ('19474', 2023, 17, 131071, 'chua_dat', NULL, 'illustrative'),
  ('19474', 2024, 19, 524287, 'dat_chuan', 2024, 'illustrative'),
  ('19465', 2023, 19, 524287, 'dat_chuan', 2021, 'illustrative'),
  ('19465', 2024, 19, 524287, 'nang_cao', 2021, 'fact'),
  ('19708', 2023, 19, 524287, 'dat_chuan', 2020, 'illustrative'),
  ('19708', 2024, 19, 524287, 'kieu_mau', 2020, 'illustrative'),
  ('19711', 2023, 11, 2047, 'chua_dat', NULL, 'illustrative'),
  ('19711', 2024, 11, 2047, 'chua_dat', NULL, 'illustrative')) t(commune_code, year, criteria_met_count, criteria_met_mask, tier, ntm_year, provenance);
CREATE TABLE poverty_year AS SELECT * FROM (VALUES
  ('19474', 2023, 1000, 120, 80), ('19474', 2024, 1000, 100, 70),
  ('19456', 2024, 3000, 30, 60)) t(unit_code, year, households, poor, near_poor);
-- provenance of the poverty rows, the criteria set of the NTM rows and the sets' sizes (criteria met n of 19 or 10)
ALTER TABLE poverty_year ADD COLUMN provenance VARCHAR DEFAULT 'illustrative';
ALTER TABLE poverty_year ADD COLUMN standard VARCHAR DEFAULT 'NĐ 07/2021/NĐ-CP';
ALTER TABLE commune_year ADD COLUMN criteria_set VARCHAR DEFAULT 'qd318';
CREATE TABLE criteria_sets AS SELECT * FROM (VALUES ('qd1980', 19), ('qd318', 19), ('qd51_2025', 10)) t(criteria_set_id, n_criteria);
`;

export async function loadFixture(engine: SqlEngine): Promise<void> {
  for (const stmt of fixtureDDL.split(';').map((s) => s.trim()).filter(Boolean)) await engine.query(stmt);
}
