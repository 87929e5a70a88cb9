import { i18n, type Locale } from '../i18n';
import { bootEngine, bootTimings } from '../boot';
import { rowsOf, type SqlEngine } from '../db/engine';
import { fetchAsset } from '../db/fetch-asset';
import { loadCore, loadRest } from '../db/load';
import { focusLayerOf, type BoundaryLayer } from '../db/schema';
import { realOnlyYearsSQL, provincesSQL, withoutBoundarySQL, yearsSQL } from '../db/sql/map-queries';
import { indicatorsMatrixSQL, needsPoverty } from '../db/sql/indicator-values';
import { indicatorParams, type IndicatorId } from '../indicators/registry';
import type { ClassMethod } from '../classify/classify';
import { boundsOfFeatures, toGeoJSON } from '../geo/boundary-geometry';
import { AtlasMap, nationalBounds, type HoverEvent } from '../map/atlas-map';
import { unattributedColour } from '../map/status-colours';
import { Store } from '../state/store';
import { initialState, type AppState } from '../state/app-state';
import { colourUnits, type Colouring } from './colouring';
import { plannerRows } from './planner';
import { loadDeck, type SlideView } from '../present/slides';
import { ImportService } from '../import/service/imports';
import { featureUnits, loadUnitList, type UnitList } from './unit-list';
import {
  communeOutlines, districtLabels, districtOutlines, finestGeometry, islandDots, loadDrawableLayer, provinceLabels, provinceLand, seaLabels,
  type DrawableLayer,
} from './base-layers';

export interface Timings {
  /** ms from navigation start */
  dataReady?: number;
  firstFrame?: number;
  firstColouredFrame?: number;
  /** the first module ran (src/boot.ts) and DuckDB's worker was started */
  bootStarted?: number;
  engineStarted?: number;
  /** the unit list read back (names, hierarchy) */
  unitList?: number;
  /** unit tables and the NTM series in DuckDB (see loadCore) */
  coreLoaded?: number;
  /** every other table too (poverty, boundary attributes, sponsors...) */
  allLoaded?: number;
  /** CPU time of the last recolour (slice + classify + colour + layer update), ms */
  lastRecolourMs?: number;
}

/**
 * Orchestrates data and map: starts DuckDB and the geometry downloads in parallel, draws outlines first,
 * colours from SQL when the engine answers. An indicator is fetched once for all years (one SQL query);
 * changing the year only slices that matrix and rewrites the colour attribute.
 */
export class Atlas {
  readonly state = new Store<AppState>(initialState);
  readonly hover = new Store<{ event: HoverEvent | null }>({ event: null });
  readonly timings: Timings = {};
  readonly ready: Promise<void>;
  /** The engine for the UI: set once every table is loaded. */
  engine: SqlEngine | null = null;
  /** The engine for the atlas itself, from the moment the core tables are in. */
  private db: SqlEngine | null = null;
  private restLoaded: Promise<void> | null = null;
  private baseDeferred = false;
  /** Stored imports that could not be restored at start-up (reported, then dropped from the store). */
  private notRestored: string[] = [];
  /** The planner and side notes of the last switch, refreshed after its frame. */
  private sideRefresh: Promise<void> = Promise.resolve();
  units: UnitList | null = null;
  imports: ImportService | null = null;

  private map: AtlasMap | null = null;
  private drawable: DrawableLayer | null = null;
  private featureUnit: Int32Array | null = null;
  private featureColours: Uint8Array | null = null;
  /** Communes of the open sponsor view; all others are muted. */
  private sponsorCodes: Set<string> | null = null;
  private matrices = new Map<string, Promise<Float64Array>>();
  /** The matrices already answered, for a synchronous recolour. */
  private matricesDone = new Map<string, Float64Array>();
  /** Bumped when the data changes (imports): answers to older queries are not cached. */
  private generation = 0;
  /** Classes per matrix (weakly held: a stale matrix takes its classes with it) and view and year. */
  private colourings = new WeakMap<Float64Array, Map<string, Colouring>>();
  private sideInfo = new Map<string, Promise<{ realOnlyYears: Set<number>; withoutBoundary: AppState['withoutBoundary'] }>>();
  private colouring: Colouring | null = null;
  private yearValues: Float64Array | null = null;
  /** The matrix the map shows (its year slice is yearValues). */
  private shownMatrix: Float64Array | null = null;
  private colourVersion = 0;
  /** Always loaded: tooltips show status and criteria whatever the indicator. */
  private statusMatrix: Float64Array | null = null;
  private criteriaMatrix: Float64Array | null = null;
  private resolveReady!: () => void;
  private rejectReady!: (e: unknown) => void;
  private request = 0;
  private plannerRequest = 0;

