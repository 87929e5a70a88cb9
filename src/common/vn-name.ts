/**
 * The Vietnamese name key, declared once: how names of administrative units are normalised (NFC), folded
 * (diacritics, đ/Đ, case, spacing, punctuation, tone placement), read (administrative prefixes, numbered wards)
 * and shortened for labels. Search, import matching, the facts build and map labels all use it.
 * Pure (no DOM, no imports): the Node build under data/ and geo/ uses it too.
 */

export type UnitLevel = 'commune' | 'district' | 'province';
export type UnitType = 'Xã' | 'Phường' | 'Thị trấn' | 'Đặc khu' | 'Huyện' | 'Quận' | 'Thị xã' | 'Thành phố' | 'Tỉnh';

// ---------------------------------------------------------------------------------------------------------------
// Folding

const ASCII = /^[\x00-\x7f]*$/;

/**
 * By UTF-16 code: Latin letters with diacritics -> their ASCII base letter, combining marks -> "" (for NFD input),
 * and đ/Đ (no Unicode decomposition) with Ð/ð, the look-alike eth often typed for them, -> d/D. Built once, so
 * folding is one lookup per character, not a decomposition per call.
 */
const FOLD: (string | undefined)[] = [];
for (const [from, to] of [[0x00c0, 0x024f], [0x1e00, 0x1eff]]) {
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (base !== ch && ASCII.test(base)) FOLD[c] = base;
  }
}
for (let c = 0x0300; c <= 0x036f; c++) FOLD[c] = '';
for (const ch of 'đð') FOLD[ch.charCodeAt(0)] = 'd';
for (const ch of 'ĐÐ') FOLD[ch.charCodeAt(0)] = 'D';

/** Diacritics removed, đ/Đ to d/D; case and everything else kept. "Đông Hà" -> "Dong Ha". NFC or NFD input alike. */
export function foldDiacritics(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xc0) continue;
    const base = FOLD[code];
    if (base === undefined) continue;
    out += text.slice(copied, i) + base;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Words without diacritics, lower case, each run of spacing or punctuation one space: "Tỷ lệ hộ nghèo (%)" -> "ty le ho ngheo". */
