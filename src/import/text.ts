/** Text helpers shared by header recognition, total-row detection and unit matching. */
import { foldWords } from '../common/vn-name';

/**
 * Folded words of a header or label (common/vn-name: no diacritics, lower case, punctuation as spaces), with "%"
 * kept as the word "pct" so rate headers stay recognisable: "Tỷ lệ hộ nghèo (%)" -> "ty le ho ngheo pct".
 */
export function foldKey(s: string): string {
  return foldWords(s.replace(/%/g, ' pct '));
}

const UNTIDY = /[\t\n\r\f\v\u00a0]| {2}|^ | $/;

/** Text of a cell for display/matching: numbers as written, whitespace collapsed (cells are NFC already). */
export function cellText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return UNTIDY.test(v) ? v.replace(/[\s\u00a0]+/g, ' ').trim() : v;
}

/** Optimal string alignment (restricted Damerau-Levenshtein) distance. */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** Similarity 0..1 from the edit distance, relative to the longer string. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  return 1 - damerauLevenshtein(a, b) / len;
}

/** Column letter(s) for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
