/**
 * A province edition's rows in the app: the page carries the edition's manifest (a JSON data block written by the
 * build, edition/vite-plugin.ts), and its assets are laid into the shipped series as the build's own data: over
 * the sample ('beside': an edition row replaces the sample row of its unit-year), or replacing it in the
 * province-years the edition covers ('replace'), or alone (sample off: no illustrative row is kept). Because the
 * edition becomes part of the shipped tables, the user's imports lay over it as over the sample, and removing
 * every import brings the edition back, not the sample.
 */
import { editionAsset, EDITION_ELEMENT_ID, parseManifest, type EditionManifest, type EditionTable } from '../common/edition';
import { loadedTable, TABLES } from '../common/schema';
import { quoteIdent, type SqlEngine } from './engine';
import type { AssetReader } from './load';

function readManifest(doc: Pick<Document, 'getElementById'> | null): EditionManifest | null {
  const text = doc?.getElementById(EDITION_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    return parseManifest(JSON.parse(text));
  } catch {
    return null;
  }
}

let pageEdition: EditionManifest | null | undefined;

/** The edition this page was built with (null: the sample site); the page's is read once. */
export function editionOfPage(doc?: Pick<Document, 'getElementById'>): EditionManifest | null {
  if (doc) return readManifest(doc);
  return (pageEdition ??= readManifest(typeof document === 'undefined' ? null : document));
}

/** The edition's tables the first coloured map needs (the NTM series, and the scope its 'replace' mode reads). */
const coreTables: EditionTable[] = ['commune_year', 'import_scope'];
const restTables: EditionTable[] = ['poverty_year', 'sponsorship', 'targets'];

const present = (edition: EditionManifest | null, tables: EditionTable[]): EditionTable[] =>
  edition ? tables.filter((t) => edition.counts[t] > 0) : [];

/** The edition's assets of the core tables, to fetch as early as the sample's. */
export const editionCoreAssets = (edition: EditionManifest | null): string[] => present(edition, coreTables).map(editionAsset);

const stage = (table: EditionTable) => quoteIdent(`_edition_${table}`);

/** The sample rows of a series the edition hides, as a WHERE condition on alias s (its key: unit code, year). */
function hiddenSQL(edition: EditionManifest, table: 'commune_year' | 'poverty_year', hasScope: boolean): string {
  const [code, year] = TABLES[table].key.map(quoteIdent);
  const conditions = [`EXISTS (SELECT 1 FROM ${stage(table)} e WHERE e.${code} = s.${code} AND e.${year} = s.${year})`];
  if (!edition.sample) conditions.push(`s.provenance = 'illustrative'`);
  if (edition.mode === 'replace' && hasScope) {
    conditions.push(`EXISTS (SELECT 1 FROM ${stage('import_scope')} r JOIN unit_commune u ON u.province_code = r.province_code
      WHERE r.year = s.${year} AND u.commune_code = s.${code})`);
  }
  return conditions.join(' OR ');
}

/** Statements that lay a series' edition rows into its sample table (staged as `_edition_<table>`). */
function seriesSQL(edition: EditionManifest, table: 'commune_year' | 'poverty_year', hasRows: boolean, hasScope: boolean): string[] {
  const sample = quoteIdent(loadedTable(table));
  if (!hasRows) return edition.sample ? [] : [`DELETE FROM ${sample} WHERE provenance = 'illustrative'`];
  return [
    // the sample asset has no source column where the series has one only for imported rows (poverty): the edition's rows keep theirs
    `ALTER TABLE ${sample} ADD COLUMN IF NOT EXISTS source VARCHAR`,
    `DELETE FROM ${sample} s WHERE ${hiddenSQL(edition, table, hasScope)}`,
    `INSERT INTO ${sample} BY NAME SELECT * EXCLUDE (dataset) FROM ${stage(table)}`,
  ];
}

async function stageAll(engine: SqlEngine, read: AssetReader, tables: EditionTable[]): Promise<void> {
  await Promise.all(tables.map(async (t) => engine.insertArrowIPC(`_edition_${t}`, await read(editionAsset(t)))));
}

const dropAll = (tables: EditionTable[]) => tables.map((t) => `DROP TABLE IF EXISTS ${stage(t)}`);

/** After loadCore: the edition's NTM rows into sample_commune_year. */
export async function loadEditionCore(engine: SqlEngine, read: AssetReader, edition: EditionManifest | null): Promise<void> {
  if (!edition) return;
  const tables = present(edition, coreTables);
  await stageAll(engine, read, tables);
  const statements = seriesSQL(edition, 'commune_year', tables.includes('commune_year'), tables.includes('import_scope'));
  // the scope stays staged for the poverty series (loadEditionRest)
  await engine.query([...statements, ...dropAll(['commune_year'])].join(';\n'));
}

/**
 * After loadRest: the edition's poverty rows into sample_poverty_year, its sponsorships into sponsorship and its
 * targets into targets (as shipped rows: published, scored beside the facts' own).
 */
export async function loadEditionRest(engine: SqlEngine, read: AssetReader, edition: EditionManifest | null): Promise<void> {
  if (!edition) return;
  const tables = present(edition, restTables);
  await stageAll(engine, read, tables);
  const statements = [
    ...seriesSQL(edition, 'poverty_year', tables.includes('poverty_year'), edition.counts.import_scope > 0),
    // the shipped sponsorships have no dataset (imports' rows have theirs): removing imports keeps the edition's
    ...(tables.includes('sponsorship') ? [`INSERT INTO sponsorship BY NAME SELECT * EXCLUDE (dataset) FROM ${stage('sponsorship')}`] : []),
    ...(tables.includes('targets') ? [`INSERT INTO targets BY NAME SELECT * FROM ${stage('targets')}`] : []),
  ];
  await engine.query([...statements, ...dropAll([...restTables, 'import_scope'])].join(';\n'));
}