export function foldWords(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Numbers without leading zeros ("phuong 01" = "phuong 1"), so numbered wards and districts compare as numbers. */
const dropLeadingZeros = (text: string): string => (text.includes('0') ? text.replace(/(^|\D)0+(?=\d)/g, '$1') : text);

/**
 * Tone placement written one way, on the second vowel of oa/oe/uy: "hòa" -> "hoà", "thủy" -> "thuỷ" (both styles
 * are in official use; unit lists mix them). Lower case input.
 */
const TONE_PLACEMENT = new Map<string, string>();
for (const [glide, vowel] of [['o', 'a'], ['o', 'e'], ['u', 'y']]) {
  for (const mark of ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) {
    TONE_PLACEMENT.set((glide + mark).normalize('NFC') + vowel, glide + (vowel + mark).normalize('NFC'));
  }
}
const TONE_ON_GLIDE = new RegExp(`${[...TONE_PLACEMENT.keys()].join('|')}`, 'g');
const placeTones = (lower: string): string => lower.replace(TONE_ON_GLIDE, (m) => TONE_PLACEMENT.get(m)!);

/** NFC, lower case, tone placement unified, ð (eth, Ð lower-cased) read as đ: the name as written, minus spelling noise. */
const canonical = (text: string): string => {
  const lower = text.normalize('NFC').toLowerCase();
  return placeTones(lower.includes('ð') ? lower.replace(/ð/g, 'đ') : lower);
};

// ---------------------------------------------------------------------------------------------------------------
// Administrative prefixes

interface Prefix {
  type: UnitType | null;
  level: UnitLevel;
  /** Lower-case words as written in full ("thị trấn"); a name that has them is read with certainty. */
  full: string;
  /** Abbreviations ("tt" for "TT." or "TT"), English words; read with certainty too. */
  other: string[];
  /** Short label form for maps and tables ("TP. "), where the UI keeps the type visible. */
  short?: string;
}

const PREFIXES: readonly Prefix[] = [
  { type: 'Xã', level: 'commune', full: 'xã', other: ['x'] },
  { type: 'Phường', level: 'commune', full: 'phường', other: ['p'] },
  { type: 'Thị trấn', level: 'commune', full: 'thị trấn', other: ['tt'] },
  { type: 'Đặc khu', level: 'commune', full: 'đặc khu', other: [] },
  { type: null, level: 'commune', full: 'commune', other: ['ward', 'township'] },
  { type: 'Huyện', level: 'district', full: 'huyện', other: ['h'], short: '' },
  { type: 'Quận', level: 'district', full: 'quận', other: ['q'], short: 'Q. ' },
  { type: 'Thị xã', level: 'district', full: 'thị xã', other: ['tx'], short: 'TX. ' },
  { type: 'Thành phố', level: 'district', full: 'thành phố', other: ['tp'], short: 'TP. ' },
  { type: null, level: 'district', full: 'district', other: ['town', 'city'] },
  { type: 'Tỉnh', level: 'province', full: 'tỉnh', other: [], short: '' },
  { type: 'Thành phố', level: 'province', full: 'thành phố', other: ['tp'], short: '' },
  { type: null, level: 'province', full: 'province', other: ['city'] },
];

interface PrefixForm {
  prefix: Prefix;
  words: string[];
  folded: string[];
}

/** The written forms of each level's prefixes, by their first folded word (a name is compared with a few only). */
const FORMS: Record<UnitLevel, Map<string, PrefixForm[]>> = { commune: new Map(), district: new Map(), province: new Map() };
for (const prefix of PREFIXES) {
  for (const form of [prefix.full, ...prefix.other]) {
    const words = form.split(' ');
    const folded = words.map(foldWords);
    const byFirst = FORMS[prefix.level];
    byFirst.set(folded[0], [...(byFirst.get(folded[0]) ?? []), { prefix, words, folded }]);
  }
}

/** A ward or district number glued to its abbreviation: "P1", "p01" ("P.1" and "P 1" are read as a prefix). */
const GLUED: Partial<Record<UnitLevel, { letter: string; re: RegExp; type: UnitType }>> = {
  commune: { letter: 'p', re: /^p(\d+)$/, type: 'Phường' },
  district: { letter: 'q', re: /^q(\d+)$/, type: 'Quận' },
};

// ---------------------------------------------------------------------------------------------------------------
// Reading a name

/** One way to read a name: its unit type from the prefix, if any, and its keys. */
export interface NameReading {
  type: UnitType | null;
  /** Match key: prefix taken off, folded, numbers without leading zeros, no spaces. "Xã Hướng Lộc" -> "huongloc". */
  key: string;
  /** The same, diacritics kept (tone placement unified): tells "Bình Thành" from "Bình Thạnh". */
  accent: string;
}

/** The words of a name: NFC, lower case, tone placement unified, split at spacing and punctuation, notes dropped. */
function nameWords(name: string): string[] {
  const ascii = ASCII.test(name);
  let text = ascii ? name.toLowerCase() : canonical(name);
  if (text.includes('(')) text = text.replace(/\([^)]*\)/g, ' ');
  return text.split(ascii ? /[^a-z0-9]+/ : /[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** Each word folded to ASCII letters and digits (a word of other letters only folds to ""). */
const foldEach = (words: readonly string[]): string[] =>
  foldDiacritics(words.join(' '))
    .replace(/[^a-z0-9 ]+/g, '')
    .split(' ');

/** The reading of words and their folded forms from the n-th word on (the first n are the prefix). */
function reading(level: UnitLevel, type: UnitType | null, words: readonly string[], folded: readonly string[], n: number): NameReading {
  const key = dropLeadingZeros(folded.slice(n).join(''));
  const glued = GLUED[level];
  const number = glued && key.length > 1 && key[0] === glued.letter ? glued.re.exec(key) : null;
  if (glued && number) return { type: type ?? glued.type, key: number[1], accent: number[1] };
  return { type, key, accent: dropLeadingZeros(words.slice(n).join('')) };
}

/**
 * The readings of a unit name at a level, the likeliest first. A prefix written in full ("Xã", "Phường"),
 * abbreviated ("X.", "P1", "TT") or in English is certain. A first word that is a prefix only without its
 * diacritics is a second reading: in "Phương Mai" it is part of the name (the prefix reading comes second), while
 * in "phuong mai", typed without diacritics, the prefix reading comes first. Parenthesised notes ("(ĐBKK)") are
 * ignored. "Phường 1", "P1", "P.1" and "phuong 01" all read as a Phường with key "1".
 */
export function readName(name: string, level: UnitLevel): NameReading[] {
  const words = nameWords(name);
  const folded = foldEach(words);
  let unsure: NameReading | null = null;
  for (const form of (words.length > 1 && FORMS[level].get(folded[0])) || []) {
    const n = form.words.length;
    if (words.length <= n) continue;
    if (form.words.every((w, i) => w === words[i])) return [reading(level, form.prefix.type, words, folded, n)];
    if (!unsure && form.folded.every((w, i) => w === folded[i])) unsure = reading(level, form.prefix.type, words, folded, n);
  }
  const plain = reading(level, null, words, folded, 0);
  if (!unsure) return [plain];
  return words.every((w, i) => w === folded[i]) ? [unsure, plain] : [plain, unsure];
}

/** Match key of the likeliest reading: "Xã Hướng Lộc" / "xa huong loc" / "X. Hướng Lộc" -> "huongloc". */
export function nameKey(name: string, level: UnitLevel): string {
  return readName(name, level)[0].key;
}

/** Key with diacritics kept, tone placement unified: "Xã Bình Hoà" and "Bình Hòa" -> "bìnhhoà". */
export function accentKey(name: string, level: UnitLevel): string {
  return readName(name, level)[0].accent;
}

/** Unit type named by the prefix of the likeliest reading: "TT. Khe Sanh" -> "Thị trấn"; null when none. */
export function unitTypeOf(name: string, level: UnitLevel): UnitType | null {
  return readName(name, level)[0].type;
}

/**
 * The name as written, minus spelling noise only (NFC, case, spacing, hyphens, tone placement, the prefix's
 * abbreviation): "Huyện Đakrông" = "huyện Đa Krông" = "H. Đa-Krông", but not "Đakrông" nor "Huyen Dakrong".
 */
export function spellingKey(name: string, level: UnitLevel): string {
  const r = readName(name, level)[0];
  return `${r.type ?? ''}:${r.accent}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Search

/** Abbreviated prefixes written out for search: "tp" -> "thanh pho". */
const SEARCH_ABBREVIATIONS = new Map<string, string>();
for (const p of PREFIXES) if (p.type) for (const a of p.other) SEARCH_ABBREVIATIONS.set(a, foldWords(p.full));

/**
 * Search key of a name or of what was typed: folded words, numbers without leading zeros, and a leading prefix
 * abbreviation written out when more follows ("tp dong ha" -> "thanh pho dong ha", "P1" -> "phuong 1"), so that
 * "Hướng Lộc", "huong loc" and "X. Huong Loc" all find "Xã Hướng Lộc" word by word.
 */
export function searchKey(text: string): string {
  const k = foldWords(text).replace(/^(p|q)(\d+)\b/, (_, a: string, n: string) => `${a} ${n}`);
  const first = /^([a-z]+) \S/.exec(k);
  const full = first && SEARCH_ABBREVIATIONS.get(first[1]);
  return dropLeadingZeros(full ? full + k.slice(first[1].length) : k);
}

// ---------------------------------------------------------------------------------------------------------------
// Names as shown

function writtenPattern(prefixes: readonly Prefix[]): RegExp {
  const full = [...new Set(prefixes.map((p) => p.full.replace(/ /g, '\\s+')))];
  const abbreviated = [...new Set(prefixes.filter((p) => p.type).flatMap((p) => p.other))];
  return new RegExp(`^(?:(${full.join('|')})\\s+|(${abbreviated.join('|')})\\.\\s*)(?=\\S)`, 'iu');
}

const WRITTEN = {
  any: writtenPattern(PREFIXES.filter((p) => p.type)),
  district: writtenPattern(PREFIXES.filter((p) => p.type && p.level === 'district')),
  province: writtenPattern(PREFIXES.filter((p) => p.type && p.level === 'province')),
};

/** The prefix a name is written with ("Thị Xã", "TP.") and the rest as written; null when it has none. */
function writtenPrefix(name: string, level: keyof typeof WRITTEN): { prefix: Prefix; rest: string } | null {
  const text = name.normalize('NFC');
  const m = WRITTEN[level].exec(text);
  if (!m) return null;
  const word = foldWords(m[1] ?? m[2]);
  const prefix = PREFIXES.find((p) => p.type && (level === 'any' || p.level === level) && (foldWords(p.full) === word || p.other.includes(word)));
  return prefix ? { prefix, rest: text.slice(m[0].length) } : null;
}

/** The name without its administrative prefix, as written (NFC): "Xã Hướng Lộc" -> "Hướng Lộc", "TP. Đông Hà" -> "Đông Hà". */
export function stripUnitPrefix(name: string): string {
  return writtenPrefix(name, 'any')?.rest ?? name.normalize('NFC');
}

/** District label: "Huyện Hướng Hóa" -> "Hướng Hóa", "Thành phố Đông Hà" -> "TP. Đông Hà", "Thị xã X" -> "TX. X", "Quận 1" -> "Q. 1". */
export function shortDistrictName(name: string): string {
  const w = writtenPrefix(name, 'district');
  return w ? (w.prefix.short ?? '') + w.rest : name.normalize('NFC');
}

/** Province label: "Tỉnh Quảng Trị" -> "Quảng Trị", "Thành phố Hà Nội" -> "Hà Nội". */
export function shortProvinceName(name: string): string {
  return writtenPrefix(name, 'province')?.rest ?? name.normalize('NFC');
}
