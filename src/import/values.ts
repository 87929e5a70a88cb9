/**
 * Cell values as Vietnamese officials write them: decimal comma and dot thousands ("1.234,5"), "12,5%",
 * "17/19", "-" for none (blank is not 0), tier words. English "1,234.5" is read when unambiguous.
 */
import { cellText, foldKey } from './text';
import type { Cell, Tier } from './types';

/** count: integer >= 0 expected ("1.234" = 1234); rate/decimal: may have decimals ("12,5" = 12.5); year: 4 digits. */
export type NumberKind = 'count' | 'rate' | 'decimal' | 'year';

export interface ParsedNumber {
  value: number | null;
  /** Set when the text could not be read as the expected number; value is then null. */
  error?: 'not_a_number' | 'not_integer' | 'year_invalid';
  /** "17/19": the denominator (the criteria count the file assumed). */
  denominator?: number;
  /** The text ended with "%". */
  percent?: boolean;
}

/** Cell texts meaning "no value" (blank is not 0). */
const BLANK = new Set(['', '-', '--', '---', '–', '—', '.', '..', '...', '…', 'x', 'n/a', 'na', 'k/c', '(-)', '#n/a']);

export function isBlankText(s: string): boolean {
  // fast answers without trimming: the words above are at most 4 characters and none starts with a digit
  const first = s.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  if (s.length > 4 && first > 32 && first < 127 && s.charCodeAt(s.length - 1) > 32 && s.charCodeAt(s.length - 1) < 127) return false;
  return BLANK.has(s.trim().toLowerCase());
}

function finishCount(n: number, kind: NumberKind): ParsedNumber {
  if (kind === 'count') {
    const r = Math.round(n);
    if (Math.abs(n - r) > 1e-9) return { value: null, error: 'not_integer' };
    return { value: r === 0 ? 0 : r };
  }
  if (kind === 'year') {
    const r = Math.round(n);
    if (Math.abs(n - r) > 1e-9 || r < 1900 || r > 2200) return { value: null, error: 'year_invalid' };
    return { value: r };
  }
  return { value: n === 0 ? 0 : n };
}

/** Digits with optional grouping: "1234", "1.234", "1.234.567" (sep = the thousands separator). */
function groupedInt(s: string, sep: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const re = sep === '.' ? /^\d{1,3}(\.\d{3})+$/ : sep === ',' ? /^\d{1,3}(,\d{3})+$/ : /^\d{1,3}( \d{3})+$/;
  if (!re.test(s)) return null;
  return Number(s.split(sep).join(''));
}

/** Unsigned numeric text with "." and/or "," -> number, using the kind to settle "1.234" and "1,234". */
function unsignedNumber(s: string, kind: NumberKind): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^\d*[.,]?\d[\d.,]*$/.test(s)) return null;
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  if (hasDot && hasComma) {
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    const [intPart, frac, ...rest] = s.split(dec);
    if (rest.length || !/^\d+$/.test(frac ?? '')) return null;
    const i = groupedInt(intPart, thou);
    return i === null ? null : Number(`${i}.${frac}`);
  }
  const sep = hasDot ? '.' : ',';
  const parts = s.split(sep);
  if (parts.length > 2) return groupedInt(s, sep); // "1.234.567" / "1,234,567"
  const [intPart, frac] = parts;
  if (intPart === '' && /^\d+$/.test(frac)) return Number(`0.${frac}`); // ",5"
  if (!/^\d+$/.test(intPart) || !/^\d+$/.test(frac)) return null;
  // One separator. A count cannot have decimals, so "1.234" / "1,234" with three digits after is a thousands group.
  if (kind === 'count' && frac.length === 3 && intPart.length <= 3 && intPart !== '0') return Number(intPart + frac);
  return Number(`${intPart}.${frac}`);
}

const VI_THOUSANDS = /^[1-9]\d{0,2}(\.\d{3}){1,4}$/;
const VI_DECIMAL = /^\d{1,15},\d{1,15}$/;

/**
 * Parse a number written the Vietnamese way (or plain English when unambiguous).
 * "1.234" -> 1234 (count) | "12,5" -> 12.5 | "12,5%" -> 12.5 | "1.234,5" -> 1234.5 | "1,234.5" -> 1234.5 |
 * "17/19" -> 17 | "-" / "" -> null | "0" -> 0 | "1 234" -> 1234.
 */
