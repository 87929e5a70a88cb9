/**
 * The app's commune layer (src/map/commune-layer.ts, deck.gl interleaved in MapLibre) alone, on a canvas the size
 * of the app's map (840 x 736 at 1280 x 800), for what the app cannot switch at run time: the level of detail
 * (full geom_communes.bin vs geom_communes.overview.bin) and MSAA (antialias). Measures, per setting: decode time
 * (cold, first call), first frame, frame raster time with the GPU drained (SwiftShader runs on the CPU here), and
 * the colour update after a recolour (deck.gl's attribute update). Driven by tests/bench/run.ts (window.benchRaster).
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import { communeLayer, vertexColoursFor, writeVertexColours } from '../src/map/commune-layer';
import { loadBoundaryGeometry, type BoundaryLod } from '../src/geo/boundary-geometry';

setWorkerUrl(workerUrl);

const now = () => performance.now();
const nationalBounds: [number, number, number, number] = [102.1, 7.9, 117.9, 23.5];

interface Options {
  lod: BoundaryLod;
  antialias: boolean;
  frames: number;
  recolours: number;
}

type Bench = {
  deckUpdates: { at: number; ms: number }[];
  instrumentDeck(map: unknown): boolean;
  drainGpu(map: unknown): void;
};
const bench = () => (window as unknown as { __bench: Bench }).__bench;

async function run(opts: Options) {
  const container = document.getElementById('map')!;
  const tLoad = now();
  const geometry = await loadBoundaryGeometry('communes', opts.lod);
  const loadMs = now() - tLoad;
  const map = new MapLibreMap({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#c6dbe9' } }] },
    bounds: nationalBounds,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: opts.antialias },
  });
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  const colours = new Uint8Array(geometry.nFeatures * 4);
  const paint = (seed: number) => {
    for (let f = 0; f < geometry.nFeatures; f++) {
      const k = (f * 2654435761 + seed * 40503) >>> 24;
      colours.set([k, 255 - k, (k * 7) & 255, 255], f * 4);
    }
  };
  let version = 0;
  const vertexColours = vertexColoursFor(geometry);
  const setLayer = () => {
    writeVertexColours(vertexColours, colours);
    overlay.setProps({ layers: [communeLayer({ id: 'communes', geometry, vertexColours, colourVersion: ++version, beforeId: undefined as unknown as string })] });
  };
  const rendered = () => new Promise<void>((resolve) => map.once('render', () => resolve()));
  paint(0);
  const t0 = now();
  setLayer();
  await rendered();
  bench().drainGpu(map);
  const firstFrameMs = now() - t0;
  bench().instrumentDeck(map);

  const frames: number[] = [];
  for (let i = 0; i < opts.frames; i++) {
    bench().drainGpu(map);
    const t = now();
    const r = rendered();
    map.triggerRepaint();
    await r;
    bench().drainGpu(map);
    frames.push(now() - t);
  }
  const recolour: { paintMs: number; deckMs: number }[] = [];
  for (let i = 1; i <= opts.recolours; i++) {
    bench().drainGpu(map);
    const mark = bench().deckUpdates.length;
    const t = now();
    paint(i);
    setLayer();
    const paintMs = now() - t;
    while (bench().deckUpdates.length === mark) await new Promise((r) => requestAnimationFrame(r));
    await rendered();
    recolour.push({ paintMs, deckMs: bench().deckUpdates.slice(mark).reduce((s, u) => s + u.ms, 0) });
  }
  // a grid of pixels, for checking that settings draw the same colours
  const gl = (map as unknown as { painter: { context: { gl: WebGL2RenderingContext } } }).painter.context.gl;
  const pixels: number[] = [];
  const px = new Uint8Array(4);
  for (let gy = 1; gy < 12; gy++) {
    for (let gx = 1; gx < 12; gx++) {
      gl.readPixels(Math.round((gx * gl.drawingBufferWidth) / 12), Math.round((gy * gl.drawingBufferHeight) / 12), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      pixels.push((px[0] << 16) | (px[1] << 8) | px[2]);
    }
  }
  map.remove();
  return {
    ...opts,
    vertices: geometry.positions.length / 2,
    triangles: geometry.triangles.length / 3,
    bytes: geometry.bytes,
    loadMs,
    decodeMs: geometry.decodeMs,
    firstFrameMs,
    frames,
    recolour,
    pixels,
  };
}

(window as unknown as { benchRaster: unknown }).benchRaster = { run };
