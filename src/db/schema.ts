/**
 * The tables the app loads, each filled from one Arrow IPC asset under /generated/, with the columns that
 * src/common/schema.ts declares. After loading, every declared column is checked for its type, so a renamed or
 * retyped column in an asset fails loudly at start-up instead of colouring the map wrong.
 */
import { assetColumns, duckdbType, loadedTable, tableSpec, TABLES, type TableName } from '../common/schema';

/** A column type as DuckDB reports it. */
export type ColumnType = (typeof duckdbType)[keyof typeof duckdbType];

export interface TableSpec {
  asset: string;
  columns: Record<string, ColumnType>;
}

const columnTypes = (table: TableName): Record<string, ColumnType> =>
  Object.fromEntries(assetColumns(table).map((c) => [c.name, duckdbType[c.type]]));

/** Tables loaded from their asset, keyed by the DuckDB table each loads into. */
function assetTables(names: readonly TableName[]): Record<string, TableSpec> {
  return Object.fromEntries(
    names.map((name) => {
      const { asset } = tableSpec(name);
      if (!asset) throw new Error(`${name} has no asset`);
      return [loadedTable(name), { asset, columns: columnTypes(name) }];
    }),
  );
}

const tableNames = Object.keys(TABLES) as TableName[];
const builtBy = (build: 'geo' | 'data') => tableNames.filter((t) => tableSpec(t).build === build && tableSpec(t).asset);

/** The pre-reform unit tables (every series of 2016-2025 is keyed by them). */
export const unitTables: Record<string, TableSpec> = assetTables(builtBy('geo').filter((t) => !tableSpec(t).vintage));

/** The post-reform unit tables and the crosswalk to them: loaded first only when the app opens on that vintage. */
export const reformTables: Record<string, TableSpec> = assetTables(builtBy('geo').filter((t) => tableSpec(t).vintage === '2025-07'));

/** Boundary layers: geometry in geom_<layer>.bin, attributes in geom_<layer>.arrow (one row per feature). */
export const boundaryLayers = [
  'provinces', 'districts', 'communes', 'communes_45', 'communes_08', 'communes_83', 'communes_2025', 'provinces_2025',
] as const;
export type BoundaryLayer = (typeof boundaryLayers)[number];

export const boundaryColumns: Record<string, ColumnType> = columnTypes('boundary');

/** Focus provinces drawn from their full-detail commune layer instead of the national one. */
export const focusLayerOf: Record<string, BoundaryLayer> = { '45': 'communes_45', '08': 'communes_08', '83': 'communes_83' };

/**
 * Programme tables (built by data/build.ts). The shipped series load as sample_*; commune_year and poverty_year
 * are views that lay the user's imports over them (sql/imported.ts).
 */
export const programmeTables: Record<string, TableSpec> = assetTables(builtBy('data'));
