import { boundaryColumns, boundaryLayers, programmeTables, unitTables, type TableSpec } from './schema';
import { quoteIdent, rowsOf, type SqlEngine } from './engine';
import { importSchemaSQL, importViewsSQL } from './sql/imported';

/** Reads an asset's bytes; the browser fetches from /generated/, tests read files. */
export type AssetReader = (name: string) => Promise<Uint8Array>;

export class SchemaError extends Error {}

/** Fails with the table, column, expected and actual type when an asset does not match the declared schema. */
export async function checkColumns(engine: SqlEngine, table: string, columns: TableSpec['columns']): Promise<void> {
  const actual = new Map(
    rowsOf<{ column_name: string; data_type: string }>(
      await engine.query('SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?', [table]),
    ).map((r) => [r.column_name, r.data_type]),
  );
  for (const [name, type] of Object.entries(columns)) {
    const found = actual.get(name);
    if (found === undefined) throw new SchemaError(`${table}: column ${name} is missing`);
    if (found !== type) throw new SchemaError(`${table}.${name}: expected ${type}, found ${found}`);
  }
}

async function loadTable(engine: SqlEngine, read: AssetReader, table: string, spec: TableSpec): Promise<void> {
  await engine.insertArrowIPC(table, await read(spec.asset));
  await checkColumns(engine, table, spec.columns);
}

/** Unit tables and the attributes of every boundary layer, joined into one boundary_feature view. */
export async function loadUnits(engine: SqlEngine, read: AssetReader): Promise<void> {
  await Promise.all(Object.entries(unitTables).map(([table, spec]) => loadTable(engine, read, table, spec)));
  await Promise.all(
    boundaryLayers.map((layer) =>
      loadTable(engine, read, `boundary_${layer}`, { asset: `geom_${layer}.arrow`, columns: boundaryColumns }),
    ),
  );
  const union = boundaryLayers
    .map((layer) => `SELECT '${layer}' AS layer, * FROM ${quoteIdent(`boundary_${layer}`)}`)
    .join(' UNION ALL BY NAME ');
  await engine.query(`CREATE OR REPLACE VIEW boundary_feature AS ${union}`);
}

export async function loadProgramme(engine: SqlEngine, read: AssetReader): Promise<void> {
  await Promise.all(Object.entries(programmeTables).map(([table, spec]) => loadTable(engine, read, table, spec)));
  for (const stmt of [...importSchemaSQL, ...importViewsSQL]) await engine.query(stmt);
}
