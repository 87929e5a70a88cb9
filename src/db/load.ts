import { boundaryColumns, boundaryLayers, programmeTables, unitTables, type TableSpec } from './schema';
import { quoteIdent, rowsOf, type SqlEngine } from './engine';
import { datasetColumnSQL, importSchemaSQL, importViewSQL } from './sql/imported';
import { userTargetsDDL } from './sql/targets';

/** Reads an asset's bytes; the browser fetches from /generated/, tests read files. */
export type AssetReader = (name: string) => Promise<Uint8Array>;

export class SchemaError extends Error {}

type Specs = Record<string, TableSpec>;

/** Fails with the table, column, expected and actual type when an asset does not match the declared schema. */
export async function checkColumns(engine: SqlEngine, specs: Specs): Promise<void> {
  const rows = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await engine.query('SELECT table_name, column_name, data_type FROM information_schema.columns'),
  );
  const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
  for (const [table, spec] of Object.entries(specs)) {
    for (const [name, type] of Object.entries(spec.columns)) {
      const found = actual.get(`${table}.${name}`);
      if (found === undefined) throw new SchemaError(`${table}: column ${name} is missing`);
      if (found !== type) throw new SchemaError(`${table}.${name}: expected ${type}, found ${found}`);
    }
  }
}

/** Inserts every table of `specs` from its Arrow IPC asset (requests pipelined), then checks all columns in one query. */
async function loadTables(engine: SqlEngine, read: AssetReader, specs: Specs): Promise<void> {
  await Promise.all(Object.entries(specs).map(async ([table, spec]) => engine.insertArrowIPC(table, await read(spec.asset))));
  await checkColumns(engine, specs);
}

/** Statements without parameters, run in order in one request to the engine (one round trip to its worker). */
async function runScript(engine: SqlEngine, statements: string[]): Promise<void> {
  await engine.query(statements.join(';\n'));
}

const pick = (specs: Specs, names: string[]): Specs => Object.fromEntries(names.map((n) => [n, specs[n]]));

const boundaryTables: Specs = Object.fromEntries(
  boundaryLayers.map((layer) => [`boundary_${layer}`, { asset: `geom_${layer}.arrow`, columns: boundaryColumns }]),
);

/** The programme tables the first coloured map needs; the others load after it. */
const coreProgrammeTables = ['sample_commune_year'];
const coreTables = (): Specs => ({ ...unitTables, ...pick(programmeTables, coreProgrammeTables) });

/** Assets of the core tables, fetched as early as possible. */
export const coreAssets: string[] = Object.values(coreTables()).map((t) => t.asset);

/**
 * What the first coloured map needs: the unit tables, the NTM series and the import tables laid over it
 * (commune_year). Everything else follows in loadRest, after the map is coloured.
 */
export async function loadCore(engine: SqlEngine, read: AssetReader): Promise<void> {
  await loadTables(engine, read, coreTables());
  await runScript(engine, [...importSchemaSQL, importViewSQL('commune_year')]);
}

/** Poverty series, boundary attributes (the boundary_feature view), the small programme tables and the empty one of targets a user enters (filled from the browser's store by the app). */
export async function loadRest(engine: SqlEngine, read: AssetReader): Promise<void> {
  const rest = Object.keys(programmeTables).filter((t) => !coreProgrammeTables.includes(t));
  await loadTables(engine, read, { ...pick(programmeTables, rest), ...boundaryTables });
  const union = boundaryLayers
    .map((layer) => `SELECT '${layer}' AS layer, * FROM ${quoteIdent(`boundary_${layer}`)}`)
    .join(' UNION ALL BY NAME ');
  await runScript(engine, [`CREATE OR REPLACE VIEW boundary_feature AS ${union}`, importViewSQL('poverty_year'), ...datasetColumnSQL, userTargetsDDL]);
}

/** Every table, in the order the app loads them. */
export async function loadAll(engine: SqlEngine, read: AssetReader): Promise<void> {
  await loadCore(engine, read);
  await loadRest(engine, read);
}
