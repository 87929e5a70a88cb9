import { bucketOf, type ImportResult } from '..';
import { modelRowsOf } from '../validate';
import { arrowIPC, type Column, type ColumnKind } from '../../common/arrow-table';
import { criteriaSetOfYear, povertyStandardOfYear } from '../../common/programme';
import { importColumns as importedColumns, importStreamColumns, importTable, type ImportColumnName, type TableName } from '../../common/schema';
import { foldWords } from '../../common/vn-name';

export interface ImportTables {
  communeYear: Record<string, unknown>[];
  sponsorship: Record<string, unknown>[];
  poverty: Record<string, unknown>[];
  /** province-years the import covers (for "replace" mode) */
  scope: { province_code: string; year: number }[];
  /** rows accepted but not usable, with why (no year) — reported, never dropped silently */
  skipped: { row: number; reason: 'no_year' }[];
}

/** The import tables, in the order they are loaded (the names imports are stored under in IndexedDB). */
export const importTableNames = ['communeYear', 'poverty', 'scope', 'sponsorship'] as const;
export type ImportTableName = (typeof importTableNames)[number];
/** The model's table (src/common/schema.ts) each import table is rows of. */
const modelTable = { communeYear: 'commune_year', poverty: 'poverty_year', scope: 'import_scope', sponsorship: 'sponsorship' } as const satisfies Record<ImportTableName, TableName>;
const perTable = <V>(f: (name: ImportTableName) => V) => Object.fromEntries(importTableNames.map((n) => [n, f(n)])) as Record<ImportTableName, V>;
/** The DuckDB table each import table goes into. */
export const duckdbTable = perTable((n) => importTable(modelTable[n]));


type Values = unknown[];

/** Empty columns for the rows an import writes into a table of the model. */
const emptyColumns = <T extends TableName>(table: T) =>
  Object.fromEntries(importedColumns(table).map((n) => [n, [] as Values])) as Record<ImportColumnName<T>, Values>;

/** The import tables column by column (each column one array, all of a table's the same length). */
export interface ImportColumns {
  communeYear: Record<string, Values>;
  sponsorship: Record<string, Values>;
  poverty: Record<string, Values>;
  scope: Record<string, Values>;
  skipped: ImportTables['skipped'];
  /** rows of the file that went into any of the tables (a row with NTM figures and poverty counts is one row) */
  sourceRows: number;
}

/**
 * Accepted rows of an import as rows of the model. Numerators and denominators are stored; a rate given
 * without counts stays in the report but cannot become a row (the model derives rates). A tier not written
 * in the file is taken from the recognition year, or "not yet" when only criteria are given.
 * Built column by column (no object per row): the columns go straight into Arrow.
 */
export function importColumns(result: ImportResult): ImportColumns {
  const cy = emptyColumns('commune_year');
  const pov = emptyColumns('poverty_year');
  const sp = emptyColumns('sponsorship');
  const skipped: ImportTables['skipped'] = [];
  const scope = new Set<string>();
  const prefix = `${result.file}${result.sheet ? ` / ${result.sheet}` : ''}, dòng `;
  let sourceRows = 0;
  for (const r of result.rows) {
    // rows to be imported only: not a copy of another row, not waiting for a choice, not left out or rejected
    if (bucketOf(r) !== 'accepted' || !r.commune_code || !r.unit) continue;
    const v = r.values;
    const source = prefix + r.sourceRow;
    const parts = modelRowsOf(r);
    if (parts.communeYear || parts.poverty || parts.sponsorship) sourceRows++;
    if (v.sponsor_org) {
      const org = v.sponsor_org.normalize('NFC');
      sp.sponsor_id.push(sponsorSlug(r.unit.province_code, org));
      sp.sponsor_org.push(org);
      sp.sponsor_short.push(initials(org));
      sp.province_code.push(r.unit.province_code);
      sp.commune_code.push(r.commune_code);
      sp.commune_name.push(r.unit.commune_name);
      sp.district_name.push(r.unit.district_name);
      sp.from_year.push(v.year ?? result.year.value);
      sp.to_year.push(null);
      sp.basis.push(null);
      sp.source.push(source);
    }
    const year = v.year ?? result.year.value;
    if (year === null || year === undefined) {
      skipped.push({ row: r.sourceRow, reason: 'no_year' });
      continue;
    }
    scope.add(`${r.unit.province_code}|${year}`);
    if (parts.communeYear) {
      const tier = v.tier ?? (v.recognised_year !== null && v.recognised_year <= year ? 'dat_chuan' : v.criteria_met_count !== null ? 'chua_dat' : null);
      cy.commune_code.push(r.commune_code);
      cy.year.push(year);
      cy.criteria_set.push(criteriaSetOfYear(year));
      cy.criteria_met_count.push(v.criteria_met_count);
      cy.criteria_met_mask.push(null);
      cy.tier.push(tier);
      cy.recognised_year.push(v.recognised_year);
      cy.ntm_year.push(tier && tier !== 'chua_dat' ? v.recognised_year : null);
      cy.decision_no.push(v.decision_no);
      cy.fell_back.push(false);
      cy.provenance.push('imported');
      cy.source.push(source);
    }
    if (parts.poverty) {
      pov.unit_code.push(r.commune_code);
      pov.unit_level.push('commune');
      pov.year.push(year);
      pov.households.push(v.households);
      pov.poor.push(v.poor);
      pov.near_poor.push(v.near_poor);
      pov.standard.push(povertyStandardOfYear(year));
      pov.provenance.push('imported');
      pov.source.push(source);
    }
  }
  const scopeRows = [...scope].map((k) => k.split('|'));
  return {
    communeYear: cy,
    poverty: pov,
    sponsorship: sp,
    scope: { province_code: scopeRows.map((k) => k[0]), year: scopeRows.map((k) => Number(k[1])) },
    skipped,
    sourceRows,
  };
}

