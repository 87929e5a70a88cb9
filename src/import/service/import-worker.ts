/// <reference lib="webworker" />
// Runs the import off the main thread: decoding, parsing, matching and validating a 100,000-row file, the
// manual choices of units and of duplicate rows, and turning the accepted rows into Arrow IPC streams for DuckDB.
// The full result stays here; the main thread gets a view of it (counts, issues, rows to resolve) and, on apply,
// the bytes. Every failure is answered with a catalogue message, so the panel always says what happened.
import { buildUnitIndex, importTable, keepDuplicate, resolve, type ImportContext, type ImportPhase, type ImportResult, type ProgressCount, type Unit, type UnitIndex, type UnitSet, type UnitVintage } from '..';
import { throttled } from '../progress';
import { msg, type Message } from '../../i18n/message';
import { failureMessage, ImportFailure } from './worker-failure';
import { importColumns, tableIPC, type ImportColumns, type ImportTableName } from './import-rows';
import { importView, type ImportView } from './import-view';

export type WorkerRequest =
  /** the unit list rows are matched against (the one the map draws) */
  | { type: 'units'; units: Unit[]; vintage: UnitVintage }
  /** another unit list (e.g. the post-reform one): the province of a file is detected against it too */
  | { type: 'candidates'; units: Unit[]; vintage: UnitVintage }
  /** read a file (the bytes may be transferred); the reply is a view */
  | { type: 'read'; id: number; name: string; bytes: Uint8Array; ctx: Omit<ImportContext, 'units' | 'candidates' | 'vintage' | 'progress'> }
  /** choose the unit of an ambiguous or unmatched row (null: leave it out); the reply is the new view */
  | { type: 'resolve'; id: number; handle: number; row: number; commune_code: string | null }
  /** of rows giving one unit-year with different figures, keep row `keep` (null: none); the reply is the new view */
  | { type: 'keep'; id: number; handle: number; rows: number[]; keep: number | null }
  /**
   * one table of the accepted rows as an Arrow IPC stream (transferred), with `dataset` as its first column.
   * Asked table by table, so the main thread loads one into DuckDB while the next is built.
   */
  | { type: 'build'; id: number; handle: number; table: ImportTableName; dataset: string }
  /** forget a result */
  | { type: 'release'; handle: number };

/** What the worker built for 'build', with where its time went (ms). */
export interface BuiltTable {
  table: ImportTableName;
  /** null: no row */
  bytes: Uint8Array | null;
  rows: number;
  /** rows of the file that went into the model's tables (any of them) */
  sourceRows: number;
  /** accepted rows left out for want of a year */
  skipped: { row: number; reason: 'no_year' }[];
  /** importColumns() (accepted rows to the model's tables), when this request ran it (the first table's) */
  tablesMs: number;
  /** this table's columns to Arrow IPC */
  toArrowMs: number;
}

export type WorkerReply =
  /** not an answer: what the reader of request `id` is doing now (sent while it works; the answer follows) */
  | { id: number; progress: { phase: ImportPhase; fraction?: number; count?: ProgressCount } }
  | { id: number; view: ImportView; ms: number }
  | { id: number; built: BuiltTable; ms: number }
  | { id: number; error: Message };

/** The reader's progress goes to the page at most this often (ms): each report redraws the panel. */
const PROGRESS_MS = 100;

/** Results kept for their views; a person has one report open, so a few are plenty. */
const maxHeld = 4;
const held = new Map<number, ImportResult>();
/** the model's tables of a held result, from its first 'build' until it changes or is released */
const built = new Map<number, ImportColumns>();
let index: UnitIndex | null = null;
let vintage: UnitVintage = 'before2025';
const candidates = new Map<UnitVintage, UnitSet>();

function resultOf(handle: number): ImportResult {
  const r = held.get(handle);
  if (!r) throw new ImportFailure(msg('import.workerError.released'));
  return r;
}

function keep(result: ImportResult, handle: number): number {
  forget(handle);
  held.set(handle, result);
  for (const h of held.keys()) if (held.size > maxHeld) forget(h);
  return handle;
}

function forget(handle: number): void {
  held.delete(handle);
  built.delete(handle);
}

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  try {
    (self as unknown as Worker).postMessage(message, transfer);
  } catch (err) {
    // the answer could not be sent (too large to copy): the question still gets one
    (self as unknown as Worker).postMessage({ id: message.id, error: failureMessage(err) } satisfies WorkerReply);
  }
}

function build(handle: number, table: ImportTableName, dataset: string): BuiltTable {
  let t = performance.now();
  const lap = () => -t + (t = performance.now());
  let columns = built.get(handle);
  if (!columns) built.set(handle, (columns = importColumns(resultOf(handle))));
  const tablesMs = lap();
  const bytes = tableIPC(table, columns[table], dataset);
  const rows = Object.values(columns[table])[0]?.length ?? 0;
  return { table, bytes, rows, sourceRows: columns.sourceRows, skipped: columns.skipped, tablesMs, toArrowMs: lap() };
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  if (req.type === 'units') {
    index = buildUnitIndex(req.units);
    vintage = req.vintage;
    return;
  }
  if (req.type === 'candidates') {
    candidates.set(req.vintage, { vintage: req.vintage, index: buildUnitIndex(req.units) });
    return;
  }
  if (req.type === 'release') {
    forget(req.handle);
    return;
  }
  const t0 = performance.now();
  try {
    if (req.type === 'read') {
      const others = [...candidates.values()].filter((c) => c.vintage !== vintage);
      const progress = throttled((phase: ImportPhase, fraction?: number, count?: ProgressCount) => reply({ id: req.id, progress: { phase, fraction, count } }), PROGRESS_MS);
      const result = await importTable({ name: req.name, bytes: req.bytes }, { ...req.ctx, units: index!, vintage, candidates: others, progress });
      // the request's id is the handle: ids are unique across workers, so a report of a worker that was ended
      // (a cancelled read) can never name a result of the next one
      reply({ id: req.id, view: importView(result, keep(result, req.id)), ms: performance.now() - t0 });
    } else if (req.type === 'resolve') {
      const next = resolve(resultOf(req.handle), req.row, req.commune_code, index!);
      reply({ id: req.id, view: importView(next, keep(next, req.handle)), ms: performance.now() - t0 });
    } else if (req.type === 'keep') {
      const next = keepDuplicate(resultOf(req.handle), req.rows, req.keep);
      reply({ id: req.id, view: importView(next, keep(next, req.handle)), ms: performance.now() - t0 });
    } else {
      const table = build(req.handle, req.table, req.dataset);
      reply({ id: req.id, built: table, ms: performance.now() - t0 }, table.bytes?.buffer instanceof ArrayBuffer ? [table.bytes.buffer] : []);
    }
  } catch (err) {
    reply({ id: req.id, error: failureMessage(err) });
  }
};
