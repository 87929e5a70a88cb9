import { createContext, useContext } from 'react';
import type { Atlas } from '../app/atlas';

export const AtlasContext = createContext<Atlas | null>(null);

export function useAtlas(): Atlas {
  const atlas = useContext(AtlasContext);
  if (!atlas) throw new Error('AtlasContext missing');
  return atlas;
}
