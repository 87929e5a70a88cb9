// What an import keeps in IndexedDB, in the current form (Arrow streams) and the older one (row objects), and how a
// stored record is read back.
import type { ImportMode } from '../../common/schema';
import { importArrow, importTableNames, type ImportArrow, type ImportTables } from './import-rows';
import type { FileResolutions } from '../resolutions';

/** An import as the data panel lists it. */
export interface DatasetInfo {
  id: string;
  file: string;
  importedAt: string;
  mode: ImportMode;
  seq: number;
  /** rows per import table */
  counts: ImportArrow['counts'];
  /** rows accepted but not usable, with why (no year) */
  skipped: ImportArrow['skipped'];
  /** rows of the file loaded (into any table); absent in imports stored before it was kept */
  rows?: number;
  /** the data package it came from (./package.ts), when it was opened from one */
  package?: string;
}

/**
 * What is kept in IndexedDB so an import survives a reload: the model rows as the Arrow IPC streams that were
 * loaded into DuckDB (not the file, not row objects), inserted as they are at start-up.
 */
export interface StoredDataset extends DatasetInfo {
  /** 2: Arrow IPC streams whose first column is the dataset id (before: `tables` of row objects, no version) */
  version: 2;
  arrow: ImportArrow['arrow'];
  /** the choices made in the fix-up list before it was applied (carried in data packages) */
  resolutions?: FileResolutions;
}

/** How imports were stored before the Arrow streams: rows as objects. Still restored, and rewritten as Arrow. */
export interface StoredRows extends Omit<DatasetInfo, 'counts' | 'skipped'> {
  tables: ImportTables;
}

const isRecord = (d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null;
export const isStoredRows = (d: unknown): d is StoredRows => isRecord(d) && typeof d.id === 'string' && isRecord(d.tables) && importTableNames.every((n) => Array.isArray((d.tables as Record<string, unknown>)[n]));
export const isStoredArrow = (d: unknown): d is StoredDataset => isRecord(d) && d.version === 2 && typeof d.id === 'string' && isRecord(d.arrow) && isRecord(d.counts);

/** A stored record in the current form; rows stored as objects are turned into Arrow streams. */
export function upgrade(d: unknown): StoredDataset {
  if (isStoredArrow(d)) return d;
  if (isStoredRows(d)) {
    const { tables, ...info } = d;
    return { ...info, version: 2, ...importArrow(tables, d.id) };
  }
  throw new Error('not an import this version can read');
}

/** Names, mode and counts of a stored record of either form, without building anything. */
export function infoOf(d: StoredDataset | StoredRows): DatasetInfo {
  const { id, file, importedAt, mode, seq } = d;
  if (isStoredArrow(d)) return { id, file, importedAt, mode, seq, counts: d.counts, skipped: d.skipped ?? [], rows: d.rows, package: d.package };
  const counts = Object.fromEntries(importTableNames.map((n) => [n, d.tables[n].length])) as DatasetInfo['counts'];
  return { id, file, importedAt, mode, seq, counts, skipped: d.tables.skipped ?? [] };
}

/**
 * Rows of the file an import loaded (a row with NTM figures, poverty counts or a sponsor counts once); for imports
 * stored before that was kept, the commune-years, poverty rows and sponsorships it holds.
 */
export const loadedRows = (d: DatasetInfo) => d.rows ?? d.counts.communeYear + d.counts.poverty + d.counts.sponsorship;


export const seqOf = (d: unknown) => (isRecord(d) && typeof d.seq === 'number' ? d.seq : 0);