const rowCount = (columns: Record<string, Values>) => Object.values(columns)[0]?.length ?? 0;

/** Rows from columns. */
function rowsOf(columns: Record<string, Values>): Record<string, unknown>[] {
  const names = Object.keys(columns);
  return Array.from({ length: rowCount(columns) }, (_, i) => Object.fromEntries(names.map((n) => [n, columns[n][i]])));
}

/** The accepted rows of an import as row objects of the model's tables (see importColumns). */
export function importTables(result: ImportResult): ImportTables {
  const c = importColumns(result);
  return {
    communeYear: rowsOf(c.communeYear),
    sponsorship: rowsOf(c.sponsorship),
    poverty: rowsOf(c.poverty),
    scope: rowsOf(c.scope) as ImportTables['scope'],
    skipped: c.skipped,
  };
}

/** Model rows of an import as Arrow IPC streams (what DuckDB loads and IndexedDB keeps), with counts. */
export interface ImportArrow {
  /** one IPC stream per table, its first column the dataset id; null where the import has no row for it */
  arrow: Record<ImportTableName, Uint8Array | null>;
  /** rows per table */
  counts: Record<ImportTableName, number>;
  /** rows accepted but not usable, with why (no year) */
  skipped: ImportTables['skipped'];
}

/** The columns of each table's stream, with their types, in order (the dataset id, then what importColumns() writes). */
const streamColumns = perTable((n) => importStreamColumns(modelTable[n]));
export const importColumnNames = perTable((n): readonly string[] => streamColumns[n].map((c) => c.name));

/** One table's columns -> Arrow IPC stream bytes, the dataset id first, types as the schema declares. Null where the table has no row. */
export function tableIPC(name: ImportTableName, columns: Record<string, Values>, dataset: string): Uint8Array | null {
  const rows = rowCount(columns);
  if (rows === 0) return null;
  const cols: Record<string, Column> = {};
  const kinds: Record<string, ColumnKind> = {};
  for (const { name: n, type } of streamColumns[name]) {
    kinds[n] = type;
    cols[n] = n === 'dataset' ? new Array<string>(rows).fill(dataset) : ((columns[n] ?? new Array(rows).fill(null)) as Column);
  }
  return arrowIPC(cols, kinds).bytes;
}

/** Row objects (as importTables() writes them, and as imports were stored before) -> columns. */
function columnsOfRows(rows: readonly Record<string, unknown>[]): Record<string, Values> {
  const columns: Record<string, Values> = {};
  for (const n of rows.length ? Object.keys(rows[0]) : []) columns[n] = rows.map((r) => r[n] ?? null);
  return columns;
}

/** The tables of an import (as columns, or as rows stored before) as Arrow IPC streams for dataset `dataset`. */
export function importArrow(tables: ImportColumns | ImportTables, dataset: string): ImportArrow {
  const arrow = {} as ImportArrow['arrow'];
  const counts = {} as ImportArrow['counts'];
  for (const name of importTableNames) {
    const t: Record<string, Values> | readonly Record<string, unknown>[] = tables[name];
    const columns = Array.isArray(t) ? columnsOfRows(t) : (t as Record<string, Values>);
    counts[name] = rowCount(columns);
    arrow[name] = tableIPC(name, columns, dataset);
  }
  return { arrow, counts, skipped: tables.skipped };
}

/** "Hội Liên hiệp Phụ nữ tỉnh" in province 45 -> "45-hoi-lien-hiep-phu-nu-tinh": stable, URL-safe, ASCII. */
export function sponsorSlug(province: string, org: string): string {
  return `${province}-${foldWords(org).replace(/ /g, '-')}`.slice(0, 64);
}

const initials = (org: string) =>
  org
    .split(/\s+/)
    .filter((w) => w.length > 0 && w[0] === w[0].toUpperCase())
    .map((w) => w[0])
    .join('')
    .slice(0, 8);
