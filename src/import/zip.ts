/**
 * The ZIP container of an XLSX, read without unpacking it: the central directory (names, packed and unpacked
 * sizes), so a truncated or damaged file is named as such and a "zip bomb" or an oversized workbook is refused
 * before anything is unpacked; parts are then unpacked as streams (the platform's DecompressionStream, in
 * browsers and Node alike) with a cap on the bytes they may produce.
 */
import { IMPORT_LIMITS } from './limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  packed: number;
  size: number;
  /** offset of the local file header */
  offset: number;
}

/** Why a ZIP cannot be read: cut short (the end is missing) or damaged (a part does not unpack). */
export class ZipError extends Error {
  constructor(
    readonly reason: 'truncated' | 'damaged' | 'bomb' | 'too_large',
    /** the part concerned, when one is */
    readonly part: string | null = null,
  ) {
    super(`${reason}${part ? `: ${part}` : ''}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory; throws ZipError('truncated') when the end of the file is missing. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  while (eocd >= stop && dv.getUint32(eocd, true) !== EOCD) eocd--;
  if (eocd < stop || eocd < 0) throw new ZipError('truncated');
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > eocd) throw new ZipError('truncated');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== CENTRAL) throw new ZipError('damaged');
    const nameLength = dv.getUint16(p + 28, true);
    const entry: ZipEntry = {
      method: dv.getUint16(p + 10, true),
      packed: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      offset: dv.getUint32(p + 42, true),
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.offset + 30 + entry.packed > bytes.length) throw new ZipError('truncated', entry.name);
    entries.push(entry);
    p += 46 + nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return entries;
}

/** Names of the parts whose local headers can be read from the start of a ZIP (to say what a truncated file was). */
export function localNames(bytes: Uint8Array, max = 64): string[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  const decoder = new TextDecoder();
  let p = 0;
  while (names.length < max && p + 30 <= bytes.length && dv.getUint32(p, true) === LOCAL) {
    const flags = dv.getUint16(p + 6, true);
    const packed = dv.getUint32(p + 18, true);
    const nameLength = dv.getUint16(p + 26, true);
    const extra = dv.getUint16(p + 28, true);
    names.push(decoder.decode(bytes.subarray(p + 30, Math.min(bytes.length, p + 30 + nameLength))));
    // sizes written after the data (flag bit 3) are unknown here: the parts after this one cannot be found
    if (flags & 8) break;
    p += 30 + nameLength + extra + packed;
  }
  return names;
}

/**
 * Refuses a workbook before unpacking: more than maxUnpackedBytes in all, or a part that unpacks to more than
 * maxPackRatio times its size (a zip bomb). The declared sizes are checked here; unpack() enforces them again.
 */
export function checkSizes(entries: readonly ZipEntry[]): void {
  const { maxUnpackedBytes, maxPackRatio, minBombBytes } = IMPORT_LIMITS;
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > minBombBytes && e.size > maxPackRatio * Math.max(1, e.packed)) throw new ZipError('bomb', e.name);
  }
  if (total > maxUnpackedBytes) throw new ZipError('too_large');
}

function packedData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(e.offset, true) !== LOCAL) throw new ZipError('damaged', e.name);
  const start = e.offset + 30 + dv.getUint16(e.offset + 26, true) + dv.getUint16(e.offset + 28, true);
  if (start + e.packed > bytes.length) throw new ZipError('truncated', e.name);
  return bytes.subarray(start, start + e.packed);
}

/**
 * A part's bytes as they unpack, chunk by chunk. At most `cap` bytes (default: the declared size, or the
 * bomb ratio when that is larger) are produced: a part that unpacks to more is a bomb whatever its header says.
 */
export async function* unpack(bytes: Uint8Array, e: ZipEntry, cap = Math.max(e.size, IMPORT_LIMITS.maxPackRatio * e.packed)): AsyncGenerator<Uint8Array> {
  const data = packedData(bytes, e);
  if (e.method === 0) {
    yield data;
    return;
  }
  if (e.method !== 8) throw new ZipError('damaged', e.name);
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let produced = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new ZipError('damaged', e.name);
      }
      if (chunk.done) break;
      produced += chunk.value.length;
      if (produced > cap) throw new ZipError('bomb', e.name);
      yield chunk.value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** A part as text, unpacked whole (small parts: the workbook, its relations, shared strings, styles). */
export async function unpackText(bytes: Uint8Array, e: ZipEntry): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of unpack(bytes, e)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** A part as text chunks (a sheet, read as it unpacks). */
export async function* unpackTextChunks(bytes: Uint8Array, e: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of unpack(bytes, e)) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
