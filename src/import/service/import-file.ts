import type { Message } from '../../i18n/message';
import { render } from '../../i18n/catalogue';
import { msg } from '../../i18n/message';
import type { ImportView } from './import-view';
import type { UserTargetRow } from '../../db/sql/targets';
import type { TargetsOfProvince, TargetsRead } from '../targets';
import { fileTargetPrefix, fileTargetRows, targetIndicators } from './targets';
import { loadedRows, type ImportMode, type ImportPhaseTimings, type ImportService, type ImportTask, type StoredDataset } from './imports';
import { failureMessage, ImportCancelled, ImportFailure } from './worker-failure';

/**
 * The import sequence, shared by the data panel (which shows the report in between, so the user can resolve
 * rows) and window.ntmAtlas.importBytes (which loads what matched): read the file in the worker, then load the
 * accepted rows into DuckDB and IndexedDB and recolour the map; a targets table's targets are added instead.
 */
/** Where a targets table's targets are kept as entered targets (src/app/user-targets.ts). */
interface EnteredTargets {
  replace(prefix: string, rows: readonly UserTargetRow[]): Promise<number>;
}

/** What the sequence needs of the app (src/app's Atlas, as the UI sees it). */
interface ImportingAtlas {
  readonly imports: ImportService | null;
  readonly targets: EnteredTargets | null;
  readonly state: { get(): { province: string | null; year: number } };
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

/** What a person types or chooses for an import: the year box's text, and the province (code or name; null or "all": the whole country). */
export interface ImportChoices {
  /** as typed in the year box; empty or absent: the year it shows (the map's year) */
  year?: string | number | null;
  /** absent: the province shown */
  province?: string | null;
}

/** The year the year box stands for: what was typed, else the year it shows; undefined when what was typed is not a year. */
export function yearOfBox(typed: ImportChoices['year'], shown: number): number | undefined {
  if (typed === undefined || typed === null || String(typed).trim() === '') return shown;
  const n = Number(String(typed).trim());
  return Number.isInteger(n) ? n : undefined;
}

/**
 * Step 1: reads, matches and validates a file in the worker; nothing is loaded. The scope is the province shown
 * (or chosen); the year box's year is used for files that give no year of their own (a year outside the
 * programme's years is refused by the reader, with the range). The rows stay in the worker (see ImportView);
 * release the view when it is not applied. With `transfer`, the bytes are handed to the worker rather than
 * copied, and the caller's array is left empty. `task` hears the reader's phases and can cancel it (rejecting
 * with ImportCancelled; the worker is ended, with every report it held).
 */
export function readImport(
  atlas: ImportingAtlas,
  name: string,
  bytes: Uint8Array,
  options: ImportChoices & { timings?: ImportPhaseTimings; transfer?: boolean; task?: ImportTask } = {},
): Promise<ImportView> {
  if (!atlas.imports) return Promise.reject(new ImportFailure(msg('import.workerError.notReady')));
  const s = atlas.state.get();
  const province = options.province === undefined ? s.province : options.province === 'all' ? null : options.province;
  return atlas.imports.read(
    name,
    bytes,
    { province: province ?? undefined, defaultYear: yearOfBox(options.year, s.year), currentYear: new Date().getFullYear(), targetIndicators: targetIndicators() },
    options.timings,
    options.transfer,
    options.task,
  );
}

/** Why an import failed, in the reader's words (a worker failure's message, or what the error said). */
export function importErrorMessage(e: unknown): Message {
  return e instanceof ImportFailure ? e.reason : failureMessage(e);
}

/**
 * Step 2: loads the accepted rows (DuckDB, IndexedDB) and recolours the map. Rows still ambiguous or unmatched
 * are not loaded. On failure, or when `task` is cancelled (ImportCancelled), nothing of this file stays loaded or
 * stored and the error is thrown (the view can be applied again). Once applied, the worker has let go of the
 * file's rows.
 */
export async function applyImport(atlas: ImportingAtlas, result: ImportView, mode: ImportMode, timings: Partial<ImportTimings> = {}, task?: ImportTask): Promise<StoredDataset> {
  const imports = atlas.imports;
  if (!imports) throw new ImportFailure(msg('import.workerError.notReady'));
  let dataset: StoredDataset;
  try {
    dataset = await imports.apply(result, mode, timings, task);
  } catch (e) {
    // rows went into DuckDB before they were taken out again: anything computed from them meanwhile (an idle
    // prefetch of the map's classes, a tooltip) is computed again
    if (timings.insertMs) await atlas.dataChanged();
    throw e;
  }
  task?.step?.('map');
  const t0 = performance.now();
  await atlas.dataChanged();
  timings.recolourMs = performance.now() - t0;
  if (task?.signal?.aborted) {
    // cancelled while the map was recoloured: taken out again, so a cancel always leaves the data as it was
    await imports.remove(dataset.id);
    await atlas.dataChanged();
    throw new ImportCancelled();
  }
  imports.release(result);
  return dataset;
}

/**
 * Step 2 of a targets table (view.targets): its targets become entered targets, scored in the scorecard; a file
 * read again replaces the targets it gave before, and those it no longer gives go. Returns how many are kept.
 */
export function addFileTargets(atlas: Pick<ImportingAtlas, 'targets'>, view: ImportView): Promise<number> {
  if (!atlas.targets || !view.targets) return Promise.reject(new ImportFailure(msg('import.workerError.notReady')));
  return atlas.targets.replace(fileTargetPrefix(view.file), fileTargetRows(view.targets.targets, view.file));
}

/** What importBytes() reports of a targets table: targets read, added (kept) and rows refused, per province. */
export interface TargetsOutcome {
  read: number;
  added: number;
  refused: number;
  provinces: TargetsOfProvince[];
}

/** What importBytes() reports: counts of the report, what was loaded, and the phase timings. */
export interface ImportOutcome extends ImportTimings {
  ok: boolean;
  file: string;
  /** why nothing was loaded, in English: the file-level error, "no row accepted" or the loader's error */
  error: string | null;
  /** the same as a catalogue message (render it in either language), null when loaded */
  errorMessage: Message | null;
  /** error-level issues by code (rows rejected and why), and the first few messages */
  issues: { errors: number; warnings: number; byCode: Record<string, number>; first: string[] };
  /** rows of the file, and where each went (the buckets add up to rowsInFile) */
  rowsInFile: number;
  buckets: ImportView['report']['buckets'];
  read: number;
  matched: number;
  accepted: number;
  rejected: number;
  /** ambiguous + unmatched rows: the panel lets the user resolve them; importBytes() leaves them out */
  needsResolution: number;
  /** rows of one unit-year with different figures: the panel lets the user keep one; importBytes() leaves them out */
  conflicts: number;
  /** the year the file's rows took when it gives none per row, and where it came from */
  year: ImportView['year'];
  /** the province the rows fit better than the scope, when there is one */
  detected: ImportView['detected'];
  /** rows of the file loaded into the model, and accepted rows left out for want of a year */
  rowsLoaded: number;
  rowsSkipped: number;
  dataset: string | null;
  /** a targets table's targets (null for other files); accepted and rejected then count targets and refused rows */
  targets: TargetsOutcome | null;
}

/** A targets table's counts in importBytes()'s terms: its refused rows' reasons are the issues. */
function targetCounts(t: TargetsRead): Pick<ImportOutcome, 'issues' | 'read' | 'accepted' | 'rejected' | 'targets'> {
  const issues = t.refused.flatMap((r) => r.issues);
  const byCode: Record<string, number> = {};
  for (const i of issues) byCode[i.code] = (byCode[i.code] ?? 0) + 1;
  return {
    issues: { errors: issues.length, warnings: 0, byCode, first: issues.slice(0, 5).map((i) => render('en', i.message)) },
    read: t.targets.length + t.refused.length,
    accepted: t.targets.length,
    rejected: t.refused.length,
    targets: { read: t.targets.length, added: 0, refused: t.refused.length, provinces: t.provinces },
  };
}

/**
 * The whole import without the panel: read (with the year and province a person would type or choose), load
 * what matched, recolour, and resolve once the map has drawn the imported data. A targets table's targets are
 * added as the panel adds them (addFileTargets; `mode` does not apply), its outcome's `targets` saying how many
 * were added and refused. A file that cannot be read, or with no accepted row or target, gives ok: false and
 * loads nothing; it never throws.
 */
export async function importBytes(atlas: ImportingAtlas, name: string, bytes: Uint8Array, mode: ImportMode = 'beside', choices: ImportChoices = {}): Promise<ImportOutcome> {
  const t0 = performance.now();
  const timings: Partial<ImportTimings> = {};
  const failed = (m: Message): ImportOutcome => ({
    ...timings,
    ok: false,
    file: name,
    error: render('en', m),
    errorMessage: m,
    issues: { errors: 0, warnings: 0, byCode: {}, first: [] },
    rowsInFile: 0,
    buckets: {} as ImportOutcome['buckets'],
    read: 0,
    matched: 0,
    accepted: 0,
    rejected: 0,
    needsResolution: 0,
    conflicts: 0,
    year: { value: null, source: 'none', header: null, row: null },
    detected: null,
    rowsLoaded: 0,
    rowsSkipped: 0,
    dataset: null,
    targets: null,
    totalMs: performance.now() - t0,
  });
  let result: ImportView;
  try {
    // the caller keeps its bytes: they are copied to the worker, not transferred
    result = await readImport(atlas, name, bytes, { ...choices, timings });
  } catch (e) {
    return failed(importErrorMessage(e));
  }
  const r = result.report;
  const outcome: ImportOutcome = {
    ok: false,
    file: result.file,
    error: null,
    errorMessage: null,
    issues: { errors: r.errors, warnings: r.warnings, byCode: { ...r.errorsByCode }, first: r.firstErrors.map((i) => `${i.row === null ? '' : `row ${i.row}: `}${render('en', i.message)}`) },
    rowsInFile: r.rowsInFile,
    buckets: r.buckets,
    read: r.read,
    matched: r.matched,
    accepted: r.accepted,
    rejected: r.rejected,
    needsResolution: r.ambiguous + r.unmatched,
    conflicts: r.conflicts,
    year: result.year,
    detected: result.detected,
    rowsLoaded: 0,
    rowsSkipped: 0,
    dataset: null,
    targets: null,
    ...(result.targets ? targetCounts(result.targets) : {}),
    totalMs: 0,
  };
  const done = (o: Partial<ImportOutcome>): ImportOutcome => ({ ...outcome, ...timings, ...o, totalMs: performance.now() - t0 });
  const notApplied = (m: Message, en = render('en', m)) => {
    atlas.imports?.release(result);
    return done({ error: en, errorMessage: m });
  };
  if (!result.ok || result.error) {
    const m = result.error ? result.error.message : msg('import.workerError.noReport');
    return notApplied(m, result.error ? `${render('en', result.error.message)} (${render('en', result.error.where)})` : undefined);
  }
  if (result.targets) {
    // a targets table: its targets are added as the panel's targets report adds them (the map is unchanged)
    if (result.targets.targets.length === 0) return notApplied(msg('import.targets.nothing'), 'no target read');
    try {
      const added = await addFileTargets(atlas, result);
      atlas.imports?.release(result);
      return done({ ok: true, targets: { ...outcome.targets!, added } });
    } catch (e) {
      return notApplied(importErrorMessage(e));
    }
  }
  if (r.accepted === 0) return notApplied(msg('import.nothingToLoad'), 'no row accepted');
  let dataset: StoredDataset;
  try {
    dataset = await applyImport(atlas, result, mode, timings);
  } catch (e) {
    return notApplied(importErrorMessage(e));
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
