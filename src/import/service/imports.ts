import { createStore, del, entries, keys, set, clear } from 'idb-keyval';
import type { ImportContext, ImportPhase, Unit, UnitVintage } from '..';
import type { Vintage } from '../../common/vintage';
import { msg } from '../../i18n/message';
import type { BuiltTable, WorkerRequest } from './import-worker';
import { ImportCancelled, ImportFailure } from './worker-failure';
import { throwIfCancelled, WorkerClient, type ImportTask } from './worker-client';
import { quoteIdent, rowsOf, type SqlEngine } from '../../db/engine';
import { importTargets, type ImportMode } from '../../common/schema';
import { duckdbTable, importColumnNames, importTableNames, type ImportTableName } from './import-rows';
import type { ImportView } from './import-view';
import { unitRows, type UnitList } from '../../db/unit-list';
import { CandidateLists } from './candidate-lists';
import { unitVintageOf } from '../types';
import { infoOf, isStoredArrow, isStoredRows, seqOf, upgrade, type DatasetInfo, type StoredDataset, type StoredRows } from './stored-datasets';

export type { ImportMode };

export { loadedRows, type DatasetInfo, type StoredDataset } from './stored-datasets';

const store = () => createStore('ntm-atlas', 'imports');

/** Where an import's time went (ms); filled in by read() and apply() when the caller passes one. */
export interface ImportPhaseTimings {
  /** read(): posting the file to the worker until its view is back (decode, parse, match, validate) */
  readMs?: number;
  /** the part of readMs spent in importTable() inside the worker */
  workerMs?: number;
  /** apply(): asking the worker for the Arrow streams until the last is back (DuckDB loads the first meanwhile) */
  buildMs?: number;
  /** apply(), in the worker: accepted rows to the model's tables (importColumns) */
  tablesMs?: number;
  /** apply(), in the worker: the tables to Arrow IPC streams */
  toArrowMs?: number;
  /** apply(): time spent loading the streams into DuckDB's import_* tables */
  insertMs?: number;
  /** apply(): the dataset into IndexedDB (at the same time as the last tables go into DuckDB) */
  persistMs?: number;
}

export type { ImportTask } from './worker-client';

export { unitVintageOf } from '../types';

/**
 * Imports: the pipeline runs in a worker, which keeps each file's rows and hands the main thread a view of
 * them; on apply it turns the accepted rows into Arrow IPC streams, which go into DuckDB's import_* tables (the
 * views lay them over the sample) and into IndexedDB, from where they are restored at start-up.
 */
