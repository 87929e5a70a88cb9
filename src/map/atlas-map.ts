import { Map as MapLibreMap, prewarm, setWorkerUrl, type FilterSpecification, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import { flaggedLayerIds, offlineStyle, overlayBeforeId, palette } from './style';
import { loadBasemapLand } from '../geo/basemap-land';
import { communeLayer, emptyCommuneLayer, vertexColoursFor, writeVertexColours, type VertexColours } from './commune-layer';
import { landBeforeId, landData, landLayer, type LandData } from './land-layer';
import { softwareRendering } from './renderer';
import { DeckSync } from './deck-sync';
import { captureMapPng, type MapPng } from './capture-png';
import type { BoundaryGeometry } from '../geo/boundary-geometry';
import { sameElements } from '../common/same-elements';

setWorkerUrl(workerUrl);
// MapLibre's worker (its script fetched and compiled: about 0.2 s here) starts while the app mounts, not when the
// map is created: every source's first tiles, and so the first frame, wait for it
prewarm();

export interface HoverEvent {
  featureIndex: number | null;
  x: number;
  y: number;
}

export type BaseSourceId =
  | 'provinces' | 'districts' | 'province-labels' | 'district-labels' | 'sea-labels' | 'commune-lines' | 'islands' | 'sponsored'
  | 'basemap-land' | 'basemap-labels' | 'lineage' | 'selected';

export type Bounds = [number, number, number, number];

/** Whole of Việt Nam including Hoàng Sa and Trường Sa. */
export const nationalBounds: Bounds = [102.1, 7.9, 117.9, 23.5];

/** The communes to draw: one colour per feature, the map expands it to its vertices. */
export interface CommuneDraw {
  /** Drawn at every zoom, or below DETAIL_ZOOM when `detail` is given. */
  geometry: BoundaryGeometry;
  /** Finer geometry of the same features in the same order, fetched the first time the map is zoomed in to DETAIL_ZOOM. */
  detail?: () => Promise<BoundaryGeometry>;
  /** RGBA per feature (nFeatures * 4), alpha 0 = not drawn. */
  featureColours: Uint8Array;
  /** Bumped whenever featureColours changed. */
  colourVersion: number;
}

/**
 * From this zoom on, a layer's detail geometry replaces its overview: the overview is simplified by 0.004°
 * (geo/pipeline.ts OVERVIEW_LODS), under a pixel up to about zoom 7.
 */
export const DETAIL_ZOOM = 7;

/** The longest the map stays hidden waiting for the neighbours' land (AtlasMap.landLoaded). */
const LAND_WAITS_AT_MOST_MS = 3000;

/**
 * The map: MapLibre for the offline base (land, outlines, labels) and deck.gl interleaved for the communes.
 * Knows nothing about SQL: it is handed GeoJSON for the base and typed arrays for the communes.
 */
export class AtlasMap {
  readonly map: MapLibreMap;
  private overlay: MapLibreOverlay;
  private deckSync: DeckSync;
  private loaded: Promise<void>;

  constructor(container: HTMLElement, handlers: { onHover: (e: HoverEvent) => void; onClick: (featureIndex: number | null) => void }) {
    this.map = new MapLibreMap({
      container,
      style: offlineStyle(),
      bounds: nationalBounds,
      attributionControl: false,
      // MSAA quadruples the cost of every frame where WebGL is rasterised on the CPU (SwiftShader: no usable GPU)
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: !softwareRendering() },
      // labels appear at once, as with 0; but 0 makes MapLibre place every label again in every frame (a recolour
      // included), while any fade lets it skip placement when the view did not move
      fadeDuration: 1,
      // room for 4x exports of a full-screen map
      maxCanvasSize: [8192, 8192],
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onHover: (info) => handlers.onHover({ featureIndex: info.picked ? this.featureOf(info.index) : null, x: info.x, y: info.y }),
      onClick: (info) => handlers.onClick(info.picked ? this.featureOf(info.index) : null),
    });
    this.map.addControl(this.overlay);
    this.deckSync = new DeckSync(this.map, this.overlay);
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    // the land's and the communes' layer groups slotted under their style layers now, while no source is loading
    // (see drawOverlay)
    void this.loaded.then(() => {
      this.styleLoaded = true;
      this.drawOverlay();
    });
    // no frame shows land in the sea colour, nor the land without the communes: the canvas stays hidden (the
    // container shows a land tone) until the land and the communes are handed over to deck.gl, and is shown with
    // the first frame drawn after both (the land shown alone would cost a second rasterised frame before the
    // communes appear: on the CPU where there is no GPU, a frame of the national communes takes about a second)
    const canvas = this.map.getCanvas();
    canvas.style.visibility = 'hidden';
    container.style.backgroundColor = palette.landOther;
    // a safety net only: neither the canvas nor the first coloured map waits longer than this for the land
    const atMost = () => new Promise<void>((resolve) => setTimeout(resolve, LAND_WAITS_AT_MOST_MS));
    this.landLoaded = Promise.race([this.loadLand(), atMost()]);
    const communesIn = new Promise<void>((resolve) => (this.communesHandedOver = resolve));
    // MapLibre keeps running frames while the canvas is hidden: they request tiles and place labels, and are
    // needed. Their painting is not: about ten frames before the map is shown, each drawn in full (rasterised on
    // the CPU where there is no GPU) while the page still loads. The frame that shows the map paints it once.
    const painter = this.map.painter;
    const paint = painter.render;
    painter.render = () => undefined;
    this.canvasShown = Promise.all([this.landLoaded, Promise.race([communesIn, atMost()])]).then(
      () =>
        new Promise<number>((resolve) => {
          painter.render = paint;
          // the frame that shows the map draws the communes just handed over
          this.deckSync.applyNow();
          this.map.once('render', () => {
            canvas.style.visibility = '';
            this.shown = true;
            resolve(performance.now());
          });
          this.map.triggerRepaint();
        }),
    );
    this.map.on('zoom', () => {
      if (this.communes?.detail && this.wantsDetail() !== (this.drawnGeometry !== this.communes.geometry)) this.drawCommunes();
    });
  }

  /**
   * Resolves once the land is handed over to deck.gl with the style loaded (or could not be loaded, or after 3 s).
   * The canvas is shown with the first frame after it and the communes: no frame shows the neighbours in the sea colour.
   */
  readonly landLoaded: Promise<void>;
  /** When (performance.now()) the canvas was shown: the first frame drawn once the land and the communes are in. */
  readonly canvasShown: Promise<number>;
  /** Whether the canvas was shown (canvasShown): until then the frame that shows it draws what was handed over. */
  private shown = false;
  private communesHandedOver!: () => void;

  private async loadLand(): Promise<void> {
    try {
      this.land = landData(await loadBasemapLand());
      // drawn with the communes' group once the style has loaded (the constructor's 'load' handler), or now
      if (this.styleLoaded) this.drawOverlay();
      await this.loaded;
    } catch (e) {
      console.error(e);
    }
  }

  /** Whether MapLibre's 'load' has fired. */
  private styleLoaded = false;
  /** The land's deck.gl data, once decoded. */
  private land: LandData | null = null;
  private communes: CommuneDraw | null = null;
  /** The detail geometry of the current draw, once fetched. */
  private detail: { load: () => Promise<BoundaryGeometry>; loading: boolean; geometry: BoundaryGeometry | null } | null = null;
  private drawnGeometry: BoundaryGeometry | null = null;
  /** Per-vertex colour buffers of the geometries this map draws, each with the colour version it holds. */
  private vertexBuffers = new Map<BoundaryGeometry, { colours: VertexColours; version: number }>();

  private featureOf(polygonIndex: number): number | null {
    const g = this.drawnGeometry;
    return g && polygonIndex >= 0 ? g.polygonFeature[polygonIndex] : null;
  }

  private wantsDetail(): boolean {
    return this.map.getZoom() >= DETAIL_ZOOM;
  }

  /** The data last given to each base source (exports copy it without a round trip to MapLibre's worker). */
  private baseData = new Map<BaseSourceId, GeoJSON.FeatureCollection>();

  baseSources(): ReadonlyMap<BaseSourceId, GeoJSON.FeatureCollection> {
    return this.baseData;
  }

  async setBaseSource(id: BaseSourceId, data: GeoJSON.FeatureCollection) {
    // the same data again (base-map.ts builds what never changes once): no copy to MapLibre's worker, no tiling
    if (this.baseData.get(id) === data) return;
    this.baseData.set(id, data);
    await this.loaded;
    (this.map.getSource(id) as GeoJSONSource).setData(data);
    this.showLayersWithSomethingToDraw();
  }

  /** The districts or provinces each flagged layer outlines, as last set (none in the style's filter). */
  private flagged: Record<string, readonly string[]> = {};

  /** Hides the layers with nothing to draw, shows the others (see `hiddenAtStart` in style.ts for why). */
  private showLayersWithSomethingToDraw() {
    for (const id of this.map.getLayersOrder()) {
      const source = this.map.getLayer(id)?.source as BaseSourceId | undefined;
      const data = source ? this.baseData.get(source) : undefined;
      // sources never set yet keep their layers hidden, as the style starts them
      if (!data) continue;
      const show = data.features.length > 0 && (this.flagged[id]?.length ?? 1) > 0;
      const visibility = show ? 'visible' : 'none';
      if ((this.map.getLayoutProperty(id, 'visibility') ?? 'visible') !== visibility) this.map.setLayoutProperty(id, 'visibility', visibility);
    }
  }

  setCommunes(draw: CommuneDraw) {
    const c = this.communes;
    // nothing new to draw: no hand-over, which would make deck.gl draw a frame (new views on every setProps)
    if (c && c.geometry === draw.geometry && c.detail === draw.detail && c.featureColours === draw.featureColours && c.colourVersion === draw.colourVersion) return;
    if (this.communes && (this.communes.geometry !== draw.geometry || this.communes.detail !== draw.detail)) {
      for (const g of this.vertexBuffers.keys()) if (g !== draw.geometry) this.vertexBuffers.delete(g);
    }
    if (this.detail?.load !== draw.detail) this.detail = draw.detail ? { load: draw.detail, loading: false, geometry: null } : null;
    this.communes = draw;
    this.drawCommunes();
    this.communesHandedOver();
  }

  /** The geometry for the current zoom (fetching the detail the first time it is needed), coloured and handed to deck.gl. */
  private drawCommunes() {
    const draw = this.communes;
    if (!draw) return;
    let geometry = draw.geometry;
    const detail = this.detail;
    if (detail && this.wantsDetail()) {
      if (detail.geometry) geometry = detail.geometry;
      else if (!detail.loading) {
        detail.loading = true;
        detail.load().then(
          (g) => {
            detail.geometry = g;
            if (this.detail === detail) this.drawCommunes();
          },
          // the overview stays drawn; not asked again on every zoom frame of this layer
          (e: unknown) => console.warn('detail geometry not loaded:', e),
        );
      }
    }
    this.drawnGeometry = geometry;
    this.drawOverlay();
  }

  /** Hands deck.gl its layers: the land, and the communes (an empty layer before they are in). */
  private drawOverlay() {
    const communes = this.communes && this.drawnGeometry
      ? this.communeLayerOf(this.drawnGeometry, this.communes)
      : emptyCommuneLayer({ id: 'communes', beforeId: overlayBeforeId });
    const layers = [...(this.land ? [landLayer(this.land)] : []), communes];
    this.overlay.setProps({ layers });
    // deck.gl applies the layers in its animation frame callback, then asks MapLibre for a frame: asked from
    // there, that frame waits for the next animation frame (16 ms later, while the page paints the panel's changes).
    // Asked now, MapLibre's callback comes after deck.gl's in the same animation frame and draws the new layers.
    // Not before the map is shown: hidden frames asked for while loading put the first coloured frame 8 % later.
    if (this.shown) this.map.triggerRepaint();
    // deck.gl only slots its layer under `beforeId` while the style reports loaded; a GeoJSON setData in flight
    // makes it skip, and the communes would then cover every outline and label. Slot it as soon as the sources are
    // in: waiting for 'idle' drew two more frames (the layer added, then its placement), each rasterised on the CPU
    // where there is no GPU, while DuckDB compiles at start-up.
    if (!this.map.isStyleLoaded()) this.slotOnceLoaded(layers);
  }

  /** The layers to slot once the style has loaded (null: none waiting). */
  private unslotted: unknown[] | null = null;

  private slotOnceLoaded(layers: unknown[]) {
    const waiting = this.unslotted !== null;
    this.unslotted = layers;
    if (waiting) return;
    const check = () => {
      if (!this.unslotted || !this.map.isStyleLoaded()) return;
      const latest = this.unslotted;
      this.unslotted = null;
      this.map.off('sourcedata', check);
      this.map.off('idle', check);
      this.ensureOverlayOrder(latest);
    };
    this.map.on('sourcedata', check);
    this.map.on('idle', check);
  }

  private communeLayerOf(geometry: BoundaryGeometry, draw: CommuneDraw, id = 'communes') {
    let buffer = this.vertexBuffers.get(geometry);
    if (!buffer) this.vertexBuffers.set(geometry, (buffer = { colours: vertexColoursFor(geometry), version: -1 }));
    if (buffer.version !== draw.colourVersion) {
      writeVertexColours(buffer.colours, draw.featureColours);
      buffer.version = draw.colourVersion;
    }
    return communeLayer({ id, geometry, vertexColours: buffer.colours, colourVersion: draw.colourVersion, beforeId: overlayBeforeId });
  }

  /** Each deck.gl layer group right under its style layer: the land's (when drawn) and the communes'. */
  private ensureOverlayOrder(layers: unknown[]) {
    const order = this.map.getLayersOrder();
    for (const beforeId of this.land ? [landBeforeId, overlayBeforeId] : [overlayBeforeId]) {
      const groupId = `deck-maplibre-layer-group-before:${beforeId}`;
      const at = order.indexOf(groupId);
      if (at < 0) {
        this.overlay.setProps({ layers: [...(layers as never[])] });
        return;
      }
      if (order[at + 1] !== beforeId) this.map.moveLayer(groupId, beforeId);
    }
  }

  /** Outlines districts (or provinces in the national view) that are behind their target trajectory. */
  async setFlagged(level: 'district' | 'province', codes: string[]) {
    await this.loaded;
    const filter = (list: string[]) => ['in', ['get', 'code'], ['literal', list]] as never;
    for (const [layerLevel, id] of Object.entries(flaggedLayerIds)) {
      const list = layerLevel === level ? codes : [];
      const unchanged = sameElements(this.flagged[id] ?? [], list);
      this.flagged[id] = list;
      // MapLibre draws a frame on every setFilter, an unchanged one included (after each switch, the planner's)
      if (!unchanged) this.map.setFilter(id, filter(list));
    }
    this.showLayersWithSomethingToDraw();
  }

  fitBounds(bounds: Bounds, animate: boolean) {
    this.map.fitBounds(bounds, { padding: 24, animate, duration: animate ? 600 : 0 });
  }

  /**
   * The map as PNG at 1x/2x/4x. deck.gl in interleaved mode ignores a pixel ratio changed at run time (it only
   * follows the ratio the map was created with), so higher scales are drawn by a hidden copy of the map made
   * at that ratio, with the same camera, sources, filters and commune colours.
   */
  async capturePng(scale: 1 | 2 | 4): Promise<MapPng> {
    if (scale === 1 && window.devicePixelRatio === 1) return captureMapPng(this.map, 1);
    const live = this.map;
    const host = document.createElement('div');
    const { width, height } = live.getContainer().getBoundingClientRect();
    host.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;height:${height}px;`;
    host.setAttribute('aria-hidden', 'true');
    document.body.append(host);
    const copy = new MapLibreMap({
      container: host,
      style: offlineStyle(),
      center: live.getCenter(),
      zoom: live.getZoom(),
      pixelRatio: scale * window.devicePixelRatio,
      maxCanvasSize: [16384, 16384],
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: scale === 1 },
      interactive: false,
      attributionControl: false,
    });
    try {
      await new Promise<void>((resolve) => copy.once('load', () => resolve()));
      // the deck.gl layer first, while the style is loaded, so it is slotted under the outlines and labels
      if (this.communes && this.drawnGeometry) {
        const land = this.land ? [landLayer(this.land)] : [];
        copy.addControl(new MapLibreOverlay({ interleaved: true, layers: [...land, this.communeLayerOf(this.drawnGeometry, this.communes)] }));
      }
      for (const [id, data] of this.baseData) (copy.getSource(id) as GeoJSONSource).setData(data);
      for (const id of Object.values(flaggedLayerIds)) copy.setFilter(id, (live.getFilter(id) as FilterSpecification | undefined) ?? null);
      for (const layer of live.getStyle().layers) copy.setLayoutProperty(layer.id, 'visibility', live.getLayoutProperty(layer.id, 'visibility') ?? 'visible');
      // the copy rarely reports 'idle' (deck.gl keeps a redraw pending): wait for its sources instead
      for (let waited = 0; !copy.loaded() && waited < 4000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      return await captureMapPng(copy, scale, { timeoutMs: 600 });
    } finally {
      copy.remove();
      host.remove();
    }
  }

  /** Resolves after the next frame MapLibre (and deck.gl with it) has drawn. */
  nextFrame(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('render', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** Resolves when the map has nothing left to load or draw. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving()) this.map.once('idle', () => resolve());
      else this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }
}
