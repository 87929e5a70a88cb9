import { Map as MapLibreMap, setWorkerUrl, type FilterSpecification, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import { offlineStyle, overlayBeforeId } from './style';
import { communeLayer, type CommuneLayerProps } from './commune-layer';
import { captureMapPng, type MapPng } from '../export/png-export';

setWorkerUrl(workerUrl);

export interface HoverEvent {
  featureIndex: number | null;
  x: number;
  y: number;
}

export type BaseSourceId = 'provinces' | 'districts' | 'province-labels' | 'district-labels' | 'sea-labels' | 'commune-lines' | 'islands' | 'sponsored';

export type Bounds = [number, number, number, number];

/** Whole of Việt Nam including Hoàng Sa and Trường Sa. */
export const nationalBounds: Bounds = [102.1, 7.9, 117.9, 23.5];

/**
 * The map: MapLibre for the offline base (land, outlines, labels) and deck.gl interleaved for the communes.
 * Knows nothing about SQL: it is handed GeoJSON for the base and typed arrays for the communes.
 */
export class AtlasMap {
  readonly map: MapLibreMap;
  private overlay: MapLibreOverlay;
  private loaded: Promise<void>;

  constructor(container: HTMLElement, handlers: { onHover: (e: HoverEvent) => void; onClick: (featureIndex: number | null) => void }) {
    this.map = new MapLibreMap({
      container,
      style: offlineStyle(),
      bounds: nationalBounds,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
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
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
  }

  private polygonFeature: Uint32Array | null = null;
  private communeProps: Omit<CommuneLayerProps, 'beforeId' | 'id'> | null = null;
  private featureOf(polygonIndex: number): number | null {
    return this.polygonFeature && polygonIndex >= 0 ? this.polygonFeature[polygonIndex] : null;
  }

  /** The data last given to each base source (exports copy it without a round trip to MapLibre's worker). */
  private baseData = new Map<BaseSourceId, GeoJSON.FeatureCollection>();

  baseSources(): ReadonlyMap<BaseSourceId, GeoJSON.FeatureCollection> {
    return this.baseData;
  }

  async setBaseSource(id: BaseSourceId, data: GeoJSON.FeatureCollection) {
    this.baseData.set(id, data);
    await this.loaded;
    (this.map.getSource(id) as GeoJSONSource).setData(data);
  }

  setCommunes(props: Omit<CommuneLayerProps, 'beforeId' | 'id'>) {
    // deck.gl picks polygons; the app thinks in features
    this.polygonFeature = props.geometry.polygonFeature;
    this.communeProps = props;
    const layers = [communeLayer({ ...props, id: 'communes', beforeId: overlayBeforeId })];
    this.overlay.setProps({ layers });
    // deck.gl only slots its layer under `beforeId` while the style reports loaded; a GeoJSON setData in flight
    // makes it skip, and the communes would then cover every outline and label. Check again once idle.
    if (!this.map.isStyleLoaded()) this.map.once('idle', () => this.ensureOverlayOrder(layers));
  }

  private ensureOverlayOrder(layers: unknown[]) {
    const groupId = `deck-maplibre-layer-group-before:${overlayBeforeId}`;
    const order = this.map.getLayersOrder();
    const at = order.indexOf(groupId);
    if (at < 0) this.overlay.setProps({ layers: [...(layers as never[])] });
    else if (order[at + 1] !== overlayBeforeId) this.map.moveLayer(groupId, overlayBeforeId);
  }

  /** Outlines districts (or provinces in the national view) that are behind their target trajectory. */
  async setFlagged(level: 'district' | 'province', codes: string[]) {
    await this.loaded;
    const filter = (list: string[]) => ['in', ['get', 'code'], ['literal', list]] as never;
    this.map.setFilter('district-flagged', filter(level === 'district' ? codes : []));
    this.map.setFilter('province-flagged', filter(level === 'province' ? codes : []));
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
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      interactive: false,
      attributionControl: false,
    });
    try {
      await new Promise<void>((resolve) => copy.once('load', () => resolve()));
      // the deck.gl layer first, while the style is loaded, so it is slotted under the outlines and labels
      if (this.communeProps) {
        copy.addControl(new MapLibreOverlay({ interleaved: true, layers: [communeLayer({ ...this.communeProps, id: 'communes', beforeId: overlayBeforeId })] }));
      }
      for (const [id, data] of this.baseData) (copy.getSource(id) as GeoJSONSource).setData(data);
      for (const id of ['district-flagged', 'province-flagged']) copy.setFilter(id, (live.getFilter(id) as FilterSpecification | undefined) ?? null);
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