export function parseNumber(raw: Cell, kind: NumberKind): ParsedNumber {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { value: null, error: 'not_a_number' };
    return finishCount(raw, kind);
  }
  if (kind !== 'year' && /^\d{1,15}$/.test(raw)) return finishCount(Number(raw), kind); // fast path: plain digits
  // fast paths for the usual Vietnamese forms, read as below would: a count with dot thousands ("1.234",
  // "12.345.678") and a rate or decimal with a decimal comma ("12,5")
  if (kind === 'count' && VI_THOUSANDS.test(raw)) return finishCount(Number(raw.replace(/\./g, '')), kind);
  if ((kind === 'rate' || kind === 'decimal') && VI_DECIMAL.test(raw)) return finishCount(Number(raw.replace(',', '.')), kind);
  let s = raw.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (isBlankText(s)) return { value: null };
  if (kind === 'year') return parseYear(s);
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const frac = /^(.+?)\s*\/\s*(\d+)$/.exec(s);
  if (frac) {
    const num = parseNumber(frac[1], kind);
    if (num.error || num.value === null) return num.error ? num : { value: null, error: 'not_a_number' };
    return { ...num, denominator: Number(frac[2]) };
  }
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  const n = unsignedNumber(s, kind);
  if (n === null) return { value: null, error: 'not_a_number' };
  const out = finishCount(sign * n, kind);
  return percent ? { ...out, percent } : out;
}

/** Years: "2023", 2023, "Năm 2023", "31/12/2023", "2023-12-31". */
export function parseYear(raw: Cell): ParsedNumber {
  if (raw === null) return { value: null };
  if (typeof raw === 'number') return finishCount(raw, 'year');
  const s = raw.trim();
  if (isBlankText(s)) return { value: null };
  if (/^\d{4}$/.test(s)) return finishCount(Number(s), 'year');
  const m = s.match(/(?:^|\D)((?:19|20|21)\d{2})(?!\d)/g);
  if (m && m.length === 1 && !/\d{5,}/.test(s)) return finishCount(Number(m[0].replace(/\D/g, '')), 'year');
  return { value: null, error: 'year_invalid' };
}

/** Find a year in a title or header text ("... năm 2023", "Năm 2023", "đến 31/12/2023"). Ranges ("2021-2025") give null. */
export function yearInText(text: string): number | null {
  const k = foldKey(text);
  const named = [...k.matchAll(/\bnam (19\d{2}|20\d{2})\b(?! \d{4})/g)].map((m) => Number(m[1]));
  const range = /\b(19|20)\d{2} (19|20)\d{2}\b/.test(k);
  const uniq = (xs: number[]) => [...new Set(xs)];
  if (uniq(named).length === 1 && !new RegExp(`nam ${named[0]} (19|20)\\d{2}`).test(k)) return named[0];
  if (range) return null;
  const years = uniq([...k.matchAll(/\b(19\d{2}|20\d{2})\b/g)].map((m) => Number(m[1])));
  if (/\byear\b/.test(k) && years.length === 1) return years[0];
  const dated = uniq([...text.matchAll(/\b\d{1,2}\/\d{1,2}\/((?:19|20)\d{2})\b/g)].map((m) => Number(m[1])));
  if (dated.length === 1 && named.length === 0) return dated[0];
  return null;
}

/** Tier words: "Đạt chuẩn", "NTM nâng cao", "Kiểu mẫu", "Chưa đạt" (with or without diacritics, English too). */
export function parseTier(raw: Cell): { value: Tier | null; unknown: boolean } {
  if (raw === null) return { value: null, unknown: false };
  const s = typeof raw === 'number' ? String(raw) : raw;
  if (isBlankText(s) && s.trim().toLowerCase() !== 'x') return { value: null, unknown: false };
  const k = foldKey(s);
  if (/\bkieu mau\b|\bmodel\b/.test(k)) return { value: 'kieu_mau', unknown: false };
  if (/\bnang cao\b|\badvanced\b/.test(k)) return { value: 'nang_cao', unknown: false };
  if (/\b(chua|khong) dat\b|^chua\b|\bnot (yet )?(met|recognised|recognized)\b|^no$|^khong$/.test(k)) return { value: 'chua_dat', unknown: false };
  if (/\bdat chuan\b|^dat\b|^ntm$|^x$|^co$|^yes$|^met$|\bstandard\b|\brecogni[sz]ed\b|\bdat ntm\b/.test(k)) return { value: 'dat_chuan', unknown: false };
  return { value: null, unknown: true };
}

/** Plain text of a cell (names, decision numbers, organisations); numbers as written. */
export function parseText(raw: Cell): string | null {
  if (raw === null) return null;
  const s = cellText(raw);
  return s === '' ? null : s;
}

/**
 * GSO codes are strings with leading zeros (commune 5 digits, district 3). A number that lost its zeros (2533)
 * is padded back ('02533') and reported.
 */
export function parseCode(raw: Cell, width: number): { code: string | null; padded: boolean; invalid: boolean } {
  if (raw === null) return { code: null, padded: false, invalid: false };
  let s: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return { code: null, padded: false, invalid: true };
    s = String(raw);
  } else {
    s = raw.trim().replace(/^'/, '').replace(/\s+/g, '');
    if (isBlankText(s)) return { code: null, padded: false, invalid: false };
    if (/^\d+\.0+$/.test(s)) s = s.replace(/\.0+$/, ''); // "2533.0" from a float column
  }
  if (!/^\d+$/.test(s) || s.length > width) return { code: null, padded: false, invalid: true };
  if (s.length < width) return { code: s.padStart(width, '0'), padded: true, invalid: false };
  return { code: s, padded: false, invalid: false };
}
