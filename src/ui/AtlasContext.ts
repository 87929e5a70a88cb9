import { createContext, useContext } from 'react';
import type { AtlasFacade } from '../app/facade';

export const AtlasContext = createContext<AtlasFacade | null>(null);

export function useAtlas(): AtlasFacade {
  const atlas = useContext(AtlasContext);
  if (!atlas) throw new Error('AtlasContext missing');
  return atlas;
}
