import { PNG } from 'pngjs';

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/** Number of distinct colours (quantised to 4 bits per channel) — a blank page has one or two. */
export function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(((png.data[i] >> 4) << 8) | ((png.data[i + 1] >> 4) << 4) | (png.data[i + 2] >> 4));
  return seen.size;
}

/** Pixels that differ by more than `tolerance` in any channel. */
export function differingPixels(a: PNG, b: PNG, tolerance = 24): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > tolerance || Math.abs(a.data[i + 1] - b.data[i + 1]) > tolerance || Math.abs(a.data[i + 2] - b.data[i + 2]) > tolerance) n++;
  }
  return n;
}

export function pixelAt(png: PNG, x: number, y: number): [number, number, number] {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

/** Pixels within `tolerance` of a colour in every channel. */
export function pixelsNear(png: PNG, [r, g, b]: readonly number[], tolerance = 12): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i] - r) <= tolerance && Math.abs(png.data[i + 1] - g) <= tolerance && Math.abs(png.data[i + 2] - b) <= tolerance) n++;
  }
  return n;
}
