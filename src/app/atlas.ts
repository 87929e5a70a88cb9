import { i18n, type Locale } from '../i18n';
import { startBrowserEngine } from '../db/browser-engine';
import { rowsOf, type SqlEngine } from '../db/engine';
import { fetchAsset } from '../db/fetch-asset';
import { loadProgramme, loadUnits } from '../db/load';
import { focusLayerOf, type BoundaryLayer } from '../db/schema';
import { statusClasses, type StatusClass } from '../db/sql/status';
import {
  featureInfoSQL, featureStatusSQL, provincesSQL, statusCountsSQL, withoutBoundarySQL, yearsSQL,
} from '../db/sql/map-queries';
import { boundsOfFeatures } from '../geo/boundary-geometry';
import { AtlasMap, nationalBounds, type HoverEvent } from '../map/atlas-map';
import { Store } from '../state/store';
import { initialState, type AppState, type FeatureInfo } from '../state/app-state';
import {
  communeOutlines, districtLabels, districtOutlines, islandDots, loadDrawableLayer, provinceLabels, provinceLand, seaLabels, type DrawableLayer,
} from './base-layers';

/** Per drawn layer: what SQL said about each feature. */
interface LayerData {
  info: FeatureInfo[];
  status: Uint8Array;
  criteriaMet: Int32Array;
}

export interface Timings {
  /** ms from navigation start */
  dataReady?: number;
  firstFrame?: number;
  firstColouredFrame?: number;
  engineStarted?: number;
  unitsLoaded?: number;
  programmeLoaded?: number;
}

/**
 * Orchestrates data and map: starts DuckDB and the geometry downloads in parallel, draws outlines first,
 * colours from SQL when the engine answers, and re-queries on every change of province, year or language.
 */
export class Atlas {
  readonly state = new Store<AppState>(initialState);
  readonly hover = new Store<{ event: HoverEvent | null }>({ event: null });
  readonly timings: Timings = {};
  readonly ready: Promise<void>;
  engine: SqlEngine | null = null;

  private map: AtlasMap | null = null;
  private activeLayer: BoundaryLayer = 'communes';
  private drawable: DrawableLayer | null = null;
  private data = new Map<string, LayerData>();
  private colourVersion = 0;
  private resolveReady!: () => void;
  private rejectReady!: (e: unknown) => void;
  private request = 0;

  constructor(initial: Partial<AppState> = {}) {
    this.state.set(initial);
    this.ready = new Promise((res, rej) => {
      this.resolveReady = res;
      this.rejectReady = rej;
    });
    // Keep an unobserved rejection from surfacing as an unhandled error; the UI shows state.error.
    this.ready.catch(() => undefined);
  }

  layerData(): LayerData | undefined {
    return this.data.get(this.dataKey());
  }

  drawableLayer(): DrawableLayer | null {
    return this.drawable;
  }

  mapInstance() {
    return this.map?.map ?? null;
  }

  async start(container: HTMLElement): Promise<void> {
    if (this.map) return; // React StrictMode runs effects twice in development
    if (this.state.get().locale !== 'vi') this.setLocale(this.state.get().locale);
    this.map = new AtlasMap(container, {
      onHover: (event) => this.hover.set({ event: event.featureIndex === null ? null : event }),
      onClick: (feature) => this.select(feature === null ? null : (this.layerData()?.info[feature]?.code ?? null)),
    });
    const enginePromise = startBrowserEngine().then(async (engine) => {
      this.timings.engineStarted = performance.now();
      await loadUnits(engine, fetchAsset);
      this.timings.unitsLoaded = performance.now();
      await loadProgramme(engine, fetchAsset);
      this.timings.programmeLoaded = performance.now();
      return engine;
    });
    try {
      await this.drawBase();
      await this.showProvince(false);
      void this.map.nextFrame().then(() => (this.timings.firstFrame ??= performance.now()));
      this.engine = await enginePromise;
      await this.loadLists();
      this.timings.dataReady = performance.now();
      await this.refresh();
      this.state.set({ phase: 'ready' });
      this.resolveReady();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.state.set({ phase: 'error', error: message });
      this.rejectReady(error);
    }
  }

  async setProvince(province: string | null): Promise<void> {
    this.state.set({ province, selectedCode: null });
    await this.showProvince(true);
    await this.refresh();
  }

  async setYear(year: number): Promise<void> {
    this.state.set({ year });
    await this.refresh();
  }

  setLocale(locale: Locale): void {
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    this.state.set({ locale });
    void this.drawBase();
  }

  select(code: string | null): void {
    this.state.set({ selectedCode: code });
    this.recolour();
  }

  /** Resolves once the map has drawn everything requested so far. */
  async settled(): Promise<void> {
    await this.map?.idle();
  }

  private dataKey(): string {
    return `${this.activeLayer}|${this.state.get().year}`;
  }

  private async drawBase(): Promise<void> {
    const [provinces, districts] = await Promise.all([loadDrawableLayer('provinces'), loadDrawableLayer('districts')]);
    const { province } = this.state.get();
    const map = this.map!;
    await Promise.all([
      map.setBaseSource('provinces', provinceLand(provinces, province)),
      map.setBaseSource('districts', districtOutlines(districts)),
      map.setBaseSource('province-labels', provinceLabels(provinces, province)),
      map.setBaseSource('district-labels', districtLabels(districts, province)),
      map.setBaseSource('sea-labels', seaLabels(districts, (k) => i18n.t(k))),
      map.setBaseSource('islands', islandDots(districts)),
      ...(this.drawable ? [map.setBaseSource('commune-lines', communeOutlines(this.drawable, province))] : []),
    ]);
  }

