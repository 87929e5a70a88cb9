/**
 * One load per key, shared by every caller, and kept only while it has not failed: a load that failed is tried
 * again by the next caller (the network back, the file in place) instead of failing for the page's life.
 */
export function keptUnlessFailed<K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  const kept = cache.get(key);
  if (kept) return kept;
  const started = load();
  cache.set(key, started);
  started.catch(() => {
    if (cache.get(key) === started) cache.delete(key);
  });
  return started;
}