  /** The view asked for by the URL, checked against the data once it is loaded. */
  private requested: Partial<AppState>;
  private invalidParams: string[];

  constructor(initial: Partial<AppState> = {}, invalidParams: string[] = []) {
    const { sponsor, selectedCode, district, ...immediate } = initial;
    this.requested = { sponsor, selectedCode, district };
    this.invalidParams = [...invalidParams];
    this.state.set(immediate);
    this.ready = new Promise((res, rej) => {
      this.resolveReady = res;
      this.rejectReady = rej;
    });
    this.ready.catch(() => undefined); // the UI shows state.error
  }

  capturePng(scale: 1 | 2 | 4) {
    return this.map!.capturePng(scale);
  }

  /** The drawn layer's geometry and the base map's GeoJSON, for a second synchronised map. */
  mapParts() {
    return this.map && this.drawable ? { geometry: this.drawable.geometry, detail: this.drawable.detail, base: this.map.baseSources() } : null;
  }

  mapInstance() {
    return this.map?.map ?? null;
  }

  drawableLayer(): DrawableLayer | null {
    return this.drawable;
  }

  /** Unit index of a drawn feature, -1 when the feature is no unit. */
  unitOfFeature(feature: number): number {
    return this.featureUnit?.[feature] ?? -1;
  }

  /** The current indicator's value for a unit in the current year (NaN = no data). */
  valueOfUnit(unit: number): number {
    return this.yearValues?.[unit] ?? NaN;
  }

  /** Status class index and criteria met of a unit in the current year. */
  statusOfUnit(unit: number): { status: number; criteriaMet: number | null } | null {
    const s = this.state.get();
    const yi = s.years.indexOf(s.year);
    if (!this.statusMatrix || !this.criteriaMatrix || yi < 0) return null;
    const i = unit * s.years.length + yi;
    const c = this.criteriaMatrix[i];
    return { status: this.statusMatrix[i], criteriaMet: Number.isFinite(c) ? c : null };
  }

  currentColouring(): Colouring | null {
    return this.colouring;
  }

  async start(container: HTMLElement): Promise<void> {
    if (this.map) return; // React StrictMode runs effects twice in development
    if (this.state.get().locale !== 'vi') this.setLocale(this.state.get().locale);
    this.map = new AtlasMap(container, {
      onHover: (event) => this.hover.set({ event: event.featureIndex === null ? null : event }),
      onClick: (feature) => {
        const u = feature === null ? -1 : this.unitOfFeature(feature);
        this.select(u >= 0 ? this.units!.code[u] : null);
      },
    });
    this.timings.bootStarted = bootTimings.bootStarted;
    const core = bootEngine.then(async (engine) => {
      this.timings.engineStarted = bootTimings.engineStarted;
      await loadCore(engine, fetchAsset);
      this.timings.coreLoaded = performance.now();
      return engine;
    });
    try {
      // Until the map is coloured, MapLibre's base layers wait: their GeoJSON tiling and the frames it
      // triggers would compete with DuckDB for the CPU. The communes are drawn (grey) straight away.
      this.baseDeferred = true;
      void loadDrawableLayer(this.layerFor(this.state.get().province));
      // every frame re-rasterises what is drawn (on the CPU where there is no GPU): the communes join the map
      // once MapLibre has settled its style, so they are drawn once, not again for each source MapLibre loads
      await this.map.idle();
      await this.showProvince(false);
      void this.map.nextFrame().then(() => (this.timings.firstFrame ??= performance.now()));
      this.db = await core;
      // stored imports may carry sponsorships and poverty rows: with any, everything is loaded before they are restored
      if (await ImportService.hasStored()) {
        await this.loadUnits();
        await this.loadRest();
        const { failed } = await this.imports!.restore();
        this.notRestored = failed;
      }
      // independent queries, pipelined to the engine's worker
      await Promise.all([this.loadUnits(), this.loadLists(), this.loadStatus()]);
      this.timings.dataReady = performance.now();
      await this.refresh();
      await this.map.nextFrame();
      this.baseDeferred = false;
      await Promise.all([this.drawBase(), this.loadRest()]);
      this.engine = this.db;
      await this.applyRequested();
      this.state.set({ phase: 'ready' });
      this.resolveReady();
      // the other indicators without parameters, read in one query once the map is idle: a first switch to them is
      // then as fast as a year switch (about 0.3 MB per indicator)
      void this.map.idle().then(() => this.fetchMatrices(prefetchedIndicators, 0, 1)).catch((e: unknown) => console.error(e));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.state.set({ phase: 'error', error: message });
      this.rejectReady(error);
    }
  }

