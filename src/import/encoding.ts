/**
 * Text encoding detection and decoding for imported tables: UTF-8 (with/without BOM), UTF-16 LE/BE, Windows-1258,
 * and the legacy 8-bit Vietnamese encodings TCVN3 (ABC) and VNI. Output is always Unicode NFC.
 * Pure TypeScript (TextDecoder only) so it runs in a Web Worker.
 */
import { TCVN3_LETTERS, TCVN3_TONE_MARKS, TCVN3_VN1_GAP_LETTERS, VNI_LETTERS } from './legacy-vn-tables';
import { msg, type Message } from '../i18n/message';
import type { DecodedText, EncodingName, EncodingNote } from './types';

// ---------------------------------------------------------------------------------------------------------------
// Byte -> char tables

/**
 * Windows-1252 0x80-0x9F (WHATWG Encoding Standard); undefined bytes keep their C1 code point. Written out
 * because Node 20's TextDecoder('windows-1252') decodes this block as Latin-1 C1 controls, unlike browsers.
 */
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Windows-1252 interpretation of every byte (used for bytes a legacy table does not define). */
const CP1252: string[] = (() => {
  const out: string[] = [];
  for (let b = 0; b < 256; b++) out.push(String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : b));
  return out;
})();

const TCVN3_DECODE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 256; b++) t[b] = CP1252[b].charCodeAt(0);
  for (const [ch, b] of TCVN3_VN1_GAP_LETTERS) t[b] = ch.charCodeAt(0);
  for (const [ch, b] of TCVN3_TONE_MARKS) t[b] = ch.charCodeAt(0);
  for (const [ch, b] of TCVN3_LETTERS) t[b] = ch.charCodeAt(0);
  return t;
})();

const VNI_SINGLE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 256; b++) t[b] = CP1252[b].charCodeAt(0);
  for (const [ch, bytes] of VNI_LETTERS) if (bytes.length === 1) t[bytes[0]] = ch.charCodeAt(0);
  return t;
})();

const VNI_PAIRS: Map<number, number> = (() => {
  const m = new Map<number, number>();
  for (const [ch, bytes] of VNI_LETTERS) if (bytes.length === 2) m.set((bytes[0] << 8) | bytes[1], ch.charCodeAt(0));
  return m;
})();

function codeUnitsToString(units: Uint16Array, length: number): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

/** TCVN3 bytes -> Unicode NFC (combining tone marks composed). */
export function decodeTcvn3(bytes: Uint8Array): string {
  const out = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = TCVN3_DECODE[bytes[i]];
  return codeUnitsToString(out, bytes.length).normalize('NFC');
}

/** VNI bytes -> Unicode NFC (base letter + modifier byte pairs first, then single bytes). */
export function decodeVni(bytes: Uint8Array): string {
  const out = new Uint16Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (i + 1 < bytes.length) {
      const pair = VNI_PAIRS.get((b << 8) | bytes[i + 1]);
      if (pair !== undefined) {
        out[n++] = pair;
        i++;
        continue;
      }
    }
    out[n++] = VNI_SINGLE[b];
  }
  return codeUnitsToString(out, n).normalize('NFC');
}

export function decodeWindows1258(bytes: Uint8Array): string {
  return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
}

// ---------------------------------------------------------------------------------------------------------------
// Encoders (used by fixtures and round-trip tests; never needed to import a file)

const CP1252_REVERSE: Map<string, number> = (() => {
  const m = new Map<string, number>();
  for (let b = 0x80; b < 256; b++) if (CP1252[b] !== '\ufffd' && !m.has(CP1252[b])) m.set(CP1252[b], b);
  return m;
})();

const TONE_MARK_CHARS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** Split a letter into (base letter NFC, tone mark or '') - "ấ" -> ["â", "\u0301"]. */
function splitTone(ch: string): [string, string] {
  const d = ch.normalize('NFD');
  let tone = '';
  let base = '';
  for (const c of d) {
    if (TONE_MARK_CHARS.has(c)) tone = c;
    else base += c;
  }
  return [base.normalize('NFC'), tone];
}

function unencodable(ch: string, enc: string): Error {
  return new Error(`Cannot encode "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) in ${enc}`);
}

/** Unicode -> TCVN3 (VN3): upper-case toned letters become base letter + combining tone byte. */
export function encodeTcvn3(text: string): Uint8Array {
  const map = new Map(TCVN3_LETTERS.map(([c, b]) => [c, b]));
  const tones = new Map(TCVN3_TONE_MARKS.map(([c, b]) => [c, b]));
  const out: number[] = [];
  const byteOf = (c: string): number | undefined => (c.charCodeAt(0) < 0x80 && c.length === 1 ? c.charCodeAt(0) : map.get(c));
  for (const ch of text.normalize('NFC')) {
    const direct = byteOf(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const [base, tone] = splitTone(ch);
    const b = byteOf(base);
    if (tone && b !== undefined) {
      out.push(b, tones.get(tone)!);
      continue;
    }
    const cp = CP1252_REVERSE.get(ch);
    if (cp !== undefined && TCVN3_DECODE[cp] === ch.charCodeAt(0)) {
      out.push(cp);
      continue;
    }
    throw unencodable(ch, 'TCVN3');
  }
  return Uint8Array.from(out);
}

/** Unicode -> VNI Windows. */
export function encodeVni(text: string): Uint8Array {
  const map = new Map(VNI_LETTERS.map(([c, b]) => [c, b]));
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else if (map.has(ch)) out.push(...map.get(ch)!);
    else {
      const cp = CP1252_REVERSE.get(ch);
      if (cp !== undefined && VNI_SINGLE[cp] === code) out.push(cp);
      else throw unencodable(ch, 'VNI');
    }
  }
  return Uint8Array.from(out);
}

