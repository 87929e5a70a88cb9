/**
 * What a file is, from its first bytes, and whether it may be read at all: files that are not tables (images,
 * PDFs, archives, Excel 97-2003), binary files, and files over the size limit are refused before anything is
 * decoded or parsed, with the limit or the kind named.
 */
import { msg, type Message, type MessageParams } from '../i18n/message';
import { IMPORT_LIMITS } from './limits';
import type { IssueCode } from './types';

/** text: `nul` stray NUL bytes (removed before decoding, and reported). */
export type Sniff = { kind: 'zip' } | { kind: 'text'; nul: number } | { kind: 'error'; code: IssueCode; params: MessageParams; where: Message };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** Signatures of files that are not tables, and what they are (a key of import.fileKind in the catalogue). */
const NOT_TABLE: [number[], 'png' | 'jpeg' | 'gif' | 'pdf' | 'bmp' | 'gzip' | 'rar' | '7z' | 'rtf'][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x42, 0x4d], 'bmp'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'rtf'],
];

const bytesAt = (from: number, to: number) => msg('import.where.bytes', { from, to });

/** Megabytes, one decimal (what the limits and the refusals state). */
export const megabytes = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;

export function sniff(bytes: Uint8Array): Sniff {
  if (bytes.length === 0) return { kind: 'error', code: 'empty_file', params: {}, where: msg('import.where.byte', { at: 0 }) };
  const { maxBytes } = IMPORT_LIMITS;
  if (bytes.length > maxBytes) return { kind: 'error', code: 'too_large', params: { size: megabytes(bytes.length), max: megabytes(maxBytes) }, where: msg('import.where.file') };
  for (const [sig, kind] of NOT_TABLE) {
    if (startsWith(bytes, sig)) return { kind: 'error', code: 'not_a_table', params: { kind: msg(`import.fileKind.${kind}`) }, where: bytesAt(0, sig.length - 1) };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { kind: 'error', code: 'xls_binary', params: {}, where: bytesAt(0, 3) };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'error', code: 'not_a_table', params: { kind: msg('import.fileKind.zip') }, where: bytesAt(0, 3) };
  // binary: NUL bytes that are not UTF-16 text, among other control bytes; a text with a few stray NULs is text
  const head = bytes.subarray(0, 4096);
  let nul = 0;
  let controls = 0;
  for (const b of head) {
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || nul > head.length * 0.3;
  if (utf16) return { kind: 'text', nul: 0 };
  if (nul > head.length * 0.1 || controls > head.length * 0.05) {
    const first = head.findIndex((b) => b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d));
    return { kind: 'error', code: 'not_a_table', params: { kind: msg('import.fileKind.binary') }, where: msg('import.where.byte', { at: first }) };
  }
  let all = 0;
  for (const b of bytes) if (b === 0) all++;
  return { kind: 'text', nul: all };
}