  /** The unit list (names, codes, hierarchy) in matrix order, and the import service that matches against it. */
  private async loadUnits(): Promise<void> {
    if (this.units) return;
    this.units = await loadUnitList(this.db!);
    this.featureUnit = featureUnits(this.drawable!.code, this.units);
    this.imports = new ImportService(this.db!, this.units);
    this.timings.unitList = performance.now();
  }

  /** The tables the first coloured map did not need (poverty, boundary attributes, sponsors...), loaded once. */
  private loadRest(): Promise<void> {
    this.restLoaded ??= loadRest(this.db!, fetchAsset).then(() => {
      this.timings.allLoaded = performance.now();
    });
    return this.restLoaded;
  }

  /** Status and criteria of every unit and year: tooltips show them whatever the indicator. */
  private async loadStatus(): Promise<void> {
    [this.statusMatrix, this.criteriaMatrix] = await this.fetchMatrices(['status', 'criteria'], 0, 1);
  }

  async setProvince(province: string | null): Promise<void> {
    this.sponsorCodes = null;
    this.state.set({ province, district: null, selectedCode: null, sponsor: null });
    await this.showProvince(true);
    await this.refresh();
  }

  async setYear(year: number): Promise<void> {
    this.state.set({ year });
    await this.refresh();
  }

  async setIndicator(indicator: IndicatorId): Promise<void> {
    this.state.set({ indicator, manualBreaks: [] });
    await this.refresh();
  }

  /** Maps the communes missing criterion n (of the set in force in the selected year). */
  async showCriterionGap(criterion: number): Promise<void> {
    this.state.set({ indicator: 'criterion_missing', criterion });
    await this.refresh();
  }

  async setCompareYear(compareYear: number): Promise<void> {
    this.state.set({ compareYear });
    await this.refresh();
  }

  async setClassification(method: ClassMethod, classCount: number, manualBreaks: number[] = []): Promise<void> {
    this.state.set({ classMethod: method, classCount, manualBreaks });
    await this.refresh();
  }

  async setFloor(floor: number): Promise<void> {
    this.state.set({ floor });
    await this.refreshPlanner();
  }

  /** Re-runs the planner table and outlines the groups behind their target trajectory. */
  async refreshPlanner(): Promise<void> {
    if (!this.engine) return;
    const s = this.state.get();
    const level = s.province === null ? 'province' : 'district';
    const request = ++this.plannerRequest;
    const rows = await plannerRows(this.engine, level, { province: s.province, year: s.year, baseYear: s.compareYear, floor: s.floor });
    if (request !== this.plannerRequest) return;
    this.state.set({ planner: rows });
    await this.map?.setFlagged(level, rows.filter((r) => r.behind).map((r) => r.group_code));
  }

  setLocale(locale: Locale): void {
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    this.state.set({ locale });
    if (this.map) void this.drawBase();
  }

