/// <reference lib="webworker" />
// Runs the import off the main thread: decoding, parsing, matching and validating a 100,000-row file, the
// manual choices of units, and turning the accepted rows into Arrow IPC streams for DuckDB. The full result
// stays here; the main thread gets a view of it (counts, issues, rows to resolve) and, on apply, the bytes.
import { buildUnitIndex, importTable, resolve, type ImportContext, type ImportResult, type Unit, type UnitIndex } from '..';
import { importColumns, tableIPC, type ImportColumns, type ImportTableName } from './import-rows';
import { importView, type ImportView } from './import-view';

export type WorkerRequest =
  | { type: 'units'; units: Unit[] }
  /** read a file (the bytes may be transferred); the reply is a view */
  | { type: 'read'; id: number; name: string; bytes: Uint8Array; ctx: Omit<ImportContext, 'units'> }
  /** choose the unit of an ambiguous or unmatched row (null: leave it out); the reply is the new view */
  | { type: 'resolve'; id: number; handle: number; row: number; commune_code: string | null }
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
  /** accepted rows left out for want of a year */
  skipped: { row: number; reason: 'no_year' }[];
  /** importColumns() (accepted rows to the model's tables), when this request ran it (the first table's) */
  tablesMs: number;
  /** this table's columns to Arrow IPC */
  toArrowMs: number;
}

export type WorkerReply =
  | { id: number; view: ImportView; ms: number }
  | { id: number; built: BuiltTable; ms: number }
  | { id: number; error: string };

/** Results kept for their views; a person has one report open, so a few are plenty. */
const maxHeld = 4;
const held = new Map<number, ImportResult>();
/** the model's tables of a held result, from its first 'build' until it changes or is released */
const built = new Map<number, ImportColumns>();
let nextHandle = 1;
let index: UnitIndex | null = null;

function resultOf(handle: number): ImportResult {
  const r = held.get(handle);
  if (!r) throw new Error('this file’s report is no longer held; read the file again');
  return r;
}

function keep(result: ImportResult, handle = nextHandle++): number {
  forget(handle);
  held.set(handle, result);
  for (const h of held.keys()) if (held.size > maxHeld) forget(h);
  return handle;
}

function forget(handle: number): void {
  held.delete(handle);
  built.delete(handle);
}

function reply(msg: WorkerReply, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(msg, transfer);
}

function build(handle: number, table: ImportTableName, dataset: string): BuiltTable {
  let t = performance.now();
  const lap = () => -t + (t = performance.now());
  let columns = built.get(handle);
  if (!columns) built.set(handle, (columns = importColumns(resultOf(handle))));
  const tablesMs = lap();
  const bytes = tableIPC(table, columns[table], dataset);
  const rows = Object.values(columns[table])[0]?.length ?? 0;
  return { table, bytes, rows, skipped: columns.skipped, tablesMs, toArrowMs: lap() };
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'units') {
    index = buildUnitIndex(msg.units);
    return;
  }
  if (msg.type === 'release') {
    forget(msg.handle);
    return;
  }
  const t0 = performance.now();
  try {
    if (msg.type === 'read') {
      const result = await importTable({ name: msg.name, bytes: msg.bytes }, { ...msg.ctx, units: index! });
      reply({ id: msg.id, view: importView(result, keep(result)), ms: performance.now() - t0 });
    } else if (msg.type === 'resolve') {
      const next = resolve(resultOf(msg.handle), msg.row, msg.commune_code, index!);
      reply({ id: msg.id, view: importView(next, keep(next, msg.handle)), ms: performance.now() - t0 });
    } else {
      const table = build(msg.handle, msg.table, msg.dataset);
      reply({ id: msg.id, built: table, ms: performance.now() - t0 }, table.bytes?.buffer instanceof ArrayBuffer ? [table.bytes.buffer] : []);
    }
  } catch (err) {
    reply({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
};
