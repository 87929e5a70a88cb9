// Saves bytes as a file through a temporary <a download> and an object URL (no server round trip).
import { foldDiacritics } from '../common/vn-name';

/** Starts a download of bytes (or a Blob) under filename. */
export function downloadBytes(data: Uint8Array | Blob, filename: string, mime: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoke after the click has been handled: some browsers start the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** MIME types of the export formats. */
export const MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A file name from a title: ASCII letters and digits (Vietnamese marks removed, đ → d), dashes, date. */
export function exportFilename(title: string, ext: string, date = new Date()): string {
  const base = foldDiacritics(title)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  const stamp = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${base || 'ntm-atlas'}-${stamp}.${ext}`;
}
