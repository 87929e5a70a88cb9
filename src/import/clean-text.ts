/**
 * The text of a file made clean before its table is looked for: decoded (per line when encodings are mixed), legacy
 * font text (.VnTime, VNI-Times) converted to Unicode NFC, hidden control characters taken out of every cell.
 */
import { hasUnsafeControls, unsafeControlsIn, withoutControls } from '../common/text-safety';
import { msg } from '../i18n/message';
import { detectAndDecode, detectLegacyInUnicode, encodingLabel, legacyCellsNote } from './encoding';
import { decodeMixedLines, lineRuns } from './encoding-mixed';
import { issue } from './issues';
import type { GridWithProblems } from './parse';
import type { ImportResult, Issue } from './types';

/** Cells typed with .VnTime / VNI-Times fonts hold legacy text as Unicode Latin-1: converted, or normalised to NFC. */
export function convertLegacyCells(grid: GridWithProblems): ImportResult['encoding'] {
  const strings: string[] = [];
  for (const r of grid.rows) for (const c of r.cells) if (typeof c === 'string') strings.push(c);
  const legacy = detectLegacyInUnicode(strings);
  if (!legacy) {
    for (const r of grid.rows) r.cells = r.cells.map((c) => (typeof c === 'string' ? c.normalize('NFC') : c));
    return null;
  }
  let converted = 0;
  for (const r of grid.rows) {
    r.cells = r.cells.map((c) => {
      if (typeof c !== 'string') return c;
      const out = legacy.convert(c);
      if (out !== c) for (const ch of out) if (ch.charCodeAt(0) > 0x7f) converted++;
      return out;
    });
  }
  return { name: legacy.encoding, note: legacyCellsNote(legacy.encoding, converted, legacy.scores) };
}

/** Text decoded (per line when the encodings are mixed), legacy fonts in Unicode text converted. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: NonNullable<ImportResult['encoding']> } {
  const decoded = decodeMixedLines(bytes) ?? detectAndDecode(bytes);
  let encoding = { name: decoded.encoding, note: decoded.note };
  if (decoded.encoding.startsWith('utf')) {
    // a Unicode file whose text was typed with a legacy font (exported from a .VnTime / VNI-Times sheet)
    const legacy = detectLegacyInUnicode(decoded.text.slice(0, 256 * 1024).split(/\r?\n/));
    if (legacy) {
      const text = decoded.text.split(/(\r?\n)/).map((part) => legacy.convert(part)).join('');
      let converted = 0;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) converted++;
      const note = legacyCellsNote(legacy.encoding, converted, legacy.scores);
      note.sentences = [msg('import.encodingNote.legacyInUnicode', { file: encodingLabel(decoded.encoding), encoding: encodingLabel(legacy.encoding), count: converted })];
      decoded.text = text;
      encoding = { name: legacy.encoding, note };
    }
  }
  return { text: decoded.text, encoding };
}

/** Hidden control characters (bidi overrides, C0/C1 controls) taken out of every text cell; the issue says where. */
export function removeControls(grid: GridWithProblems): Issue | null {
  const rows: number[] = [];
  const codes = new Set<string>();
  let cells = 0;
  for (const r of grid.rows) {
    let hit = false;
    for (let c = 0; c < r.cells.length; c++) {
      const v = r.cells[c];
      if (typeof v !== 'string' || !hasUnsafeControls(v)) continue;
      for (const code of unsafeControlsIn(v)) codes.add(code);
      const clean = withoutControls(v);
      r.cells[c] = clean === '' ? null : clean;
      cells++;
      hit = true;
    }
    if (hit) rows.push(r.rowNumber);
  }
  return cells ? issue('control_chars', { count: cells, codes: [...codes].slice(0, 6).join(', '), rows: lineRuns(rows) }) : null;
}

/** Lines of a text (records, as far as a limit cares). */
export function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}
