/**
 * Files whose lines are in different encodings: a sheet saved as UTF-8 and then appended to from a machine
 * that writes Windows-1258 (or TCVN3, VNI). Decoded as one encoding, half the lines turn to mojibake and the
 * header is not found; decoded line by line, each in its own encoding, the table reads, and the report names
 * which lines were which.
 */
import { encodingLabel, SINGLE_BYTE, vietnameseScore } from './encoding';
import { msg } from '../i18n/message';
import type { DecodedText } from './types';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return true;
  return false;
}

/** "2, 5-9, 14" for sorted line numbers, at most `max` runs listed then "…". */
export function lineRuns(lines: readonly number[], max = 8): string {
  const runs: string[] = [];
  for (let i = 0; i < lines.length && runs.length <= max; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    runs.push(j > i ? `${lines[i]}-${lines[j]}` : String(lines[i]));
    i = j + 1;
  }
  return runs.length > max ? `${runs.slice(0, max).join(', ')}, …` : runs.join(', ');
}

/**
 * Decodes a file line by line when it mixes UTF-8 lines with lines in a single-byte Vietnamese encoding; null
 * when it does not (all valid UTF-8, or no line is). UTF-8 lines must read as Vietnamese (a legacy line that
 * happens to be valid UTF-8 reads as nonsense, and stays with the legacy ones).
 */
export function decodeMixedLines(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (isUtf8(bytes)) return null;
  const lines: Uint8Array[] = [];
  for (let start = 0; start <= bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  const utf8: number[] = [];
  const legacy: number[] = [];
  lines.forEach((line, i) => {
    if (!hasNonAscii(line)) return;
    if (isUtf8(line) && (vietnameseScore(strictUtf8.decode(line)) ?? 0) >= 0.8) utf8.push(i);
    else legacy.push(i);
  });
  if (!utf8.length || !legacy.length) return null;
  // the legacy lines' encoding: the candidate that reads them as the most Vietnamese
  const sample = legacy.slice(0, 2000).map((i) => lines[i]);
  const joined = new Uint8Array(sample.reduce((n, l) => n + l.length + 1, 0));
  let at = 0;
  for (const l of sample) {
    joined.set(l, at);
    joined[at + l.length] = 0x0a;
    at += l.length + 1;
  }
  let best = SINGLE_BYTE[0];
  let bestScore = -1;
  for (const cand of SINGLE_BYTE) {
    const score = vietnameseScore(cand.decode(joined)) ?? 0;
    if (score > bestScore) [best, bestScore] = [cand, score];
  }
  const isUtf8Line = new Set(utf8);
  const text = lines.map((l, i) => (isUtf8Line.has(i) ? strictUtf8.decode(l) : best.decode(l))).join('\n').normalize('NFC');
  let converted = 0;
  for (const i of legacy) for (const ch of best.decode(lines[i])) if (ch.charCodeAt(0) > 0x7f) converted++;
  const utf8Lines = utf8.map((i) => i + 1);
  const legacyLines = legacy.map((i) => i + 1);
  const sentence = msg('import.encodingNote.mixed', {
    encoding: encodingLabel(best.name),
    utf8: utf8Lines.length,
    legacy: legacyLines.length,
    utf8Lines: lineRuns(utf8Lines),
    legacyLines: lineRuns(legacyLines),
  });
  return {
    text,
    encoding: best.name,
    note: {
      converted: true,
      convertedChars: converted,
      normalisedChars: 0,
      upperCasedWords: 0,
      uncertain: false,
      mixed: { utf8Lines, legacyLines },
      sentences: [sentence],
    },
  };
}