/** Unicode -> Windows-1258: precomposed byte when the code page has one, else base byte + combining tone byte. */
export function encodeWindows1258(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1258');
  const rev = new Map<string, number>();
  for (let b = 0x80; b < 256; b++) {
    const c = dec.decode(new Uint8Array([b]));
    if (c !== '\ufffd' && !rev.has(c)) rev.set(c, b);
  }
  const byteOf = (c: string): number | undefined => (c.length === 1 && c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : rev.get(c));
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byteOf(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const [base, tone] = splitTone(ch);
    const b = byteOf(base);
    const t = tone ? rev.get(tone) : undefined;
    if (b !== undefined && t !== undefined) out.push(b, t);
    else throw unencodable(ch, 'Windows-1258');
  }
  return Uint8Array.from(out);
}

// Vietnamese syllable scoring and the .VnTimeH case fix live in vn-text.ts (re-exported for the pipeline's users)
export { fixVnTimeHCase, isVietnameseSyllable, vietnameseScore } from './vn-text';
import { fixVnTimeHCase, vietnameseScore } from './vn-text';

// ---------------------------------------------------------------------------------------------------------------
// Detection

/** The encoding's name, a catalogue message (import.encodingName). */
export function encodingLabel(e: EncodingName): Message {
  return msg(`import.encodingName.${e}`);
}

function countNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n++;
  return n;
}

/** Count code points that differ between a string and its NFC form (approximate: length difference + changed). */
function nfcChanges(raw: string, nfc: string): number {
  if (raw === nfc) return 0;
  let combining = 0;
  for (const ch of raw) if (/\p{M}/u.test(ch)) combining++;
  return Math.max(combining, Math.abs(raw.length - nfc.length), 1);
}

function note(
  enc: EncodingName,
  parts: { convertedChars: number; normalisedChars: number; upperCasedWords?: number; scores?: EncodingNote['scores']; uncertain?: boolean; ascii?: boolean },
): EncodingNote {
  const encoding = encodingLabel(enc);
  const legacy = enc === 'tcvn3' || enc === 'vni' || enc === 'windows-1258';
  const utf16 = enc === 'utf-16le' || enc === 'utf-16be';
  const upperCasedWords = parts.upperCasedWords ?? 0;
  const sentences: Message[] = [];
  if (legacy) {
    sentences.push(msg('import.encodingNote.legacy', { encoding, count: parts.convertedChars }));
    if (upperCasedWords > 0) sentences.push(msg('import.encodingNote.upperCased', { count: upperCasedWords }));
  } else if (parts.ascii) sentences.push(msg('import.encodingNote.ascii'));
  else if (utf16) sentences.push(msg('import.encodingNote.utf16', { encoding }));
  else sentences.push(msg('import.encodingNote.unicode', { encoding }));
  if (parts.normalisedChars > 0) sentences.push(msg('import.encodingNote.normalised', { count: parts.normalisedChars }));
  if (parts.uncertain) sentences.push(msg('import.encodingNote.uncertain'));
  return {
    converted: legacy || utf16 || parts.normalisedChars > 0,
    convertedChars: parts.convertedChars,
    normalisedChars: parts.normalisedChars,
    upperCasedWords,
    scores: parts.scores,
    uncertain: parts.uncertain ?? false,
    sentences,
  };
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** The single-byte Vietnamese encodings, in the order they are tried (a tie goes to the first). */
export const SINGLE_BYTE: { name: 'windows-1258' | 'tcvn3' | 'vni'; decode: (b: Uint8Array) => string }[] = [
  { name: 'windows-1258', decode: decodeWindows1258 },
  { name: 'vni', decode: decodeVni },
  { name: 'tcvn3', decode: (b) => fixVnTimeHCase(decodeTcvn3(b)).text },
];

/** Decode bytes with a known encoding (no detection). */
export function decodeWith(bytes: Uint8Array, encoding: EncodingName): DecodedText {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
    case 'utf-16le':
    case 'utf-16be': {
      const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
      const raw = new TextDecoder(label).decode(bytes); // strips a BOM
      const text = raw.normalize('NFC');
      return { text, encoding, note: note(encoding, { convertedChars: 0, normalisedChars: nfcChanges(raw, text), ascii: encoding === 'utf-8' && countNonAscii(raw) === 0 }) };
    }
    case 'windows-1258': {
      const raw = new TextDecoder('windows-1258').decode(bytes);
      const text = raw.normalize('NFC');
      return { text, encoding, note: note(encoding, { convertedChars: countNonAscii(text), normalisedChars: 0 }) };
    }
    case 'vni': {
      const text = decodeVni(bytes);
      return { text, encoding, note: note(encoding, { convertedChars: countNonAscii(text), normalisedChars: 0 }) };
    }
    case 'tcvn3': {
      const fixed = fixVnTimeHCase(decodeTcvn3(bytes));
      return { text: fixed.text, encoding, note: note(encoding, { convertedChars: countNonAscii(fixed.text), normalisedChars: 0, upperCasedWords: fixed.words }) };
    }
  }
}

