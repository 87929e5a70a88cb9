import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Reads a UTF-8 CSV with a header row; every value stays a string (codes keep their leading zeros). */
export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`${path}: row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  return parsed.data.map((row) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) out[k] = (v ?? '').normalize('NFC');
    return out;
  });
}
