import { boundaryColumns, boundaryLayers, programmeTables, reformTables, unitTables, type TableSpec } from './schema';
import { quoteIdent, rowsOf, type SqlEngine } from './engine';
import { datasetColumnSQL, importSchemaSQL, importViewSQL } from './sql/imported';
import { userTargetsDDL } from './sql/targets';
import { coreVintageViews, povertyViewSQL } from './sql/vintage';
import { POST_REFORM, PRE_REFORM, type Vintage } from '../common/vintage';

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

/**
 * Inserts every table of `specs` from its Arrow IPC asset, checks all their columns in one query, then runs
 * `script`. DuckDB's worker answers in order, so each request is posted as soon as it can be and only the answers
 * are awaited: an insert as soon as its asset is read, the check and the script once every insert is posted. Where
 * the page's main thread is busy (a frame rasterised on the CPU blocks it for 250-650 ms), an answer waited for
 * before the next request is posted costs a whole blocked frame; this way the worker never waits for the page.
 */
async function loadTables(engine: SqlEngine, read: AssetReader, specs: Specs, script: string[]): Promise<void> {
  const answers: Promise<unknown>[] = [];
  const post = (answer: Promise<unknown>) => {
    answer.catch(() => undefined); // awaited below, once every request is posted (no unhandled rejection meanwhile)
    answers.push(answer);
  };
  await Promise.all(Object.entries(specs).map(async ([table, spec]) => post(engine.insertArrowIPC(table, await read(spec.asset)))));
  post(checkColumns(engine, specs));
  if (script.length > 0) post(runScript(engine, script));
  // the worker answers in order: a failed insert rejects first, before the check that then misses its table
  await Promise.all(answers);
}

/** Statements without parameters, run in order in one request to the engine (one round trip to its worker). */
async function runScript(engine: SqlEngine, statements: string[]): Promise<void> {
  await engine.query(statements.join(';\n'));
}

const pick = (specs: Specs, names: string[]): Specs => Object.fromEntries(names.map((n) => [n, specs[n]]));

const boundaryTables: Specs = Object.fromEntries(
  boundaryLayers.map((layer) => [`boundary_${layer}`, { asset: `geom_${layer}.arrow`, columns: boundaryColumns }]),
);

/** Assets the map reads too (a layer's codes, names and label points): the others only the engine reads. */
export const assetsSharedWithMap: ReadonlySet<string> = new Set(Object.values(boundaryTables).map((t) => t.asset));

/** The programme tables the first coloured map needs; the others load after it. */
const coreProgrammeTables = ['sample_commune_year'];
/** The pre-reform units are always in the core (the post-reform views read them too); the post-reform ones when opened on. */
const coreTables = (vintage: Vintage): Specs => ({
  ...unitTables,
  ...(vintage === POST_REFORM ? reformTables : {}),
  ...pick(programmeTables, coreProgrammeTables),
});

/** Assets of the core tables of a vintage, fetched as early as possible. */
export const coreAssetsOf = (vintage: Vintage): string[] => Object.values(coreTables(vintage)).map((t) => t.asset);
export const coreAssets: string[] = coreAssetsOf(PRE_REFORM);

/**
 * What the first coloured map of a vintage needs: the unit tables, the NTM series and the import tables laid over
 * it (commune_year); for the post-reform vintage also its units, the crosswalk and the views of its NTM side.
 * Everything else follows in loadRest, after the map is coloured.
 */
export async function loadCore(engine: SqlEngine, read: AssetReader, vintage: Vintage = PRE_REFORM): Promise<void> {
  await loadTables(engine, read, coreTables(vintage), [...importSchemaSQL, importViewSQL('commune_year'), ...(vintage === POST_REFORM ? coreVintageViews : [])]);
}

/**
 * Poverty series, boundary attributes (the boundary_feature view), the small programme tables (and the empty one of
 * targets a user enters, filled from the browser's store by the app), the post-reform
 * tables where the core did not load them (`coreVintage`: the vintage loadCore was given), and the views that carry
 * the series onto the post-reform units.
 */
export async function loadRest(engine: SqlEngine, read: AssetReader, coreVintage: Vintage = PRE_REFORM): Promise<void> {
  const rest = Object.keys(programmeTables).filter((t) => !coreProgrammeTables.includes(t));
  const reform = coreVintage === POST_REFORM ? {} : reformTables;
  const union = boundaryLayers
    .map((layer) => `SELECT '${layer}' AS layer, * FROM ${quoteIdent(`boundary_${layer}`)}`)
    .join(' UNION ALL BY NAME ');
  await loadTables(engine, read, { ...pick(programmeTables, rest), ...boundaryTables, ...reform }, [
    `CREATE OR REPLACE VIEW boundary_feature AS ${union}`, importViewSQL('poverty_year'), ...datasetColumnSQL, userTargetsDDL, ...coreVintageViews, povertyViewSQL,
  ]);
}

/** Every table, in the order the app loads them. */
export async function loadAll(engine: SqlEngine, read: AssetReader, vintage: Vintage = PRE_REFORM): Promise<void> {
  await loadCore(engine, read, vintage);
  await loadRest(engine, read, vintage);
}
