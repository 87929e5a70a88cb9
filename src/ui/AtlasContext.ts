import { createContext, useContext } from 'react';
import type { AtlasFacade } from '../app/facade';
import { useStoreFields } from '../state/store';

export const AtlasContext = createContext<AtlasFacade | null>(null);

export function useAtlas(): AtlasFacade {
  const atlas = useContext(AtlasContext);
  if (!atlas) throw new Error('AtlasContext missing');
  return atlas;
}

/**
 * The atlas's members a render reads (units, engine, imports, targets) are set before `phase` turns ready and the
 * units are replaced with `vintage`: a component reading them renders again when either changes. Components list
 * only the state fields they read (useStoreFields), so these are named here, once.
 */
export function useAtlasMembers(): AtlasFacade {
  const atlas = useAtlas();
  useStoreFields(atlas.state, ['phase', 'vintage']);
  return atlas;
}
