import { useEffect, useState } from 'react';
import { rowsOf } from '../db/engine';
import { useAtlasMembers } from './AtlasContext';

/**
 * Rows of a bound SQL query, re-run when the parameters change (or `revision`, for data that changed under the
 * same parameters: entered targets); stale answers are dropped.
 */
export function useSql<T>(sql: string | null, params: readonly unknown[], revision = 0): { rows: T[] | null; error: string | null } {
  const atlas = useAtlasMembers();
  const [result, setResult] = useState<{ rows: T[] | null; error: string | null }>({ rows: null, error: null });
  const key = JSON.stringify([sql, params, revision]);
  useEffect(() => {
    let live = true;
    if (!sql || !atlas.engine) return;
    atlas.engine
      .query(sql, params)
      .then((t) => live && setResult({ rows: rowsOf<T>(t), error: null }))
      .catch((e: unknown) => live && setResult({ rows: null, error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, atlas.engine]);
  return result;
}