/** Bytes of a sample cut at the last line break, so a VNI pair or a multi-byte sequence is not split. */
function sample(bytes: Uint8Array, max = 256 * 1024): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > max - 4096 && bytes[end] !== 0x0a) end--;
  return bytes.subarray(0, end);
}

/**
 * Detect the encoding of a text file and decode it to NFC.
 * Order: BOM; UTF-16 without BOM (zero-byte pattern); strict UTF-8 (plain ASCII is reported as 'utf-8');
 * otherwise Windows-1258, VNI and TCVN3 are decoded and scored by the share of valid Vietnamese syllables.
 */
export function detectAndDecode(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith(bytes, 'utf-8-bom');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(bytes, 'utf-16be');
  const u16 = looksUtf16(bytes);
  if (u16) return decodeWith(bytes, u16);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return decodeWith(bytes, 'utf-8');
  } catch {
    // not UTF-8: score the single-byte candidates
  }
  const s = sample(bytes);
  const scores: Partial<Record<EncodingName, number>> = {};
  let best: (typeof SINGLE_BYTE)[number] = SINGLE_BYTE[0];
  let bestScore = -1;
  for (const cand of SINGLE_BYTE) {
    const score = vietnameseScore(cand.decode(s)) ?? 0;
    scores[cand.name] = Math.round(score * 1000) / 1000;
    if (score > bestScore) {
      best = cand;
      bestScore = score;
    }
  }
  const decoded = decodeWith(bytes, best.name);
  const sorted = Object.values(scores).sort((a, b) => b - a);
  const uncertain = bestScore < 0.6 || sorted[0] - (sorted[1] ?? 0) < 0.15;
  decoded.note = note(best.name, {
    convertedChars: decoded.note.convertedChars,
    normalisedChars: 0,
    upperCasedWords: decoded.note.upperCasedWords,
    scores,
    uncertain,
  });
  return decoded;
}

// ---------------------------------------------------------------------------------------------------------------
// Legacy text stored as Unicode (XLSX cells typed with .VnTime / VNI-Times fonts)

/** Bytes behind a string whose characters are all Windows-1252 (what a legacy font shows as Vietnamese). */
function asCp1252Bytes(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else {
      const b = CP1252_REVERSE.get(s[i]);
      if (b === undefined) {
        if (c <= 0xff) out[i] = c;
        else return null;
      } else out[i] = b;
    }
  }
  return out;
}

/**
 * Spreadsheet cells typed with a legacy font hold Windows-1252 characters that the font draws as Vietnamese
 * ("Céng hoµ" in .VnTime is "Cộng hoà"). Given the text cells of a file, decide whether they are TCVN3 or VNI
 * text stored as Unicode and return a converter, or null when the text is already proper Unicode.
 */
export function detectLegacyInUnicode(strings: string[]): { encoding: 'tcvn3' | 'vni'; convert: (s: string) => string; scores: Partial<Record<EncodingName, number>> } | null {
  const joined = strings.join('\n').slice(0, 256 * 1024);
  if (!/[\u0080-\u00ff]/.test(joined)) return null;
  const bytes = asCp1252Bytes(joined);
  if (!bytes) return null; // real Unicode Vietnamese letters present
  const asIs = vietnameseScore(joined) ?? 0;
  const tc = vietnameseScore(fixVnTimeHCase(decodeTcvn3(bytes)).text) ?? 0;
  const vn = vietnameseScore(decodeVni(bytes)) ?? 0;
  const scores = { 'utf-8': Math.round(asIs * 1000) / 1000, tcvn3: Math.round(tc * 1000) / 1000, vni: Math.round(vn * 1000) / 1000 };
  const best = tc >= vn ? 'tcvn3' : 'vni';
  const bestScore = Math.max(tc, vn);
  if (bestScore < 0.6 || bestScore < asIs + 0.3) return null;
  const convert = (s: string): string => {
    const b = asCp1252Bytes(s);
    if (!b) return s;
    return best === 'tcvn3' ? fixVnTimeHCase(decodeTcvn3(b)).text : decodeVni(b);
  };
  return { encoding: best, convert, scores };
}

/** Encoding note for legacy text found inside an XLSX (cells converted one by one). */
export function legacyCellsNote(encoding: 'tcvn3' | 'vni', convertedChars: number, scores: Partial<Record<EncodingName, number>>): EncodingNote {
  const n = note(encoding, { convertedChars, normalisedChars: 0, scores });
  n.sentences = [msg('import.encodingNote.legacyCells', { encoding: encodingLabel(encoding), count: convertedChars })];
  return n;
}
