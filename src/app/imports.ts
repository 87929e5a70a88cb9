import { createStore, del, entries, set, clear } from 'idb-keyval';
import type { ImportContext, ImportResult } from '../import';
import type { WorkerRequest } from '../import/worker';
import { arrowIPC, type ColumnKind } from '../db/arrow-table';
import { rowsOf, type SqlEngine } from '../db/engine';
import { importTables, type ImportTables } from './import-rows';
import { unitRows, type UnitList } from './unit-list';

export type ImportMode = 'beside' | 'replace';

/** What is kept in IndexedDB so an import survives a reload (rows, not the file). */
export interface StoredDataset {
  id: string;
  file: string;
  importedAt: string;
  mode: ImportMode;
  seq: number;
  tables: ImportTables;
}

const store = () => createStore('ntm-atlas', 'imports');

const intColumns = ['year', 'criteria_met_count', 'criteria_met_mask', 'recognised_year', 'ntm_year', 'households', 'poor', 'near_poor', 'from_year', 'to_year'];

function columnsOf(rows: Record<string, unknown>[]) {
  const names = Object.keys(rows[0]);
  const columns: Record<string, unknown[]> = {};
  const kinds: Record<string, ColumnKind> = {};
  for (const n of names) {
    columns[n] = rows.map((r) => r[n] ?? null);
    kinds[n] = intColumns.includes(n) ? 'int32' : n === 'fell_back' ? 'bool' : 'utf8';
  }
  return arrowIPC(columns as never, kinds).bytes;
}

/**
 * Imports: the pipeline runs in a worker; accepted rows go into DuckDB's import_* tables (the views lay them
 * over the sample) and into IndexedDB, from where they are restored at start-up.
 */
export class ImportService {
  private worker: Worker | null = null;
  private pending = new Map<number, (r: ImportResult) => void>();
  private nextId = 1;

  constructor(private engine: SqlEngine, private units: UnitList) {}

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('../import/worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; result: ImportResult }>) => {
      this.pending.get(e.data.id)?.(e.data.result);
      this.pending.delete(e.data.id);
    };
    w.postMessage({ type: 'units', units: unitRows(this.units) } satisfies WorkerRequest);
    return (this.worker = w);
  }

  /** Reads, matches and validates a file; nothing is loaded until apply(). */
  read(name: string, bytes: Uint8Array, ctx: Omit<ImportContext, 'units'>): Promise<ImportResult> {
    const w = this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      w.postMessage({ type: 'import', id, name, bytes, ctx } satisfies WorkerRequest);
    });
  }

  /** Loads the accepted rows and keeps them in the browser. Returns the stored dataset. */
  async apply(result: ImportResult, mode: ImportMode): Promise<StoredDataset> {
    const seq = await this.nextSeq();
    const dataset: StoredDataset = {
      id: `${Date.now().toString(36)}-${seq}`,
      file: result.file,
      importedAt: new Date().toISOString(),
      mode,
      seq,
      tables: importTables(result),
    };
    try {
      await this.insert(dataset);
    } catch (e) {
      await this.remove(dataset.id); // a half-inserted dataset must not stay behind
      throw e;
    }
    await set(dataset.id, dataset, store());
    return dataset;
  }

  /** Re-inserts every stored dataset (at start-up). A dataset that fails is reported and left out, not fatal. */
  async restore(): Promise<{ restored: StoredDataset[]; failed: string[] }> {
    const all = (await entries<string, StoredDataset>(store())).map(([, d]) => d).sort((a, b) => a.seq - b.seq);
    const restored: StoredDataset[] = [];
    const failed: string[] = [];
    for (const d of all) {
      try {
        await this.insert(d);
        restored.push(d);
      } catch {
        failed.push(d.file);
      }
    }
    return { restored, failed };
  }

  async remove(id: string): Promise<void> {
    for (const t of ['import_commune_year', 'import_poverty_year', 'import_scope', 'import_dataset', 'sponsorship']) {
      await this.engine.query(`DELETE FROM ${t} WHERE dataset = ?`, [id]);
    }
    await del(id, store());
  }

  /** One action removes every import: the app shows the shipped data again. */
  async clearAll(): Promise<void> {
    for (const t of ['import_commune_year', 'import_poverty_year', 'import_scope', 'import_dataset']) await this.engine.query(`DELETE FROM ${t}`);
    await this.engine.query('DELETE FROM sponsorship WHERE dataset IS NOT NULL');
    await clear(store());
  }

  async list(): Promise<StoredDataset[]> {
    return (await entries<string, StoredDataset>(store())).map(([, d]) => d).sort((a, b) => a.seq - b.seq);
  }

  private async nextSeq(): Promise<number> {
    const r = rowsOf<{ s: number | null }>(await this.engine.query('SELECT max(seq)::INTEGER AS s FROM import_dataset'));
    return (r[0].s ?? 0) + 1;
  }

  private async insert(d: StoredDataset): Promise<void> {
    const e = this.engine;
    await e.query('INSERT INTO import_dataset VALUES (?, ?, ?, ?, ?)', [d.id, d.file, d.importedAt, d.mode, d.seq]);
    const load = async (table: string, rows: Record<string, unknown>[]) => {
      if (rows.length === 0) return;
      await e.query('DROP TABLE IF EXISTS _import_stage');
      await e.insertArrowIPC('_import_stage', columnsOf(rows));
      await e.query(`INSERT INTO ${table} BY NAME SELECT ?::VARCHAR AS dataset, * FROM _import_stage`, [d.id]);
      await e.query('DROP TABLE _import_stage');
    };
    await load('import_commune_year', d.tables.communeYear);
    await load('import_poverty_year', d.tables.poverty);
    await load('import_scope', d.tables.scope);
    await load('sponsorship', d.tables.sponsorship);
  }
}