  /** Opens the sponsor view: the sponsor's province, its communes zoomed to, every other commune muted. */
  async setSponsor(id: string | null): Promise<void> {
    if (id === null) {
      this.sponsorCodes = null;
      this.state.set({ sponsor: null });
      await this.showProvince(true);
      return this.refresh();
    }
    const rows = rowsOf<{ commune_code: string; province_code: string }>(
      await this.engine!.query('SELECT DISTINCT s.commune_code, u.province_code FROM sponsorship s JOIN unit_commune u USING (commune_code) WHERE s.sponsor_id = ?', [id]),
    );
    if (rows.length === 0) {
      this.state.set({ notice: i18n.t('sponsor.unknown', { id }), sponsor: null });
      return;
    }
    this.sponsorCodes = new Set(rows.map((r) => r.commune_code));
    this.state.set({ sponsor: id, province: rows[0].province_code, district: null, panel: 'sponsors' });
    await this.showProvince(false);
    const d = this.drawable!;
    const bounds = boundsOfFeatures(d.geometry, (i) => this.sponsorCodes!.has(d.code[i] ?? ''));
    if (bounds) this.map!.fitBounds(bounds, false);
    await this.refresh();
  }

  /** Outlines every sponsored commune of the drawn province with its sponsor's short name. */
  async setShowSponsored(show: boolean): Promise<void> {
    this.state.set({ showSponsored: show });
    await this.drawSponsored();
  }

  private async drawSponsored(): Promise<void> {
    if (!this.map || !this.drawable || this.baseDeferred) return;
    const { showSponsored, sponsor } = this.state.get();
    if ((!showSponsored && !sponsor) || !this.engine) {
      await this.map.setBaseSource('sponsored', { type: 'FeatureCollection', features: [] });
      return;
    }
    const rows = rowsOf<{ commune_code: string; label: string }>(
      await this.engine.query(
        `SELECT commune_code, string_agg(DISTINCT sponsor_short, ', ' ORDER BY sponsor_short) AS label FROM sponsorship
         WHERE ($1::VARCHAR IS NULL OR sponsor_id = $1) GROUP BY commune_code`,
        [sponsor],
      ),
    );
    const labels = new Map(rows.map((r) => [r.commune_code, r.label]));
    const d = this.drawable;
    const geometry = await finestGeometry(d);
    const label = (i: number) => labels.get(d.code[i] ?? '');
    await this.map.setBaseSource('sponsored', toGeoJSON(geometry, (i) => ({ code: d.code[i], label: label(i) ?? '' }), (i) => label(i) !== undefined));
  }

  /** Presentation: shows slide i of the saved deck full screen (null leaves presentation mode). */
  async present(i: number | null): Promise<void> {
    if (i === null) {
      this.state.set({ presenting: null });
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      return;
    }
    const slide = loadDeck().slides[i];
    if (!slide) return;
    // Full screen is a request the browser may refuse or never answer (headless): never wait for it.
    if (this.state.get().presenting === null) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    this.state.set({ presenting: i });
    await this.applyView(slide.view);
  }

  /** Restores a saved view (a slide): every part of it, checked against the data like a URL. */
  async applyView(v: SlideView): Promise<void> {
    const s = this.state.get();
    const province = v.province === null || s.provinces.some((p) => p.code === v.province) ? v.province : s.province;
    this.sponsorCodes = null;
    this.state.set({
      province,
      year: s.years.includes(v.year) ? v.year : s.year,
      indicator: v.indicator,
      compareYear: s.years.includes(v.compareYear) ? v.compareYear : s.compareYear,
      criterion: v.criterion,
      classMethod: v.classMethod,
      classCount: v.classCount,
      manualBreaks: v.manualBreaks,
      district: null,
      selectedCode: null,
      sponsor: null,
    });
    if (v.sponsor) await this.setSponsor(v.sponsor);
    else await this.showProvince(false);
    if (v.district && !v.sponsor) await this.setDistrict(v.district);
    if (v.selectedCode && this.units?.indexOf.has(v.selectedCode)) this.state.set({ selectedCode: v.selectedCode });
    await this.refresh();
  }

  /** After an import or its removal: every cached matrix is stale; years may have changed. */
  async dataChanged(): Promise<void> {
    this.generation++;
    this.matrices.clear();
    this.matricesDone.clear();
    this.sideInfo.clear();
    await this.loadLists();
    await this.loadStatus();
    await this.refresh();
  }

