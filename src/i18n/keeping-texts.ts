import type { TFunction } from 'i18next';

/** Texts kept per language before the store starts over (a planner table of every district is far below this). */
const MAX_KEPT = 20_000;

/**
 * `t` of a language that keeps each text it rendered. A year switch renders the legend, the marks and the headings
 * again with mostly the same texts, and i18next resolves each one anew (10-30 µs a call here: key lookup, plural
 * rules, interpolation, options merged): most of those panels' render. Only calls whose parameters are strings,
 * numbers or booleans are kept; any other call goes to i18next as it is.
 */
export function keepingTexts(fixed: TFunction): TFunction {
  // i18next's TFunction is an overloaded, branded type: the wrapper passes its arguments through untouched
  const call = fixed as unknown as (...args: unknown[]) => unknown;
  const texts = new Map<string, string>();
  const t = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    const id = rest.length === 0 ? callId(key, options) : null;
    if (id === null) return call(key, options, ...rest);
    const kept = texts.get(id);
    if (kept !== undefined) return kept;
    const text = call(key, options);
    if (typeof text === 'string') {
      if (texts.size >= MAX_KEPT) texts.clear();
      texts.set(id, text);
    }
    return text;
  };
  return t as unknown as TFunction;
}

/** One string per distinct call (key, then each parameter with its type), or null for a call not to keep. */
function callId(key: unknown, options: unknown): string | null {
  if (typeof key !== 'string') return null;
  if (options === undefined) return key;
  if (options === null || typeof options !== 'object') return null;
  let id = key;
  for (const [name, value] of Object.entries(options)) {
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') id += `\u0000${name}\u0001${type[0]}${String(value)}`;
    else if (value !== undefined) return null;
  }
  return id;
}
