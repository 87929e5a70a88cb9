import { useMemo } from 'react';
import type { AtlasFacade } from '../../app/facade';
import { POST_REFORM, PRE_REFORM, type Vintage } from '../../common/vintage';
import { buildSearchIndex, search, type SearchEntry } from '../search-index';

/** A commune of the other vintage found by search (its code is of that vintage). */
export type OtherVintageHit = SearchEntry & { vintage: Vintage };

/**
 * Communes of the vintage not shown that match what was typed (at most `limit`): on the post-reform map an old
 * commune ("where did my commune go"), on the pre-reform map a new one. Empty until that vintage's units are read.
 */
export function useOtherVintageHits(atlas: AtlasFacade, shown: Vintage, typed: string, ready: boolean, limit = 4): OtherVintageHit[] {
  const other = shown === POST_REFORM ? PRE_REFORM : POST_REFORM;
  const units = ready ? atlas.unitsOf(other) : null;
  const index = useMemo(() => (units ? buildSearchIndex(units).filter((e) => e.level === 'commune') : []), [units]);
  return useMemo(() => search(index, typed, null, limit).map((e) => ({ ...e, vintage: other })), [index, typed, limit, other]);
}

/**
 * Opens a commune of the other vintage: an old one is traced to where it went on the post-reform map; a new one
 * opens on the post-reform map.
 */
export async function openOtherVintage(atlas: AtlasFacade, hit: OtherVintageHit): Promise<void> {
  if (hit.vintage === PRE_REFORM) return atlas.traceFormer(hit.code);
  await atlas.setVintage(POST_REFORM);
  await atlas.focusCommune(hit.code);
}