export class ImportService {
  /** other unit lists the province of a file is detected against (sent again to a restarted worker) */
  private candidates = new CandidateLists((vintage, units) => this.worker.tell({ type: 'candidates', vintage, units }));
  /** the worker: started on the first call, started afresh after it died or a read was cancelled */
  private worker = new WorkerClient(
    () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }),
    (w) => {
      w.postMessage({ type: 'units', units: unitRows(this.units), vintage: unitVintageOf(this.units.vintage) } satisfies WorkerRequest);
      for (const [vintage, units] of this.candidates.entries()) w.postMessage({ type: 'candidates', vintage, units } satisfies WorkerRequest);
    },
  );

  /** `units`: the list rows are matched against (the units the map draws). */
  constructor(private engine: SqlEngine, private units: UnitList) {}

  /**
   * The units of the vintage the map shows become the list rows are matched against (a 2026 file keyed by
   * post-reform codes lands on the post-reform units; a code that exists in both is read as the map's); the other
   * vintage's list stays a candidate the province is detected against.
   */
  useUnits(units: UnitList): void {
    if (units === this.units) return;
    this.units = units;
    this.worker.tell({ type: 'units', units: unitRows(units), vintage: unitVintageOf(units.vintage) });
  }

  /**
   * Adds a unit list of another vintage (the post-reform provinces and communes, once loaded): a file is then
   * scored against its provinces too, and the report says when it fits them better. Rows are still matched
   * against the list the map draws.
   */
  addCandidateUnits(vintage: UnitVintage, units: Unit[]): void {
    this.candidates.set(vintage, units);
  }

  /**
   * How the other vintage's unit list is read when a file is read before it was added (the app loads it in the
   * background after start-up): the read waits for it rather than refuse rows that need it.
   */
  candidatesFrom(load: (vintage: Vintage) => Promise<Unit[]>): void {
    this.candidates.loadWith(load);
  }

  /** Starts the worker (its module and the unit index) ahead of a first file, e.g. when the data panel opens. */
  warm(): void {
    this.worker.start();
  }

  /**
   * Reads, matches and validates a file; nothing is loaded until apply(). With `transfer`, the bytes' buffer
   * is handed to the worker (the caller's array is left empty) instead of copied. Cancelling through `task` ends
   * the worker, and with it every report it held. A read first waits for the other vintage's unit list while it
   * loads (CandidateLists.ready: the task's step 'units').
   */
  async read(
    name: string,
    bytes: Uint8Array,
    ctx: Omit<ImportContext, 'units' | 'candidates' | 'vintage' | 'progress'>,
    timings?: ImportPhaseTimings,
    transfer = false,
    task?: ImportTask,
  ): Promise<ImportView> {
    await this.candidates.ready(this.units.vintage, task);
    const t0 = performance.now();
    const move = transfer && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
    const r = await this.worker.call({ type: 'read', id: this.worker.id(), name, bytes, ctx }, move, task);
    if (!('view' in r)) throw new ImportFailure(msg('import.workerError.noReport'));
    if (timings) Object.assign(timings, { readMs: performance.now() - t0, workerMs: r.ms });
    return r.view;
  }

  /** Chooses the unit of an ambiguous or unmatched row (null: leave the row out); rows are re-validated. */
  async resolve(view: ImportView, row: number, commune_code: string | null): Promise<ImportView> {
    const r = await this.worker.call({ type: 'resolve', id: this.worker.id(), handle: view.handle, row, commune_code });
    if (!('view' in r)) throw new ImportFailure(msg('import.workerError.noReport'));
    return r.view;
  }

  /** Of rows giving one unit and year with different figures, keeps row `keep` (null: none); rows are re-validated. */
  async keepDuplicate(view: ImportView, rows: number[], keep: number | null): Promise<ImportView> {
    const r = await this.worker.call({ type: 'keep', id: this.worker.id(), handle: view.handle, rows, keep });
    if (!('view' in r)) throw new ImportFailure(msg('import.workerError.noReport'));
    return r.view;
  }

  /** The worker forgets a file's rows (the report was closed, or replaced by another file's). */
  release(view: ImportView): void {
    this.worker.tell({ type: 'release', handle: view.handle });
  }

  /**
   * Loads the accepted rows and keeps them in the browser; release() the view afterwards. Returns the stored
   * dataset. On failure, or when `task` is cancelled, nothing of it stays loaded or stored (rows appended to
   * DuckDB are deleted again before this returns), and the view can be applied again.
   */
  async apply(view: ImportView, mode: ImportMode, timings: ImportPhaseTimings = {}, task?: ImportTask): Promise<StoredDataset> {
    // an import with nothing to load is never stored (an empty dataset in the list would look like data)
    if (view.report.accepted === 0) throw new ImportFailure(msg('import.nothingToLoad'));
    const seq = await this.nextSeq();
    const dataset: StoredDataset = {
      version: 2,
      id: `${Date.now().toString(36)}-${seq}`,
      file: view.file,
      importedAt: new Date().toISOString(),
      mode,
      seq,
      counts: { communeYear: 0, poverty: 0, scope: 0, sponsorship: 0 },
      skipped: [],
      arrow: { communeYear: null, poverty: null, scope: null, sponsorship: null },
      resolutions: view.resolutions,
    };
    Object.assign(timings, { tablesMs: 0, toArrowMs: 0, insertMs: 0 });
    // progress: a table built, then loaded, is two steps of 2n; the phase is the loading once one is loaded
    let steps = 0;
    let phase: ImportPhase = 'arrow';
    const stepDone = () => task?.step?.(phase, ++steps / (2 * importTableNames.length));
    task?.step?.(phase, 0);
    // Every table is asked for at once: the worker builds them in turn, and DuckDB loads each while the next is built.
    const t0 = performance.now();
    const tables = importTableNames.map((table) =>
      this.worker.call({ type: 'build', id: this.worker.id(), handle: view.handle, table, dataset: dataset.id }, [], task).then((r) => {
        if (!('built' in r)) throw new ImportFailure(msg('import.workerError.noReport'));
        const b: BuiltTable = r.built;
        dataset.arrow[table] = b.bytes;
        dataset.counts[table] = b.rows;
        dataset.skipped = b.skipped;
        dataset.rows = b.sourceRows;
        timings.tablesMs! += b.tablesMs;
        timings.toArrowMs! += b.toArrowMs;
        stepDone();
        return b;
      }),
    );
    const built = Promise.all(tables).then(() => {
      timings.buildMs = performance.now() - t0;
      if (!dataset.rows) throw new ImportFailure(msg('import.nothingToLoad'));
    });
    const persisted = built.then(async () => {
      throwIfCancelled(task);
      const t = performance.now();
      await set(dataset.id, dataset, store());
      timings.persistMs = performance.now() - t;
    });
    const inserted = (async () => {
      throwIfCancelled(task);
      await this.insertDatasetRow(dataset);
      for (const table of tables) {
        const b = await table;
        throwIfCancelled(task);
        phase = 'load';
        if (b.bytes) {
          const t = performance.now();
          await this.insertTable(b.table, b.bytes);
          timings.insertMs! += performance.now() - t;
        }
        stepDone();
      }
      task?.step?.('save');
    })();
    const results = await Promise.allSettled([built, inserted, persisted]);
    const failure = results.find((r) => r.status === 'rejected');
    // cancelled while the last rows went in: undone all the same, so a cancel always leaves the data as it was
    if (failure || task?.signal?.aborted) {
      await this.remove(dataset.id); // a half-inserted dataset must not stay behind
      throw task?.signal?.aborted ? new ImportCancelled() : (failure as PromiseRejectedResult).reason;
    }
    return dataset;
  }

  /** Whether any import is stored in this browser (one key read; no rows). */
  static async hasStored(): Promise<boolean> {
    return (await keys(store())).length > 0;
  }

  /**
   * Re-inserts every stored dataset (at start-up). A dataset that fails is reported and left out, not fatal;
   * one that cannot be read at all is also dropped from the store. Datasets stored as rows (before the Arrow
   * streams) are inserted and rewritten in the current form.
   */
  async restore(): Promise<{ restored: StoredDataset[]; failed: string[] }> {
    const all = (await entries<IDBValidKey, unknown>(store())).sort(([, a], [, b]) => seqOf(a) - seqOf(b));
    const restored: StoredDataset[] = [];
    const failed: string[] = [];
    for (const [key, stored] of all) {
      try {
        let d: StoredDataset;
        try {
          d = upgrade(stored);
        } catch (e) {
          await del(key, store()); // it can never be read: reported (below) and dropped
          throw e;
        }
        await this.insert(d);
        if (d !== stored) await set(key, d, store()).catch(() => undefined); // stored as Arrow from now on
        restored.push(d);
      } catch {
        const { id, file } = (stored ?? {}) as Partial<DatasetInfo>;
        if (typeof id === 'string') await this.unload(id).catch(() => undefined);
        failed.push(typeof file === 'string' ? file : String(key));
      }
    }
    return { restored, failed };
  }

  async remove(id: string): Promise<void> {
    await this.unload(id);
    await del(id, store());
  }

  /** One action removes every import: the app shows the shipped data again. */
  async clearAll(): Promise<void> {
    for (const { table, shared } of importTargets()) await this.engine.query(`DELETE FROM ${quoteIdent(table)}${shared ? ' WHERE dataset IS NOT NULL' : ''}`);
    await clear(store());
  }

  /** The stored imports, oldest first (names, modes and counts; not the rows). */
  async list(): Promise<DatasetInfo[]> {
    const all = (await entries<IDBValidKey, unknown>(store())).map(([, d]) => d);
    return all
      .filter((d): d is StoredDataset | StoredRows => isStoredArrow(d) || isStoredRows(d))
      .map(infoOf)
      .sort((a, b) => a.seq - b.seq);
  }

  /** Every stored import as it is kept (rows as Arrow streams), oldest first: what a data package carries. */
  async stored(): Promise<StoredDataset[]> {
    const all = (await entries<IDBValidKey, unknown>(store())).map(([, d]) => d).filter((d) => isStoredArrow(d) || isStoredRows(d));
    return all.map(upgrade).sort((a, b) => a.seq - b.seq);
  }

  /**
   * Loads and keeps a dataset made elsewhere (a data package's), after every import here (a new seq); one with the
   * same id is replaced, so opening a package twice changes nothing. On failure nothing of it stays.
   */
  async adopt(d: StoredDataset): Promise<StoredDataset> {
    await this.unload(d.id);
    const dataset: StoredDataset = { ...d, seq: await this.nextSeq() };
    try {
      await this.insert(dataset);
      await set(dataset.id, dataset, store());
    } catch (e) {
      await this.remove(dataset.id).catch(() => undefined);
      throw e;
    }
    return dataset;
  }

  private async nextSeq(): Promise<number> {
    const r = rowsOf<{ s: number | null }>(await this.engine.query('SELECT max(seq)::INTEGER AS s FROM import_dataset'));
    return (r[0].s ?? 0) + 1;
  }

  /** Takes a dataset's rows out of DuckDB (IndexedDB is left as it is). */
  private async unload(id: string): Promise<void> {
    for (const { table } of importTargets()) await this.engine.query(`DELETE FROM ${quoteIdent(table)} WHERE dataset = ?`, [id]);
  }

  private async insert(d: StoredDataset): Promise<void> {
    await this.insertDatasetRow(d);
    for (const name of importTableNames) {
      const bytes = d.arrow[name];
      if (bytes) await this.insertTable(name, bytes);
    }
  }

  private async insertDatasetRow(d: StoredDataset): Promise<void> {
    await this.engine.query('INSERT INTO import_dataset (dataset, file, imported_at, mode, seq) VALUES (?, ?, ?, ?, ?)', [d.id, d.file, d.importedAt, d.mode, d.seq]);
  }

  /** Tables whose columns are the stream's, in order: the stream is appended as it is, without a staging copy. */
  private appendable = new Map<ImportTableName, boolean>();

  private async insertTable(name: ImportTableName, bytes: Uint8Array): Promise<void> {
    const e = this.engine;
    const table = duckdbTable[name];
    let append = this.appendable.get(name);
    if (append === undefined) {
      const columns = rowsOf<{ name: string }>(
        await e.query("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table]),
      ).map((c) => c.name);
      append = columns.join() === importColumnNames[name].join();
      if (columns.length > 0) this.appendable.set(name, append);
    }
    if (append) return e.insertArrowIPC(table, bytes, { append: true });
    // columns in another order (sponsorship: the shipped table's, then dataset): by name, through a staging table
    await e.query('DROP TABLE IF EXISTS _import_stage');
    await e.insertArrowIPC('_import_stage', bytes);
    await e.query(`INSERT INTO ${table} BY NAME SELECT * FROM _import_stage`);
    await e.query('DROP TABLE _import_stage');
  }
}
