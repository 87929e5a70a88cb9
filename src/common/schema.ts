/**
 * The tables of the model, declared once. Everything else derives from this declaration: the column types the
 * builds hold and the Arrow kinds they write (data/, geo/), the columns checked at start-up, the DDL of the
 * import tables and the views that lay imports over the shipped series (src/db), the columns an import writes
 * (src/import/service), and the series each column belongs to (what an indicator reads, for its provenance).
 * Pure: imports nothing. Codes are utf8 (leading zeros kept).
 */

/** Data series: what a row's provenance ("fact", "illustrative", "imported") is reported for. */
export const seriesIds = ['ntm', 'poverty', 'recognition', 'sponsorship', 'targets', 'figures', 'criteria'] as const;
export type SeriesId = (typeof seriesIds)[number];

export type ColumnType = 'utf8' | 'int32' | 'float64' | 'bool';

export const TIERS = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'] as const;
export type Tier = (typeof TIERS)[number];
/**
 * A row's provenance: a published fact, generated (seeded, illustrative), read from a user's file, or published
 * by a provincial office in a province edition of the site (edition/: built from the office's own files).
 */
export const PROVENANCES = ['fact', 'illustrative', 'imported', 'published'] as const;
export type RowProvenance = (typeof PROVENANCES)[number];
/** How an import meets the shipped series: beside it (unit-years it has), or replacing it (province-years it covers). */
export const IMPORT_MODES = ['beside', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ColumnSpec {
  type: ColumnType;
  /** may be null in the shipped asset (a nullable Arrow column). Imported rows may leave any non-key column null. */
  nullable?: true;
  /** the closed set of values of a utf8 column (its type in the builds) */
  values?: readonly string[];
  /** the column exists only in the shipped asset, or only in imported rows (null for shipped rows in the view) */
  only?: 'asset' | 'import';
  /** the series the column belongs to, where not the table's */
  series?: SeriesId;
}

export interface TableSpec {
  /** the build that writes the table's Arrow asset (geo/ or data/) */
  build?: 'geo' | 'data';
  /** a unit table of the post-reform vintage (src/common/vintage.ts); unmarked unit tables are pre-reform (2024) */
  vintage?: '2025-07';
  /** the asset's file under public/generated/; none for the boundary layers (one asset per layer) and import tables */
  asset?: string;
  /** the series of its columns; null for reference tables (units, boundaries) and the imports' bookkeeping */
  series: SeriesId | null;
  /**
   * The asset (under generated/ of the built site) that a province edition ships this table's rows in (edition/), as an
   * import stream (importStreamColumns: the edition's dataset id, then what an import writes); loaded over the
   * sample like an import (src/db/edition.ts). Only in a build made with an edition.
   */
  edition?: string;
  /** the columns that identify a row */
  key?: readonly string[];
  /**
   * How imports reach the table:
   * - 'overlay': the asset loads as sample_<name>, imports go into import_<name>, and the view <name> lays the
   *   latest import of each key over the sample (src/db/sql/imported.ts);
   * - 'append': imported rows are appended to the table itself, tagged with a dataset column;
   * - 'only': the table holds imports only (created empty at start-up).
   */
  imports?: 'overlay' | 'append' | 'only';
  /** in order: the order of the Arrow assets and of the import streams */
  columns: Record<string, ColumnSpec>;
}

const utf8 = { type: 'utf8' } as const;
const utf8Null = { type: 'utf8', nullable: true } as const;
const int32 = { type: 'int32' } as const;
const int32Null = { type: 'int32', nullable: true } as const;
const float64 = { type: 'float64' } as const;
const float64Null = { type: 'float64', nullable: true } as const;
const bool = { type: 'bool' } as const;
/** label points of a unit or feature; NaN where it has none (no nulls in these Float64 columns) */
const label = { label_lon: float64, label_lat: float64 } as const;
/** a figure as published (text), with its number, or its range's bounds (null when a range / not a number) */
const figure = { value: utf8, value_num: float64Null, value_min: float64Null, value_max: float64Null, unit: utf8 } as const;
/**
 * A programme target (province '00' = national): what is to be reached by the end of `target_year`, the last year
 * of its programme period. `parent_id`: the target whose published note states this one (a sub-target read out
 * of a note, data/facts/target-notes.ts), else null.
 */
const targetColumns = {
  target_id: utf8, province_code: utf8, province_name: utf8, target_year: int32, indicator: utf8, ...figure, note: utf8, source: utf8,
  parent_id: utf8Null,
} as const;

export const TABLES = {
  unit_province: {
    build: 'geo', asset: 'units_provinces.arrow', series: null, key: ['province_code'],
    columns: {
      province_code: utf8Null, province_name: utf8Null, province_type: utf8Null, n_districts: int32, n_communes: int32, ...label,
    },
  },
  unit_district: {
    build: 'geo', asset: 'units_districts.arrow', series: null, key: ['district_code'],
    columns: {
      district_code: utf8Null, district_name: utf8Null, district_type: utf8Null, province_code: utf8Null, n_communes: int32, ...label,
    },
  },
  unit_commune: {
    build: 'geo', asset: 'units_communes.arrow', series: null, key: ['commune_code'],
    columns: {
      commune_code: utf8Null, commune_name: utf8Null, commune_type: utf8Null, district_code: utf8Null, province_code: utf8Null,
      has_polygon: bool, polygon_note: utf8Null, ...label,
    },
  },
  /** The post-reform vintage (from 2025-07-01): its own tables, since codes collide with the 2024 ones (44, 19597). */
  unit_province_2025: {
    build: 'geo', vintage: '2025-07', asset: 'units_2025_provinces.arrow', series: null, key: ['province_code'],
    columns: { province_code: utf8Null, province_name: utf8Null, province_type: utf8Null, n_communes: int32, ...label },
  },
  unit_commune_2025: {
    build: 'geo', vintage: '2025-07', asset: 'units_2025_communes.arrow', series: null, key: ['commune_code'],
    columns: {
      commune_code: utf8Null, commune_name: utf8Null, commune_type: utf8Null, province_code: utf8Null, has_polygon: bool,
      area_km2: float64, population: float64, ...label,
    },
  },
  /**
   * Old (2024) commune → post-reform commune(s), with the share of the old commune each received: 'whole' (one
   * target, exact), 'area' (a split, by the area of the old polygon in each target), 'equal' (a split without a
   * usable polygon). Shares of one old commune sum to 1 (geo/reform/crosswalk.ts).
   */
  crosswalk_2024_2025: {
    build: 'geo', vintage: '2025-07', asset: 'crosswalk_2024_2025.arrow', series: null, key: ['old_commune_code', 'new_commune_code'],
    columns: {
      old_commune_code: utf8Null, via_code_2025_03: utf8Null, new_commune_code: utf8Null,
      part_type: { type: 'utf8', nullable: true, values: ['full', 'partial'] }, n_targets: int32, share: float64,
      share_method: { type: 'utf8', nullable: true, values: ['whole', 'area', 'equal'] },
    },
  },
  /** one table per boundary layer (boundary_<layer>, from geom_<layer>.arrow): row i = feature i of geom_<layer>.bin */
  boundary: {
    build: 'geo', series: null, key: ['feature_index'],
    columns: {
      feature_index: int32, code: utf8Null, kind: utf8Null, name: utf8Null, district_code: utf8Null, province_code: utf8Null,
      geom_confidence: utf8Null, covers_codes: utf8Null, note: utf8Null, ...label,
    },
  },
  criteria_sets: {
    build: 'data', asset: 'criteria_sets.arrow', series: 'criteria', key: ['criteria_set_id'],
    columns: {
      criteria_set_id: utf8, decision: utf8, decision_date: utf8Null, period_from: int32, period_to: int32,
      data_years_from: int32Null, data_years_to: int32Null, n_criteria: int32, n_indicators: int32Null,
      title_vi: utf8, title_en: utf8, note: utf8,
    },
  },
  criteria: {
    build: 'data', asset: 'criteria.arrow', series: 'criteria', key: ['criterion_id'],
    columns: {
      criterion_id: utf8, // `${criteria_set_id}.${number}`, e.g. 'qd318.11'
      criteria_set_id: utf8, number: int32, name_vi: utf8, name_en: utf8,
      group_code: utf8Null, group_name_vi: utf8Null, group_name_en: utf8Null, name_status: utf8,
    },
  },
  /** Keyed by the codes of the year's vintage: 2024 codes up to 2025, post-reform codes from 2026 (src/common/vintage.ts). */
  commune_year: {
    build: 'data', asset: 'commune_year.arrow', edition: 'edition/commune_year.arrow', series: 'ntm', key: ['commune_code', 'year'], imports: 'overlay',
    columns: {
      commune_code: utf8, year: int32,
      criteria_set: utf8, // criteria_set_id
      criteria_met_count: int32,
      criteria_met_mask: int32, // bit (n-1) set = criterion n met
      tier: { type: 'utf8', values: TIERS },
      recognised_year: int32Null, // year of the decision that granted the current tier
      ntm_year: int32Null, // first year recognised as meeting the NTM standard (may be < 2016)
      decision_no: utf8Null, fell_back: bool,
      provenance: { type: 'utf8', values: PROVENANCES }, source: utf8Null,
    },
  },
  /** Keyed like commune_year: by the codes of the year's vintage. */
  poverty_year: {
    build: 'data', asset: 'poverty_year.arrow', edition: 'edition/poverty_year.arrow', series: 'poverty', key: ['unit_code', 'year'], imports: 'overlay',
    columns: {
      unit_code: utf8,
      unit_level: utf8, // 'commune' (all communes, wards and towns)
      year: int32, households: int32, poor: int32, near_poor: int32, standard: utf8,
      provenance: { type: 'utf8', values: PROVENANCES },
      source: { type: 'utf8', only: 'import' }, // the shipped series is illustrative, with no source
    },
  },
  district_recognition: {
    build: 'data', asset: 'district_recognition.arrow', series: 'recognition', key: ['district_code', 'level', 'year'],
    columns: {
      province_code: utf8, district_code: utf8,
      district_name: utf8, // as in the facts file
      district_name_official: utf8, // as in the unit list
      level: utf8, // huyen_ntm | hoan_thanh_nhiem_vu
      year: int32, decision: utf8Null, source: utf8,
    },
  },
  sponsorship: {
    build: 'data', asset: 'sponsorship.arrow', edition: 'edition/sponsorship.arrow', series: 'sponsorship', imports: 'append',
    columns: {
      sponsor_id: utf8, sponsor_org: utf8, sponsor_short: utf8, province_code: utf8, commune_code: utf8, commune_name: utf8,
      district_name: utf8, period: { type: 'utf8', only: 'asset' }, from_year: int32, to_year: int32, basis: utf8, source: utf8,
    },
  },
  targets: {
    build: 'data', asset: 'targets.arrow', edition: 'edition/targets.arrow', series: 'targets', key: ['target_id'],
    columns: targetColumns,
  },
  /**
   * Targets a user entered in the scorecard (for another province, or for 2026-2030): kept in the browser like
   * imports and scored like the published ones. Created empty at start-up (src/db/sql/targets.ts).
   */
  user_targets: {
    series: 'targets', key: ['target_id'],
    columns: { ...targetColumns, entered_at: utf8 },
  },
  published_figures: {
    build: 'data', asset: 'published_figures.arrow', series: 'figures',
    columns: {
      province_code: utf8, province_name: utf8, ref_date: utf8, year: int32, indicator: utf8, ...figure, scope_note: utf8, source: utf8,
    },
  },
  /** one row per import kept in the browser; `seq` orders them (the later import wins) */
  import_dataset: {
    series: null, key: ['dataset'], imports: 'only',
    columns: { dataset: utf8, file: utf8, imported_at: utf8, mode: { type: 'utf8', values: IMPORT_MODES }, seq: int32 },
  },
  /** the province-years an import covers: in 'replace' mode, the sample rows there are hidden */
  import_scope: {
    edition: 'edition/import_scope.arrow', series: null, imports: 'only',
    columns: { dataset: utf8, province_code: utf8, year: int32 },
  },
} as const satisfies Record<string, TableSpec>;

type Tables = typeof TABLES;
export type TableName = keyof Tables;
type Columns<T extends TableName> = Tables[T]['columns'];
type TablesWhere<P> = { [T in TableName]: Tables[T] extends P ? T : never }[TableName];
/** The tables data/build.ts writes. */
export type DataTableName = TablesWhere<{ build: 'data' }>;
/** The tables imports are laid over by a view. */
export type OverlayTableName = TablesWhere<{ imports: 'overlay' }>;

type ValueOf<C> = C extends { values: readonly (infer V)[] } ? V : C extends { type: 'utf8' } ? string : C extends { type: 'bool' } ? boolean : number;
type ArrayOf<C> = C extends { nullable: true }
  ? (ValueOf<C> | null)[]
  : C extends { type: 'int32' }
    ? Int32Array
    : C extends { type: 'float64' }
      ? Float64Array
      : ValueOf<C>[];

/**
 * A table as the builds hold it: one array per column of its asset, all as long. Non-null integers and floats
 * are typed arrays; nullable ones are (number | null)[] (real Arrow nulls).
 */
export type AssetColumns<T extends TableName> = {
  -readonly [K in keyof Columns<T> as Columns<T>[K] extends { only: 'import' } ? never : K]: ArrayOf<Columns<T>[K]>;
};

/** The columns an import writes into table T (all but the asset-only ones). */
export type ImportColumnName<T extends TableName> = {
  [K in keyof Columns<T>]: Columns<T>[K] extends { only: 'asset' } ? never : K;
}[keyof Columns<T>] &
  string;

export interface ColumnDecl {
  name: string;
  type: ColumnType;
}

const columnsOf = (table: TableName): [string, ColumnSpec][] => Object.entries(TABLES[table].columns as Record<string, ColumnSpec>);
/** A table's declaration, widened (what every table may declare). */
export const tableSpec = (table: TableName): TableSpec => TABLES[table];
const spec = tableSpec;

/** Every column of a table's asset, in order (the import-only columns left out). */
export function assetColumns(table: TableName): ColumnDecl[] {
  return columnsOf(table)
    .filter(([, c]) => c.only !== 'import')
    .map(([name, c]) => ({ name, type: c.type }));
}

/** Every declared column of a table, in order: for an overlaid series, the columns of its view. */
export function declaredColumns(table: TableName): ColumnDecl[] {
  return columnsOf(table).map(([name, c]) => ({ name, type: c.type }));
}

/** The columns an import writes into a table, in order (without the dataset id). */
export function importColumns<T extends TableName>(table: T): ImportColumnName<T>[] {
  return columnsOf(table)
    .filter(([name, c]) => c.only !== 'asset' && !(spec(table).imports === 'only' && name === 'dataset'))
    .map(([name]) => name as ImportColumnName<T>);
}

/** The DuckDB table a table's asset loads into: an overlaid series loads as sample_<name>, under its view. */
export const loadedTable = (table: TableName): string => (spec(table).imports === 'overlay' ? `sample_${table}` : table);

/** The DuckDB table a table's imports go into (overlay: import_<name>; otherwise the table itself). */
export const importTable = (table: TableName): string => (spec(table).imports === 'overlay' ? `import_${table}` : table);

/**
 * The columns of an import stream into a table, in order: the dataset id, then what an import writes. For an
 * overlaid series and an imports-only table these are exactly the columns of importTable(table).
 */
export function importStreamColumns(table: TableName): ColumnDecl[] {
  const types = Object.fromEntries(columnsOf(table).map(([n, c]) => [n, c.type]));
  return [{ name: 'dataset', type: 'utf8' }, ...importColumns(table).map((name) => ({ name, type: types[name] }))];
}

/** The tables that receive imports (the DuckDB names), with whether shipped rows share them (rows tagged by dataset). */
export function importTargets(): { table: string; shared: boolean }[] {
  return (Object.keys(TABLES) as TableName[])
    .filter((t) => spec(t).imports !== undefined)
    .map((t) => ({ table: importTable(t), shared: spec(t).imports === 'append' }));
}

/** The column type as DuckDB reports it (information_schema.columns.data_type). */
export const duckdbType: Record<ColumnType, 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN'> = {
  utf8: 'VARCHAR',
  int32: 'INTEGER',
  float64: 'DOUBLE',
  bool: 'BOOLEAN',
};

/** The series a table's column belongs to; null for reference data (units, boundaries) and the imports' bookkeeping. */
export function seriesOfColumn(table: TableName, column: string): SeriesId | null {
  const c = (TABLES[table]?.columns as Record<string, ColumnSpec> | undefined)?.[column];
  if (!c) throw new Error(`${table}.${column} is not declared in src/common/schema.ts`);
  return c.series ?? spec(table).series;
}

/** The tables holding a series' rows. */
export const tablesOfSeries = (series: SeriesId): TableName[] =>
  (Object.keys(TABLES) as TableName[]).filter((t) => columnsOf(t).some(([n]) => seriesOfColumn(t, n) === series));
