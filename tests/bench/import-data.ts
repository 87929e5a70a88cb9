// Generated import files: a national CSV of poverty and NTM figures, as an office would export it from Excel
// (UTF-8 with BOM, Vietnamese headers, thousands separators, decimal commas), 10,000 or 100,000 data rows.
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Unit } from '../../src/import/types';

export type UnitRow = Unit;

/** The unit list the importer matches against, read from the built Arrow assets. */
export function readUnits(generatedDir: string): UnitRow[] {
  const t = (name: string) => tableFromIPC(readFileSync(`${generatedDir}/${name}`)).toArray().map((r) => r.toJSON() as Record<string, string>);
  const districts = new Map(t('units_districts.arrow').map((d) => [d.district_code, d.district_name]));
  const provinces = new Map(t('units_provinces.arrow').map((p) => [p.province_code, p.province_name]));
  return t('units_communes.arrow').map((c) => ({
    commune_code: c.commune_code,
    commune_name: c.commune_name,
    commune_type: c.commune_type,
    district_code: c.district_code,
    district_name: districts.get(c.district_code) ?? '',
    province_code: c.province_code,
    province_name: provinces.get(c.province_code) ?? '',
  }));
}

const vn = (n: number) => n.toLocaleString('vi-VN');

/**
 * Rows cycle through the units; each full cycle is one year earlier, so (unit, year) pairs stay unique. From 2025
 * down, ten cycles (100,000 rows) stay within the programme's years (2016-2030): none is refused for its year.
 */
export function importCsv(units: readonly UnitRow[], rows: number): Uint8Array {
  const out = ['STT,Mã xã,Tên xã,Huyện,Năm,Số tiêu chí đạt,Tổng số hộ,Số hộ nghèo,Số hộ cận nghèo,Tỷ lệ hộ nghèo (%)'];
  for (let i = 0; i < rows; i++) {
    const u = units[i % units.length];
    const year = 2025 - Math.floor(i / units.length);
    const households = 500 + ((i * 7919) % 4000);
    const poor = (i * 104729) % Math.floor(households / 5);
    const near = (i * 1299709) % Math.floor(households / 5);
    const rate = ((100 * poor) / households).toFixed(2).replace('.', ',');
    const criteria = u.commune_type === 'Xã' ? String(5 + (i % 15)) : '';
    out.push(`${i + 1},${u.commune_code},${u.commune_name},${u.district_name},${year},${criteria},"${vn(households)}",${poor},${near},"${rate}"`);
  }
  return new TextEncoder().encode('\ufeff' + out.join('\r\n') + '\r\n');
}