  /** Drill down to a district of the current province (null = back to the province). */
  async setDistrict(district: string | null): Promise<void> {
    this.state.set({ district });
    if (district === null) return this.showProvince(true);
    const districts = await loadDrawableLayer('districts');
    const bounds = boundsOfFeatures(districts.geometry, (i) => districts.code[i] === district);
    if (bounds) this.map!.fitBounds(bounds, true);
  }

  /** Opens a commune from search or a table: its province, its district, selected and zoomed to. */
  async focusCommune(code: string): Promise<void> {
    const u = this.units?.indexOf.get(code);
    if (u === undefined || !this.units) return;
    const province = this.units.provinceCode[u];
    if (this.state.get().province !== province) await this.setProvince(province);
    this.state.set({ district: this.units.districtCode[u] });
    this.select(code);
    const d = this.drawable!;
    const bounds = boundsOfFeatures(d.geometry, (i) => d.code[i] === code);
    if (bounds) this.map!.fitBounds(bounds, true);
  }

  select(code: string | null): void {
    this.state.set({ selectedCode: code });
    this.paint();
  }

  /** Resolves after the map's next frame: the colours handed over so far are on screen. */
  async drawn(): Promise<void> {
    await this.map?.nextFrame();
  }

  /** Resolves once the map has drawn everything requested so far. */
  async settled(): Promise<void> {
    for (let pending = this.sideRefresh; ; pending = this.sideRefresh) {
      await pending;
      if (pending === this.sideRefresh) break;
    }
    await this.map?.idle();
  }

