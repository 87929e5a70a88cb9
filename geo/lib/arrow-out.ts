import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { arrowIPC, type Column } from '../../src/common/arrow-table.ts';

export type { Column };

/** Writes columns as an Arrow IPC stream (the browser inserts it with DuckDB's insertArrowFromIPCStream). */
export function writeArrow(path: string, columns: Record<string, Column>): { bytes: number; gzipBytes: number; rows: number } {
  const { bytes, rows } = arrowIPC(columns);
  writeFileSync(path, bytes);
  return { bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength, rows };
}
