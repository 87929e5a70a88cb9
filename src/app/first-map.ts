import { decodeFirstMap, firstMapAsset, type FirstMap } from '../common/first-map';
import type { Vintage } from '../common/vintage';
import { fetchAsset } from '../db/fetch-asset';
import { ImportService } from '../import/service/imports';
import { editionOfPage } from '../db/edition';
import type { UnitKeys } from './feature-colours';

/**
 * The precomputed first map of a vintage (src/common/first-map.ts; the pre-reform one fetched from src/boot.ts) for colouring before DuckDB is up,
 * or null where it must not be shown: with stored imports (the engine's view of the data would differ, and an
 * imported dataset must never be hidden behind the shipped one), or when the asset cannot be read (the map then
 * waits for the engine, as without it).
 */
export async function loadFirstMap(vintage: Vintage): Promise<FirstMap | null> {
  try {
    const [bytes, stored] = await Promise.all([fetchAsset(firstMapAsset(vintage)), ImportService.hasStored()]);
    // a province edition's rows replace the sample's, whose colours the first map holds
    const first = stored || editionOfPage() ? null : decodeFirstMap(bytes);
    if (first && first.vintage !== vintage) throw new Error(`holds the ${first.vintage} units`);
    return first;
  } catch (e) {
    console.warn(`${firstMapAsset(vintage)}: not used (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
}

/** The units of the first map, in matrix order: enough to colour features before the unit list is read. */
export function firstMapUnits(f: FirstMap): UnitKeys {
  return { length: f.code.length, code: f.code, provinceCode: f.provinceCode, indexOf: new Map(f.code.map((c, i) => [c, i])) };
}
