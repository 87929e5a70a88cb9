/**
 * Administrative vintages: which unit list a code, a row or a view belongs to. Declared once here; the schema, the
 * SQL, the URL, the import and the UI follow it.
 *
 * - '2024': the pre-reform units (province → district → commune) of the GSO list of 2024 (10,598 communes), which
 *   every series of 2016-2025 is keyed by; the 2025-03 list (after the 2023-2025 mergers) is reached through the
 *   crosswalk's via code where it differs.
 * - '2025-07': the post-reform units from 1 July 2025 (34 provinces, 3,321 communes, no districts).
 *
 * Codes collide across vintages (44 = old Quảng Bình / new Quảng Trị; 19597 = old TT Cam Lộ / new Xã Cam Lộ), so a
 * code is only meaningful with its vintage. The rule for data rows (commune_year, poverty_year, targets...): a row
 * of a year ≥ FIRST_POST_REFORM_YEAR (2026) is keyed by post-reform codes, an earlier row by 2024 codes. Earlier
 * years reach the post-reform units only through the crosswalk (counts apportioned, NTM counted over the former
 * communes, never inherited).
 */
import { FIRST_POST_REFORM_YEAR } from './programme';

export const VINTAGES = ['2024', '2025-07'] as const;
export type Vintage = (typeof VINTAGES)[number];

export const PRE_REFORM: Vintage = '2024';
export const POST_REFORM: Vintage = '2025-07';

/** The other vintage. */
export const otherVintage = (v: Vintage): Vintage => (v === POST_REFORM ? PRE_REFORM : POST_REFORM);
export const isVintage = (v: string): v is Vintage => (VINTAGES as readonly string[]).includes(v);

/** The vintage a data year's rows are keyed by. */
export const vintageOfYear = (year: number): Vintage => (year >= FIRST_POST_REFORM_YEAR ? POST_REFORM : PRE_REFORM);

/** Whether a vintage's views can show a year: the pre-reform units end with 2025; the post-reform ones show every year. */
export const vintageShowsYear = (vintage: Vintage, year: number): boolean => vintage === POST_REFORM || year < FIRST_POST_REFORM_YEAR;

/** SQL condition: a row of year `yearExpr` is keyed by the codes of `vintage`. */
export const rowsOfVintageSQL = (vintage: Vintage, yearExpr: string): string =>
  vintage === POST_REFORM ? `${yearExpr} >= ${FIRST_POST_REFORM_YEAR}` : `${yearExpr} < ${FIRST_POST_REFORM_YEAR}`;

/** The unit tables of each vintage (DuckDB names; the post-reform vintage has no districts). */
export const UNIT_TABLES: Readonly<Record<Vintage, { province: string; commune: string; district: string | null }>> = {
  '2024': { province: 'unit_province', commune: 'unit_commune', district: 'unit_district' },
  '2025-07': { province: 'unit_province_2025', commune: 'unit_commune_2025', district: null },
};

/** The focus province a vintage opens on: Quảng Trị (45 before the reform, 44 after its merger with Quảng Bình). */
export const DEFAULT_PROVINCE: Readonly<Record<Vintage, string>> = { '2024': '45', '2025-07': '44' };
