// The map canvas as a PNG at 1×, 2× or 4× the screen's resolution. MapLibre re-renders at the higher pixel
// ratio (deck.gl draws interleaved into the same WebGL canvas, which keeps its drawing buffer), then the
// canvas is read and the pixel ratio restored.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapPng {
  blob: Blob;
  /** Image size in pixels (MapLibre may clamp the ratio to its maxCanvasSize, so check these). */
  width: number;
  height: number;
  /** The pixel ratio actually rendered: image pixels per CSS pixel. */
  pixelRatio: number;
  /** Ground metres per image pixel at the centre latitude (for the PDF scale bar). */
  metresPerPixel: number;
}

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** MapLibre's world is 512 CSS pixels wide at zoom 0. */
const TILE_SIZE = 512;

/** Ground metres per CSS pixel at the map's centre latitude (Web Mercator). */
export function metresPerPixel(map: Pick<MapLibreMap, 'getCenter' | 'getZoom'>): number {
  const lat = map.getCenter().lat;
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (TILE_SIZE * 2 ** map.getZoom());
}

/** Resolves after the map has drawn with nothing left to load, or after timeoutMs whatever its state. */
function renderedAndIdle(map: MapLibreMap, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      map.off('idle', finish);
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    map.on('idle', finish);
    map.triggerRepaint();
  });
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The map canvas could not be read as PNG'))), 'image/png'),
  );
}

let capturing: Promise<unknown> = Promise.resolve();

/**
 * Renders the map at scale × devicePixelRatio, waits until it is idle (tiles, labels and deck.gl layers
 * drawn) and returns the canvas as PNG. The pixel ratio is restored afterwards, also on failure. Calls are
 * queued so two captures never fight over the pixel ratio.
 */
export function captureMapPng(
  map: MapLibreMap,
  scale: 1 | 2 | 4,
  opts: { timeoutMs?: number; /** Overlays drawing into the same canvas (deck.gl) must follow the ratio. */ onPixelRatio?: (ratio: number) => void } = {},
): Promise<MapPng> {
  const run = async (): Promise<MapPng> => {
    const original = map.getPixelRatio();
    const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    const target = scale * dpr;
    const canvas = map.getCanvas();
    try {
      if (target !== original) {
        // Listen before changing: the resize triggers the render that ends in 'idle'.
        const ready = renderedAndIdle(map, opts.timeoutMs ?? 20_000);
        map.setPixelRatio(target);
        opts.onPixelRatio?.(target);
        await ready;
      } else {
        await renderedAndIdle(map, opts.timeoutMs ?? 20_000);
      }
      const blob = await canvasToBlob(canvas);
      const cssWidth = canvas.clientWidth || map.getContainer().clientWidth || canvas.width;
      const ratio = canvas.width / cssWidth;
      return { blob, width: canvas.width, height: canvas.height, pixelRatio: ratio, metresPerPixel: metresPerPixel(map) / ratio };
    } finally {
      if (map.getPixelRatio() !== original) {
        map.setPixelRatio(original);
        opts.onPixelRatio?.(original);
      }
    }
  };
  const result = capturing.then(run, run);
  capturing = result.catch(() => undefined);
  return result;
}
