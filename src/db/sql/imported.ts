/**
 * User imports live in import tables and are laid over the shipped series by views, so every query of the app
 * reads commune_year / poverty_year and sees imports without knowing about them. Tables, columns and keys come
 * from src/common/schema.ts (tables with `imports: 'overlay'` get a view; 'only' tables are created empty).
 * - "beside": an imported unit-year replaces the sample row of that unit-year; other sample rows stay.
 * - "replace": for the province-years an import covers, every sample row is hidden (only imported data shows).
 * Between two imports of the same unit-year, the later dataset wins.
 */
import {
  declaredColumns, duckdbType, importStreamColumns, importTable, loadedTable, tableSpec, TABLES,
  type ColumnDecl, type OverlayTableName, type TableName,
} from '../../common/schema';
import { quoteIdent } from '../engine';

const tableNames = Object.keys(TABLES) as TableName[];

function createTableSQL(name: string, columns: readonly ColumnDecl[], key: readonly string[] = []): string {
  const defs = columns.map((c) => `${quoteIdent(c.name)} ${duckdbType[c.type]}`);
  if (key.length > 0) defs.push(`PRIMARY KEY (${key.map(quoteIdent).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} (${defs.join(', ')})`;
}

/** The tables that hold imports: the 'only' tables (import_dataset, import_scope) and import_<series> of each overlay. */
export const importSchemaSQL: string[] = tableNames.flatMap((t) => {
  const { imports, key } = tableSpec(t);
  if (imports === 'only') return [createTableSQL(t, declaredColumns(t), key)];
  if (imports === 'overlay') return [createTableSQL(importTable(t), importStreamColumns(t))];
  return [];
});

const keyOf = (view: OverlayTableName): readonly string[] => TABLES[view].key;

/** Of each key, the row of the latest import (by import_dataset.seq), in the view's column order. */
function latestImport(view: OverlayTableName): string {
  const columns = importStreamColumns(view).filter((c) => c.name !== 'dataset').map((c) => `i.${quoteIdent(c.name)}`);
  const key = keyOf(view).map((k) => `i.${quoteIdent(k)}`);
  return `
  SELECT ${columns.join(', ')} FROM ${quoteIdent(importTable(view))} i JOIN import_dataset d USING (dataset)
  QUALIFY row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY d.seq DESC) = 1`;
}

/**
 * The sample rows no import hides: none with the key of an imported row, none of a province-year an import in
 * 'replace' mode covers. The key is (unit code, year); the unit code is a commune-level code of unit_commune.
 */
function visibleSample(view: OverlayTableName): string {
  const [code, year] = keyOf(view).map(quoteIdent);
  return `
  SELECT s.* FROM ${quoteIdent(loadedTable(view))} s
  WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdent(importTable(view))} i WHERE i.${code} = s.${code} AND i.${year} = s.${year})
    AND NOT EXISTS (
      SELECT 1 FROM import_scope r JOIN import_dataset d USING (dataset) JOIN unit_commune u ON u.province_code = r.province_code
      WHERE d.mode = 'replace' AND r.year = s.${year} AND u.commune_code = s.${code})`;
}

/** The view that lays imports over a shipped series (commune_year over sample_commune_year, ...). */
export function importViewSQL(view: OverlayTableName): string {
  return `CREATE OR REPLACE VIEW ${quoteIdent(view)} AS ${latestImport(view)}
   UNION ALL BY NAME ${visibleSample(view)}`;
}

/** Tables whose shipped rows and imported rows sit together (sponsorship): imported rows carry their dataset. */
export const datasetColumnSQL: string[] = tableNames
  .filter((t) => tableSpec(t).imports === 'append')
  .map((t) => `ALTER TABLE ${quoteIdent(t)} ADD COLUMN IF NOT EXISTS dataset VARCHAR`);
