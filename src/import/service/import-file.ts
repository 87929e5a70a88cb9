import { render } from '../../i18n/catalogue';
import type { ImportView } from './import-view';
import { loadedRows, type ImportMode, type ImportPhaseTimings, type ImportService, type StoredDataset } from './imports';

/**
 * The import sequence, shared by the data panel (which shows the report in between, so the user can resolve
 * rows) and window.ntmAtlas.importBytes (which loads what matched): read the file in the worker, then load the
 * accepted rows into DuckDB and IndexedDB and recolour the map.
 */
/** What the sequence needs of the app (src/app's Atlas, as the UI sees it). */
interface ImportingAtlas {
  readonly imports: ImportService | null;
  readonly state: { get(): { province: string | null } };
  dataChanged(): Promise<void>;
  drawn(): Promise<void>;
}

/** Where a whole import's time went (ms): the reader's and loader's phases, then the map. */
export interface ImportTimings extends ImportPhaseTimings {
  /** atlas.dataChanged(): matrices re-queried, lists and legend rebuilt, the map recoloured */
  recolourMs?: number;
  /** until the map has drawn the new colours (atlas.drawn(); the planner table follows) */
  drawMs?: number;
  totalMs: number;
}

/**
 * Step 1: reads, matches and validates a file in the worker; nothing is loaded. The scope is the province shown;
 * `defaultYear` (as typed in the panel) is used for files without a year when it is a plausible year. The rows
 * stay in the worker (see ImportView); release the view when it is not applied. With `transfer`, the bytes are
 * handed to the worker rather than copied, and the caller's array is left empty.
 */
export function readImport(
  atlas: ImportingAtlas,
  name: string,
  bytes: Uint8Array,
  options: { defaultYear?: number; timings?: ImportPhaseTimings; transfer?: boolean } = {},
): Promise<ImportView> {
  if (!atlas.imports) return Promise.reject(new Error('the data engine is not ready'));
  const year = Number(options.defaultYear);
  return atlas.imports.read(
    name,
    bytes,
    {
      province: atlas.state.get().province ?? undefined,
      defaultYear: Number.isInteger(year) && year > 1990 ? year : undefined,
      currentYear: new Date().getFullYear(),
    },
    options.timings,
    options.transfer,
  );
}

/**
 * Step 2: loads the accepted rows (DuckDB, IndexedDB) and recolours the map. Rows still ambiguous or unmatched
 * are not loaded. On failure nothing of this file stays loaded; the error is thrown (the view can be applied
 * again). Once applied, the worker has let go of the file's rows.
 */
export async function applyImport(atlas: ImportingAtlas, result: ImportView, mode: ImportMode, timings: Partial<ImportTimings> = {}): Promise<StoredDataset> {
  if (!atlas.imports) throw new Error('the data engine is not ready');
  const dataset = await atlas.imports.apply(result, mode, timings);
  const t0 = performance.now();
  await atlas.dataChanged();
  timings.recolourMs = performance.now() - t0;
  return dataset;
}

/** What importBytes() reports: counts of the report, what was loaded, and the phase timings. */
export interface ImportOutcome extends ImportTimings {
  ok: boolean;
  file: string;
  /** why nothing was loaded: the file-level error, "no row accepted" or the loader's error */
  error: string | null;
  /** error-level issues by code (rows rejected and why), and the first few messages */
  issues: { errors: number; warnings: number; byCode: Record<string, number>; first: string[] };
  read: number;
  matched: number;
  accepted: number;
  rejected: number;
  /** ambiguous + unmatched rows: the panel lets the user resolve them; importBytes() leaves them out */
  needsResolution: number;
  /** rows loaded into the model (commune-years + poverty rows) and rows left out for want of a year */
  rowsLoaded: number;
  rowsSkipped: number;
  dataset: string | null;
}

/**
 * The whole import without the panel: read, load what matched, recolour, and resolve once the map has drawn
 * the imported data. A file that cannot be read, or with no accepted row, gives ok: false and loads nothing.
 */
export async function importBytes(atlas: ImportingAtlas, name: string, bytes: Uint8Array, mode: ImportMode = 'beside', defaultYear?: number): Promise<ImportOutcome> {
  const t0 = performance.now();
  const timings: Partial<ImportTimings> = {};
  // the caller keeps its bytes: they are copied to the worker, not transferred
  const result = await readImport(atlas, name, bytes, { defaultYear, timings });
  const r = result.report;
  const outcome: ImportOutcome = {
    ok: false,
    file: result.file,
    error: null,
    issues: { errors: r.errors, warnings: r.warnings, byCode: { ...r.errorsByCode }, first: r.firstErrors.map((i) => `${i.row === null ? '' : `row ${i.row}: `}${render('en', i.message)}`) },
    read: r.read,
    matched: r.matched,
    accepted: r.accepted,
    rejected: r.rejected,
    needsResolution: r.ambiguous + r.unmatched,
    rowsLoaded: 0,
    rowsSkipped: 0,
    dataset: null,
    totalMs: 0,
  };
  const done = (o: Partial<ImportOutcome>): ImportOutcome => ({ ...outcome, ...timings, ...o, totalMs: performance.now() - t0 });
  const notApplied = (error: string) => {
    atlas.imports?.release(result);
    return done({ error });
  };
  if (!result.ok || result.error) return notApplied(result.error ? `${render('en', result.error.message)} (${render('en', result.error.where)})` : 'the file could not be read');
  if (r.accepted === 0) return notApplied('no row accepted');
  let dataset: StoredDataset;
  try {
    dataset = await applyImport(atlas, result, mode, timings);
  } catch (e) {
    return notApplied(e instanceof Error ? e.message : String(e));
  }
  const t1 = performance.now();
  await atlas.drawn();
  timings.drawMs = performance.now() - t1;
  return done({
    ok: true,
    rowsLoaded: loadedRows(dataset),
    rowsSkipped: dataset.skipped.length,
    dataset: dataset.id,
  });
}
