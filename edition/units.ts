/**
 * The unit list an edition's rows are matched against: the app's own (the pre-reform unit tables it loads from
 * public/generated/, joined as src/db/sql/vintage.ts's unit list joins them), so a row matches in the build
 * exactly as it would in the import panel; and the post-reform list, which a file's province is detected against
 * and a targets table's 2026+ rows are read in, as the panel has it once both vintages are loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { TABLES } from '../src/common/schema';
import type { Unit } from '../src/import/types';
import { msg } from '../src/i18n/message';
import { EditionConfigError } from './config';

type Row = Record<string, string | null>;

function rows(dir: string, asset: string): Row[] {
  const path = join(dir, asset);
  if (!existsSync(path)) throw new EditionConfigError(msg('edition.config.noUnits', { path }));
  return tableFromIPC(readFileSync(path)).toArray().map((r) => r.toJSON() as Row);
}

/** Every commune-level unit with its district's and province's names (`dir`: the generated assets). */
export function readUnits(dir: string): Unit[] {
  const districts = new Map(rows(dir, TABLES.unit_district.asset).map((d) => [d.district_code, d.district_name ?? '']));
  const provinces = new Map(rows(dir, TABLES.unit_province.asset).map((p) => [p.province_code, p.province_name ?? '']));
  return rows(dir, TABLES.unit_commune.asset).map((c) => ({
    commune_code: c.commune_code ?? '',
    commune_name: c.commune_name ?? '',
    commune_type: c.commune_type ?? '',
    district_code: c.district_code ?? '',
    district_name: districts.get(c.district_code) ?? '',
    province_code: c.province_code ?? '',
    province_name: provinces.get(c.province_code) ?? '',
  }));
}

/** Every post-reform commune with its province's name (no districts after the reform). */
export function readUnits2025(dir: string): Unit[] {
  const provinces = new Map(rows(dir, TABLES.unit_province_2025.asset).map((p) => [p.province_code, p.province_name ?? '']));
  return rows(dir, TABLES.unit_commune_2025.asset).map((c) => ({
    commune_code: c.commune_code ?? '',
    commune_name: c.commune_name ?? '',
    commune_type: c.commune_type ?? '',
    district_code: '',
    district_name: '',
    province_code: c.province_code ?? '',
    province_name: provinces.get(c.province_code) ?? '',
  }));
}
