/// <reference lib="webworker" />
// Runs the import pipeline off the main thread: decoding, parsing and matching a 100,000-row file would
// otherwise freeze the map.
import { buildUnitIndex, importTable, type UnitIndex } from './index';
import type { ImportContext, Unit } from './index';

export type WorkerRequest =
  | { type: 'units'; units: Unit[] }
  | { type: 'import'; id: number; name: string; bytes: Uint8Array; ctx: Omit<ImportContext, 'units'> };

let index: UnitIndex | null = null;

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'units') {
    index = buildUnitIndex(msg.units);
    return;
  }
  const result = await importTable({ name: msg.name, bytes: msg.bytes }, { ...msg.ctx, units: index! });
  (self as unknown as Worker).postMessage({ id: msg.id, result });
};