  private async drawBase(): Promise<void> {
    if (this.baseDeferred) return;
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
      ...(this.drawable ? [communeOutlines(this.drawable, province).then((lines) => map.setBaseSource('commune-lines', lines))] : []),
    ]);
  }

  /** Focus provinces have full-detail geometry; every other view draws the national layer. */
  private layerFor(province: string | null): BoundaryLayer {
    return (province && focusLayerOf[province]) || 'communes';
  }

  /** Switches the drawn layer (focus provinces have full-detail geometry) and zooms to the province. */
  private async showProvince(animate: boolean): Promise<void> {
    const { province } = this.state.get();
    const layer = this.layerFor(province);
    if (this.drawable?.geometry.layer !== layer) {
      this.drawable = await loadDrawableLayer(layer);
      this.featureUnit = this.units ? featureUnits(this.drawable.code, this.units) : null;
      this.featureColours = new Uint8Array(this.drawable.geometry.nFeatures * 4);
    }
    const d = this.drawable;
    const bounds = province === null ? nationalBounds : boundsOfFeatures(d.geometry, (i) => d.provinceCode[i] === province);
    this.map!.fitBounds(bounds ?? nationalBounds, animate);
    this.paint();
    await Promise.all([this.drawBase(), this.drawSponsored()]);
  }

  /** Years, provinces and the import count; a province or year from the URL that the data lacks is reported. */
  private async loadLists(): Promise<void> {
    const e = this.db!;
    const [yearRows, provinceRows, imported] = await Promise.all([
      e.query(yearsSQL),
      e.query(provincesSQL),
      e.query('SELECT count(*)::INTEGER AS n FROM import_commune_year'),
    ]);
    const years = rowsOf<{ year: number }>(yearRows).map((r) => r.year);
    const provinces = rowsOf<{ province_code: string; province_name: string }>(provinceRows).map((r) => ({
      code: r.province_code,
      name: r.province_name,
    }));
    const s = this.state.get();
    const ignored = this.invalidParams;
    if (!years.includes(s.year)) ignored.push(`year=${s.year}`);
    if (!years.includes(s.compareYear)) ignored.push(`compare=${s.compareYear}`);
    const year = years.includes(s.year) ? s.year : initialState.year;
    const compareYear = years.includes(s.compareYear) ? s.compareYear : initialState.compareYear;
    this.state.set({ importedRows: rowsOf<{ n: number }>(imported)[0].n, years, provinces, year, compareYear });
    if (s.province !== null && !provinces.some((p) => p.code === s.province)) {
      ignored.push(`province=${s.province}`);
      this.state.set({ province: initialState.province });
      await this.showProvince(false);
    }
  }

  /** Sponsor, district and selection from the URL, once everything is loaded; anything stale is reported, not fatal. */
  private async applyRequested(): Promise<void> {
    const ignored = this.invalidParams;
    const { sponsor, selectedCode, district } = this.requested;
    const u = this.units!;
    if (district) {
      const i = u.districtCode.indexOf(district);
      if (i >= 0 && (this.state.get().province === null || u.provinceCode[i] === this.state.get().province)) await this.setDistrict(district);
      else ignored.push(`district=${district}`);
    }
    if (selectedCode) {
      if (u.indexOf.has(selectedCode)) this.select(selectedCode);
      else ignored.push(`sel=${selectedCode}`);
    }
    if (sponsor) {
      const known = rowsOf(await this.engine!.query('SELECT 1 FROM sponsorship WHERE sponsor_id = ? LIMIT 1', [sponsor])).length > 0;
      if (known) await this.setSponsor(sponsor);
      else ignored.push(`sponsor=${sponsor}`);
    }
    if (!sponsor) await Promise.all([this.drawSponsored(), this.refreshPlanner(), this.refreshSideInfo(this.request)]);
    const notices = [
      ...(ignored.length > 0 ? [i18n.t('app.ignoredParams', { params: ignored.join(', ') })] : []),
      ...(this.notRestored.length > 0 ? [i18n.t('app.importsNotRestored', { files: this.notRestored.join(', ') })] : []),
    ];
    if (notices.length > 0) this.state.set({ notice: notices.join(' ') });
  }

  private matrixKey(id: IndicatorId, compareYear: number, criterion: number) {
    const params = indicatorParams(id, { compareYear, criterion });
    return { key: `${id}|${params.join(',')}`, params };
  }

  /** All years of one indicator in one query, cached: [unit * nYears + yearIndex]. */
  private matrix(id: IndicatorId, compareYear: number, criterion = 1): Promise<Float64Array> {
    return this.fetchMatrices([id], compareYear, criterion).then((m) => m[0]);
  }

  /** The matrices of indicators that take the same parameters; those not cached yet are read in one query. */
  private fetchMatrices(ids: IndicatorId[], compareYear: number, criterion: number): Promise<Float64Array[]> {
    const keys = ids.map((id) => this.matrixKey(id, compareYear, criterion));
    if (keys.some((k) => k.params.join() !== keys[0].params.join())) throw new Error('fetchMatrices: indicators with different parameters');
    const missing = keys.flatMap((k, i) => (this.matrices.has(k.key) ? [] : [i]));
    if (missing.length > 0) {
      const generation = this.generation;
      const all = (missing.some((i) => needsPoverty(ids[i])) ? this.loadRest() : Promise.resolve())
        .then(() => this.db!.query(indicatorsMatrixSQL(missing.map((i) => ids[i])), keys[missing[0]].params))
        .then((t) =>
          t.schema.fields.map((f, j) => {
            const values = t.getChild(f.name)!.toArray() as Float64Array;
            if (generation === this.generation) this.matricesDone.set(keys[missing[j]].key, values);
            return values;
          }),
        );
      missing.forEach((i, j) => this.matrices.set(keys[i].key, all.then((m) => m[j])));
    }
    return Promise.all(keys.map((k) => this.matrices.get(k.key)!));
  }

  /**
   * Re-reads the indicator for the current year and recolours; a later call wins over an earlier one.
   * With the indicator's matrix already fetched (any year switch, a second visit to an indicator), the colours
   * are written synchronously, before this awaits anything; the side information follows.
   */
  private async refresh(): Promise<void> {
    if (!this.db || !this.units) return;
    const request = ++this.request;
    const s = this.state.get();
    const { key } = this.matrixKey(s.indicator, s.compareYear, s.criterion);
    const m = this.matricesDone.get(key) ?? (await this.matrix(s.indicator, s.compareYear, s.criterion));
    if (request !== this.request) return;
    this.recolour(m);
    if (this.engine) {
      // the planner table and side notes follow the new colours instead of delaying them; when the year plays,
      // only the last switch's queries run
      this.sideRefresh = afterNextFrame().then(() =>
        request === this.request ? Promise.all([this.refreshSideInfo(request), this.refreshPlanner()]).then(() => undefined) : undefined,
      ).catch((e: unknown) => console.error(e));
    }
  }

  /** Whether what is shown is illustrative, and the units of the province without a boundary: cached per province. */
  private async refreshSideInfo(request: number): Promise<void> {
    const s = this.state.get();
    const layer = this.drawable!.geometry.layer;
    const cacheKey = `${s.province}|${layer}`;
    let info = this.sideInfo.get(cacheKey);
    if (!info) {
      const e = this.engine!;
      info = Promise.all([
        s.province === null ? null : e.query(withoutBoundarySQL, [layer, s.province]),
        e.query(realOnlyYearsSQL, [s.province]),
      ]).then(([without, years]) => ({
        realOnlyYears: new Set(rowsOf<{ year: number }>(years).map((r) => r.year)),
        withoutBoundary: without
          ? rowsOf<{ commune_code: string; commune_name: string; district_name: string; polygon_note: string | null }>(without).map(
              (r) => ({ code: r.commune_code, name: r.commune_name, districtName: r.district_name, note: r.polygon_note }),
            )
          : [],
      }));
      this.sideInfo.set(cacheKey, info);
    }
    const { realOnlyYears, withoutBoundary } = await info;
    if (request !== this.request) return;
    this.state.set({ illustrative: !realOnlyYears.has(this.state.get().year), withoutBoundary });
  }

  /** CPU side of a year/indicator switch: slice the year, classify, colour features, hand to deck.gl. */
  private recolour(m: Float64Array): void {
    const t0 = performance.now();
    const s = this.state.get();
    const yi = s.years.indexOf(s.year);
    this.shownMatrix = m;
    this.yearValues = yearSlice(m, this.units!.length, s.years.length, yi);
    this.colouring = this.colouringOf(m, yi, this.yearValues);
    this.state.set({ legend: this.colouring.legend });
    this.paint();
    this.timings.lastRecolourMs = performance.now() - t0;
    this.classifyOtherYears(m);
  }

  /** Classes of one year of a matrix under the current view (indicator, scope, method), cached. */
  private colouringOf(m: Float64Array, yearIndex: number, values?: Float64Array): Colouring {
    const s = this.state.get();
    let byView = this.colourings.get(m);
    if (!byView) this.colourings.set(m, (byView = new Map()));
    const key = `${this.viewKey()}|${yearIndex}`;
    let c = byView.get(key);
    if (!c) {
      const v = values ?? yearSlice(m, this.units!.length, s.years.length, yearIndex);
      c = colourUnits(s.indicator, v, this.inScope(), { method: s.classMethod, classes: s.classCount, manualBreaks: s.manualBreaks });
      byView.set(key, c);
    }
    return c;
  }

  private viewKey(): string {
    const s = this.state.get();
    return [s.indicator, s.province, s.classMethod, s.classCount, s.manualBreaks.join(',')].join('|');
  }

  /**
   * Classifies the other years of the shown matrix while the browser is idle, one year per idle period, so the
   * slider and the play button find every year ready (natural breaks take about 10 ms for all communes).
   */
  private classifyOtherYears(m: Float64Array): void {
    const view = this.viewKey();
    const nYears = this.state.get().years.length;
    const next = () => {
      if (this.shownMatrix !== m || this.viewKey() !== view) return;
      const done = this.colourings.get(m);
      const todo = Array.from({ length: nYears }, (_, y) => y).find((y) => !done?.has(`${view}|${y}`));
      if (todo === undefined) return;
      this.colouringOf(m, todo);
      whenIdle(next);
    };
    whenIdle(next);
  }

  private inScope(): (unit: number) => boolean {
    const { province } = this.state.get();
    const units = this.units!;
    return province === null ? () => true : (u) => units.provinceCode[u] === province;
  }

  /**
   * Colours for the second map of a side-by-side comparison: the same layer for another year or indicator.
   * With the same indicator the classes of the main map are reused, so one legend serves both maps.
   */
  async comparisonColours(indicator: IndicatorId, year: number): Promise<{ colours: Uint8Array; colouring: Colouring; sharedLegend: boolean } | null> {
    const s = this.state.get();
    if (!this.units || !this.drawable || !this.colouring) return null;
    const m = await this.matrix(indicator, s.compareYear, s.criterion);
    const values = yearSlice(m, this.units.length, s.years.length, s.years.indexOf(year));
    const sharedLegend = indicator === s.indicator;
    const opts = sharedLegend && this.colouring.breaks.length > 0
      ? { method: 'manual' as const, classes: this.colouring.breaks.length + 1, manualBreaks: this.colouring.breaks }
      : { method: s.classMethod, classes: s.classCount, manualBreaks: [] };
    const colouring = colourUnits(indicator, values, this.inScope(), opts);
    const colours = new Uint8Array(this.drawable.geometry.nFeatures * 4);
    this.writeFeatureColours(colouring, colours);
    return { colours, colouring, sharedLegend };
  }

  /** Writes the colour of every drawn feature and hands the array to the map. */
  private paint(): void {
    if (!this.map || !this.drawable || !this.featureColours) return;
    const drawn = this.writeFeatureColours(this.colouring, this.featureColours);
    this.colourVersion++;
    const d = this.drawable;
    this.map.setCommunes({ geometry: d.geometry, detail: d.detail, featureColours: this.featureColours, colourVersion: this.colourVersion });
    this.state.set({ communesDrawn: drawn });
    if (this.colouring && this.timings.firstColouredFrame === undefined) {
      void this.map.nextFrame().then(() => (this.timings.firstColouredFrame ??= performance.now()));
    }
  }

  /** RGBA per drawn feature: class colour, other provinces hidden, sponsor view muting, selection. Returns units drawn. */
  private writeFeatureColours(c: Colouring | null, out: Uint8Array): number {
    const d = this.drawable!;
    const { province, selectedCode } = this.state.get();
    const fu = this.featureUnit;
    const selectedUnit = selectedCode === null || !this.units ? -1 : (this.units.indexOf.get(selectedCode) ?? -1);
    let drawn = 0;
    for (let f = 0; f < d.geometry.nFeatures; f++) {
      const o = f * 4;
      if (province !== null && d.provinceCode[f] !== province) {
        out[o + 3] = 0;
        continue;
      }
      const u = fu ? fu[f] : -1;
      if (d.kind[f] === 'unit') drawn++;
      const rgba = u < 0 ? (fu ? unattributedColour : pendingColour) : c ? c.colours[c.unitClass[u]] : pendingColour;
      out[o] = rgba[0];
      out[o + 1] = rgba[1];
      out[o + 2] = rgba[2];
      out[o + 3] = 255;
      if (this.sponsorCodes && !this.sponsorCodes.has(d.code[f] ?? '')) {
        // muted: faded towards white, still readable as context
        out[o] = 255 - ((255 - rgba[0]) >> 2);
        out[o + 1] = 255 - ((255 - rgba[1]) >> 2);
        out[o + 2] = 255 - ((255 - rgba[2]) >> 2);
      }
      if (u >= 0 && u === selectedUnit) {
        out[o] = 33;
        out[o + 1] = 102;
        out[o + 2] = 172;
      }
    }
    return drawn;
  }
}

const prefetchedIndicators: IndicatorId[] = ['poor_rate', 'near_poor_rate', 'ntm_year'];

/** Runs fn when the browser is idle (or soon, where there is no requestIdleCallback). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}

/** Resolves after the next animation frame, in a task of its own. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** One year's column of an indicator matrix ([unit * nYears + year]). */
function yearSlice(m: Float64Array, nUnits: number, nYears: number, yearIndex: number): Float64Array {
  const values = new Float64Array(nUnits);
  for (let u = 0; u < nUnits; u++) values[u] = m[u * nYears + yearIndex];
  return values;
}

const pendingColour = [215, 215, 215, 255] as const;
