/**
 * A province edition: the site built with a provincial office's own tables (edition/, run by `npm run build`),
 * shipped as real data over or instead of the illustrative sample. What the build writes and the app reads is
 * declared here: the manifest (carried in the page itself, so the app knows its edition before any request) and
 * the assets (one import stream per table, named in src/common/schema.ts). Pure: no DOM, no Node.
 */
import { IMPORT_MODES, TABLES, type ImportMode, type TableName } from './schema';
import { foldWords } from './vn-name';

/** The id of the JSON data block in index.html that carries the manifest (a data block runs nothing: CSP-safe). */
export const EDITION_ELEMENT_ID = 'ntm-edition';

/** The tables an edition ships rows of (schema.ts `edition`), in the order they load. */
export type EditionTable = { [T in TableName]: (typeof TABLES)[T] extends { edition: string } ? T : never }[TableName];
export const editionTables = (Object.keys(TABLES) as TableName[]).filter((t): t is EditionTable => 'edition' in TABLES[t]);
/** The asset (under generated/) holding an edition's rows of a table. */
export const editionAsset = (table: EditionTable): string => (TABLES[table] as { edition: string }).edition;

/** One file of the edition as the build read it. */
export interface EditionFile {
  file: string;
  sheet: string | null;
  rowsInFile: number;
  /** rows of the file that became rows of the model */
  loaded: number;
  /** rows settled by the resolutions file (a unit chosen, a row or a version left out) */
  resolved: number;
  communeYear: number;
  poverty: number;
  sponsorship: number;
  /** targets the file gives (a targets table: src/import/targets.ts) */
  targets: number;
}

export interface EditionManifest {
  format: 'ntm-atlas-edition';
  version: 1;
  /** URL-safe, stable for the same name and data date: what links name (`data=e.<id>`) */
  id: string;
  name: string;
  /** who publishes it: every row's source says "published by" this office */
  office: string;
  /** the date the figures refer to, as the office wrote it (shown in the footer) */
  dataDate: string;
  /** over the sample (unit-years the edition has replace the sample's) or replacing it in the province-years covered */
  mode: ImportMode;
  /** false: the illustrative sample is left out altogether (only facts and the edition's rows are shown) */
  sample: boolean;
  files: EditionFile[];
  /** rows per table */
  counts: Record<EditionTable, number>;
}

export const EDITION_FORMAT = 'ntm-atlas-edition';

/** "Quảng Trị 2024" + "31/12/2024" -> "quang-tri-2024-31-12-2024" (ASCII, at most 48 characters). */
export function editionId(name: string, dataDate: string): string {
  const slug = foldWords(`${name} ${dataDate}`).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (slug || 'edition').slice(0, 48).replace(/-+$/, '');
}

/** The dataset id an edition's rows carry in their import streams. */
export const editionDataset = (id: string): string => `edition:${id}`;

/** The source text of an edition's row: who published it, then the file and row it came from. */
export const publishedSource = (office: string, source: string): string => `Công bố: ${office} — ${source}`;

const isStr = (v: unknown): v is string => typeof v === 'string';

/** A manifest read back (from the page): null when absent or not one this version writes. */
export function parseManifest(value: unknown): EditionManifest | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Partial<EditionManifest>;
  if (m.format !== EDITION_FORMAT || m.version !== 1) return null;
  if (!isStr(m.id) || !/^[a-z0-9-]{1,48}$/.test(m.id) || !isStr(m.name) || !isStr(m.office) || !isStr(m.dataDate)) return null;
  if (!(IMPORT_MODES as readonly unknown[]).includes(m.mode) || typeof m.sample !== 'boolean' || !Array.isArray(m.files)) return null;
  if (typeof m.counts !== 'object' || m.counts === null || !editionTables.every((t) => typeof m.counts![t] === 'number')) return null;
  return m as EditionManifest;
}
