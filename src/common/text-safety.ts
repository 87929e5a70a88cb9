/**
 * Text that came from outside (an imported cell, a URL value) is data, never layout: bidirectional controls
 * would flip the app's own punctuation around them on screen and in exported files, and other control
 * characters break lines or hide text. Declared once here so the import pipeline, the notices and the exports
 * treat such characters the same way. Pure (no DOM): the import worker and the build can use it.
 */

/**
 * Bidi embedding/override/isolate controls and marks (U+202A-202E, U+2066-2069, U+200E/200F, U+061C), the C0
 * and C1 controls except tab, line feed and carriage return, and U+FEFF inside text (a BOM belongs at the start
 * of a file only), the line/paragraph separators U+2028/2029 and the interlinear annotation marks U+FFF9-FFFB.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/;

/** True when the text holds a character of UNSAFE. */
export function hasUnsafeControls(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/** The code points of UNSAFE in a text, as "U+202E", each once, in order of appearance. */
export function unsafeControlsIn(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(UNSAFE)) seen.add(codePointLabel(m[0]));
  return [...seen];
}

const codePointLabel = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text without the characters of UNSAFE (what the import keeps of a cell). */
export function withoutControls(text: string): string {
  return hasUnsafeControls(text) ? text.replace(UNSAFE, '') : text;
}

/**
 * The characters of UNSAFE made visible as "<U+202E>" (what an export writes: nothing is silently lost, and
 * nothing reorders the file's text in a spreadsheet or a PDF).
 */
export function visibleControls(text: string): string {
  return hasUnsafeControls(text) ? text.replace(UNSAFE, (ch) => `<${codePointLabel(ch)}>`) : text;
}

/** At most about 80 characters of a value a notice quotes. */
export const QUOTE_LIMIT = 80;

/**
 * A value as a message quotes it: controls made visible, cut to `max` characters (by code point, never inside a
 * surrogate pair) ending in "…" when cut, so a 10 kB URL value cannot flood a notice.
 */
export function quoteValue(value: string, max = QUOTE_LIMIT): string {
  const visible = visibleControls(value);
  if (visible.length <= max) return visible;
  const chars = [...visible];
  if (chars.length <= max) return visible;
  return `${chars.slice(0, max - 1).join('')}…`;
}