  /** Switches the drawn layer (focus provinces have full-detail geometry) and zooms to the province. */
  private async showProvince(animate: boolean): Promise<void> {
    const { province } = this.state.get();
    this.activeLayer = (province && focusLayerOf[province]) || 'communes';
    this.drawable = await loadDrawableLayer(this.activeLayer);
    const d = this.drawable;
    const bounds = province === null ? nationalBounds : boundsOfFeatures(d.geometry, (i) => d.provinceCode[i] === province);
    this.map!.fitBounds(bounds ?? nationalBounds, animate);
    void this.drawBase();
    this.recolour();
  }

  private visibleFeature(): (i: number) => boolean {
    const { province } = this.state.get();
    const d = this.drawable!;
    return province === null ? () => true : (i) => d.provinceCode[i] === province;
  }

  private recolour(): void {
    if (!this.map || !this.drawable) return;
    const d = this.drawable;
    const data = this.layerData();
    const visible = this.visibleFeature();
    const selectedCode = this.state.get().selectedCode;
    const selectedFeature = selectedCode === null ? null : d.code.indexOf(selectedCode);
    this.colourVersion++;
    this.map.setCommunes({
      geometry: d.geometry,
      status: data?.status ?? null,
      visible,
      colourVersion: this.colourVersion,
      selectedFeature: selectedFeature !== null && selectedFeature >= 0 ? selectedFeature : null,
    });
    let drawn = 0;
    for (let i = 0; i < d.geometry.nFeatures; i++) if (d.kind[i] === 'unit' && visible(i)) drawn++;
    this.state.set({ communesDrawn: drawn });
    if (data && this.timings.firstColouredFrame === undefined) {
      void this.map.nextFrame().then(() => (this.timings.firstColouredFrame ??= performance.now()));
    }
  }

  private async loadLists(): Promise<void> {
    const e = this.engine!;
    const years = rowsOf<{ year: number }>(await e.query(yearsSQL)).map((r) => r.year);
    const provinces = rowsOf<{ province_code: string; province_name: string }>(await e.query(provincesSQL)).map((r) => ({
      code: r.province_code,
      name: r.province_name,
    }));
    const year = years.includes(this.state.get().year) ? this.state.get().year : years[years.length - 1];
    const illustrative = rowsOf<{ any: boolean }>(
      await e.query(`SELECT bool_or(provenance = 'illustrative') AS "any" FROM commune_year`),
    )[0].any;
    const { province } = this.state.get();
    const knownProvince = province === null || provinces.some((p) => p.code === province);
    this.state.set({ years, provinces, year, illustrative: Boolean(illustrative) });
    if (!knownProvince) {
      this.state.set({ notice: i18n.t('app.unknownProvince', { code: province }) });
      await this.setProvince(initialState.province);
    }
  }

  /** Re-runs the SQL for the current layer/year/province and recolours. Stale answers are dropped. */
  private async refresh(): Promise<void> {
    const e = this.engine;
    if (!e) return;
    const request = ++this.request;
    const { year, province } = this.state.get();
    const layer = this.activeLayer;
    const key = this.dataKey();
    const [status, info, counts, without] = await Promise.all([
      this.data.has(key) ? null : e.query(featureStatusSQL, [year, layer]),
      this.data.has(key) ? null : this.featureInfo(layer),
      e.query(statusCountsSQL, [year, province, province]),
      province === null ? null : e.query(withoutBoundarySQL, [layer, province]),
    ]);
    if (status && info) {
      const n = this.drawable!.geometry.nFeatures;
      const statusArr = new Uint8Array(n).fill(statusClasses.indexOf('no_data'));
      const criteria = new Int32Array(n).fill(-1);
      const fi = status.getChild('feature_index')!.toArray() as Int32Array;
      const st = status.getChild('status')!.toArray() as Uint8Array;
      const cm = status.getChild('criteria_met')!;
      for (let r = 0; r < fi.length; r++) {
        statusArr[fi[r]] = st[r];
        const c = cm.get(r);
        criteria[fi[r]] = c === null ? -1 : Number(c);
      }
      this.data.set(key, { info, status: statusArr, criteriaMet: criteria });
    }
    if (request !== this.request) return;
    const countMap: Partial<Record<StatusClass, number>> = {};
    for (const r of rowsOf<{ status: number; n: number }>(counts)) countMap[statusClasses[r.status]] = r.n;
    this.state.set({
      counts: countMap,
      withoutBoundary: without
        ? rowsOf<{ commune_code: string; commune_name: string; district_name: string; polygon_note: string | null }>(without).map(
            (r) => ({ code: r.commune_code, name: r.commune_name, districtName: r.district_name, note: r.polygon_note }),
          )
        : [],
    });
    this.recolour();
  }

  private infoCache = new Map<BoundaryLayer, Promise<FeatureInfo[]>>();
  private featureInfo(layer: BoundaryLayer): Promise<FeatureInfo[]> {
    let p = this.infoCache.get(layer);
    if (!p) {
      p = this.engine!.query(featureInfoSQL, [layer]).then((t) =>
        rowsOf<Record<string, string | null>>(t).map((r) => ({
          code: r.code,
          kind: r.kind ?? 'unit',
          name: r.name ?? '',
          districtName: r.district_name,
          provinceName: r.province_name,
          provinceCode: r.province_code,
          coversCodes: r.covers_codes,
        })),
      );
      this.infoCache.set(layer, p);
    }
    return p;
  }
}
