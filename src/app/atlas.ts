import { i18n, type Locale } from '../i18n';
import { rowsOf, type SqlEngine } from '../db/engine';
import { sponsorFootprintSQL } from '../db/sql/sponsor';
import type { IndicatorId } from '../indicators/registry';
import type { ClassMethod } from '../classify/classify';
import type { HoverEvent } from '../map/atlas-map';
import { Store } from '../state/store';
import { initialState, type AppState } from '../state/app-state';
import type { Colouring } from './colouring';
import { loadDeck, viewOf, type SlideView } from '../present/slides';
import type { MapScene } from '../export/map-scene';
import { sceneOfView } from './export-scene';
import { rememberedLocale, rememberLocale } from './locale-memory';
import type { UnitList } from '../db/unit-list';
import type { DrawableLayer } from './base-layers';
import type { AtlasFacade, UiState } from './facade';
import { checkAgainstLists, latestYear, LinkRequest } from './link-request';
import { UserTargets } from './user-targets';
import { boundsAround, drawSelectionOutline } from './selection-outline';
import { DataLoading, type DataLists, type Timings } from './loading';
import { MapView, type DrawnView } from './map-view';
import { IndicatorMatrices } from './matrices';
import type { FirstMap } from '../common/first-map';
import type { UnitKeys } from './feature-colours';
import { firstMapUnits, loadFirstMap } from './first-map';
import { validateView, type ViewData } from './validate-view';
import { ViewRefresh } from './view-refresh';
import { openingView, requestedVintage, VintageControl } from './vintage-control';
import { storeVintage } from './vintage-switch';
import { POST_REFORM, vintageOfYear, type Vintage } from '../common/vintage';
import { sponsorFootprint2025SQL } from '../db/sql/vintage';
import { dataIdentity, missingData, missingDataNotice } from './data-identity';
import { packagesMadeHere } from '../import/service/package';

/** Read while the start-up finishes (IndicatorMatrices.prefetch): status and criteria are read first, with the map. */
const prefetchedIndicators: IndicatorId[] = ['poor_rate', 'near_poor_rate', 'ntm_year', 'status_change', 'poor_rate_change', 'criterion_missing'];

/**
 * Orchestrates data and map: starts DuckDB and the geometry downloads in parallel, draws outlines first,
 * colours from SQL when the engine answers. An indicator is fetched once for all years (one SQL query);
 * changing the year only slices that matrix and rewrites the colour attribute. The UI and the automation API
 * see it as an AtlasFacade. Its collaborators never import it: DataLoading (the data side of start-up),
 * LinkRequest and validateView (the view a link or slide asks for), IndicatorMatrices (fetch and cache),
 * ViewRefresh (from a changed view to the screen), MapView with FeatureColours (what is drawn and its colours).
 */
export class Atlas implements AtlasFacade {
  readonly state = new Store<AppState>(initialState);
  readonly hover = new Store<{ event: HoverEvent | null }>({ event: null });
  readonly timings: Timings = {};
  readonly ready: Promise<void>;
  private readonly data = new DataLoading(this.timings);
  private readonly refresher = new ViewRefresh({
    state: this.state,
    timings: this.timings,
    matrices: () => this.matrices,
    view: () => this.view,
    units: () => this.units ?? this.firstUnits,
    engine: () => this.engine,
    drawnView: (s) => this.drawnView(s),
  });
  /** What is drawn (created by start). */
  private view: MapView | null = null;
  /** Created once the core tables are in. */
  private matrices: IndicatorMatrices | null = null;
  /** The engine for the UI: set once every table is loaded. */
  private engineForUi: SqlEngine | null = null;
  private unitList: UnitList | null = null;
  /** The precomputed first map's units, standing in for the unit list until it is read. */
  private firstUnits: UnitKeys | null = null;
  /** Stored imports that could not be restored at start-up (reported, then dropped from the store). */
  private notRestored: string[] = [];
  /** Targets the user entered (created once every table is loaded). */
  private userTargetStore: UserTargets | null = null;
  /** Communes of the open sponsor view; all others are muted. */
  private sponsorCodes: Set<string> | null = null;
  /** The data the link was made with that this browser lacks, in words (null: none missing). */
  private dataNotice: string | null = null;
  /** The view and camera a presentation started from (restored when it ends). */
  private beforePresenting: { view: SlideView; panel: AppState['panel']; camera: { center: [number, number] | { lng: number; lat: number }; zoom: number } } | null = null;
  private resolveReady!: () => void;
  private rejectReady!: (e: unknown) => void;

  /** The view asked for by the URL, checked against the data as it is loaded. */
  private readonly link: LinkRequest;
  /** The vintage asked for (link, year, or the user's last choice); null: the latest year with data decides. */
  private readonly requestedVintage: Vintage | null;
  /** The view the URL asked for, as parsed (for the notice on codes it did not qualify with a vintage). */
  private readonly asked: Partial<AppState>;
  /** Both vintages' data, the switch between them, "where did my commune go". */
  private readonly vintages = new VintageControl({
    state: this.state,
    view: () => this.view,
    engine: () => this.data.engine!,
    tablesLoaded: () => this.data.loadRest(),
    use: ({ units, matrices }) => {
      this.unitList = units;
      this.matrices = matrices;
      this.sponsorCodes = null;
      this.data.imports?.useUnits(units);
    },
    reopenSponsor: (id) => this.setSponsor(id),
    refresh: () => this.refresh(),
  });

  /** `initial`: the view from the URL; `invalidParams`: URL parameters that could not be read. */
  constructor(initial: Partial<AppState> = {}, invalidParams: string[] = []) {
    this.link = new LinkRequest(initial, invalidParams);
    this.requestedVintage = requestedVintage(initial);
    this.asked = initial;
    this.state.set({ ...this.link.immediate, ...openingView(initial, this.requestedVintage) });
    // the language chosen on an earlier visit, unless the link names one
    const remembered = initial.locale ? null : rememberedLocale();
    if (remembered) this.state.set({ locale: remembered });
    this.ready = new Promise((res, rej) => {
      this.resolveReady = res;
      this.rejectReady = rej;
    });
    this.ready.catch(() => undefined); // the UI shows state.error
  }

  get engine(): SqlEngine | null {
    return this.engineForUi;
  }

  get units(): UnitList | null {
    return this.unitList;
  }

  get imports() {
    return this.data.imports;
  }

  get targets(): UserTargets | null {
    return this.userTargetStore;
  }

  /** What an export of the current view draws (src/app/export-scene.ts); null before the map has a layer. */
  async exportScene(): Promise<MapScene | null> {
    if (!this.view) return null;
    return sceneOfView(this.view, this.state.get(), this.drawnView(), i18n.t);
  }

  capturePng(scale: 1 | 2 | 4) {
    return this.view!.map.capturePng(scale);
  }

  mapParts() {
    return this.view?.parts() ?? null;
  }

  mapInstance() {
    return this.view?.map.map ?? null;
  }

  drawableLayer(): DrawableLayer | null {
    return this.view?.drawn ?? null;
  }

  unitOfFeature(feature: number): number {
    return this.view?.colours.unitOf(feature) ?? -1;
  }

  valueOfUnit(unit: number): number {
    return this.view?.colours.valueOf(unit) ?? NaN;
  }

  statusOfUnit(unit: number): { status: number; criteriaMet: number | null } | null {
    const s = this.state.get();
    return this.matrices?.statusOf(unit, s.years.indexOf(s.year), s.years.length) ?? null;
  }

  async start(container: HTMLElement): Promise<void> {
    if (this.view) return; // React StrictMode runs effects twice in development
    if (this.state.get().locale !== 'vi') this.setLocale(this.state.get().locale);
    const view = (this.view = new MapView(container, {
      onHover: (event) => this.hover.set({ event: event.featureIndex === null ? null : event }),
      onClick: (feature) => {
        const u = feature === null ? -1 : this.unitOfFeature(feature);
        this.select(u >= 0 ? this.units!.code[u] : null);
      },
      view: () => this.drawnView(),
      engine: () => this.engine,
      painted: (communesDrawn) => this.state.set({ communesDrawn }),
      formerDistrictsOf: () => this.vintages.formerDistrictsOf(this.state.get()),
      year: () => this.state.get().year,
    }, this.timings));
    const vintage = this.state.get().vintage;
    const core = this.data.loadCore(vintage);
    // the precomputed first map holds the pre-reform units only
    const first = loadFirstMap(vintage);
    this.matrices = new IndicatorMatrices(core, () => core.then(() => this.data.loadRest()), vintage);
    try {
      // the communes are drawn (grey) as soon as their geometry is in; the base layers wait for the colours (MapView)
      view.prefetchLayer(this.state.get().province, vintage);
      // every frame re-rasterises what is drawn (on the CPU where there is no GPU): the communes join the map
      // once MapLibre has settled its style, so they are drawn once, not again for each source MapLibre loads
      // colours before the engine: the precomputed first map (unless the engine is there first), classified before
      // the communes are first drawn, so that first frame is already coloured (one frame less to rasterise)
      const [precomputed] = await Promise.all([Promise.race([first, core.then(() => null)]), view.map.idle()]);
      if (precomputed) await this.showFirstMap(precomputed);
      await view.showProvince(false);
      void view.map.nextFrame().then(() => (this.timings.firstFrame ??= performance.now()));
      const db = await core;
      this.notRestored = await this.data.restoreStoredImports();
      // independent queries, pipelined to the engine's worker
      const [units, lists] = await Promise.all([this.data.loadUnits(vintage), this.data.lists(vintage), this.matrices.loadStatus()]);
      this.timings.precomputedMatched = this.matrices.seedMatched ?? undefined;
      this.unitList = units;
      this.vintages.cache.put(vintage, { units, matrices: this.matrices });
      view.setUnits(units);
      await this.applyLists(lists, this.link);
      this.vintages.settleIndicator(this.asked);
      this.timings.dataReady = performance.now();
      await this.noteDataIdentity(true);
      await this.refresh();
      await view.map.nextFrame();
      // every other indicator under the view's parameters is read while the rest of the start-up runs: once the
      // app is ready, a first switch to any of them is as fast as a year switch
      const rest = this.data.loadRest();
      const prefetched = rest.then(() => this.matrices!.prefetch(prefetchedIndicators, this.state.get()));
      await Promise.all([view.drawBaseNow(), rest]);
      // targets entered in an earlier visit, before the planner first reads the targets
      this.userTargetStore = new UserTargets(db, () => this.refresher.refreshPlanner(this.state.get()));
      await this.userTargetStore.restore();
      this.engineForUi = db;
      // no vintage asked for: the one of the latest year with data (2026 and later: the post-reform units)
      if (this.requestedVintage === null && lists.latestYear !== null && vintageOfYear(lists.latestYear) !== vintage) {
        await this.vintages.switchTo(vintageOfYear(lists.latestYear), false);
      }
      await Promise.all([this.applyRequested(), prefetched]);
      this.state.set({ phase: 'ready' });
      this.resolveReady();
      // the classes of the shown year under every prefetched indicator, while idle: a first switch then only paints
      const s = this.state.get();
      view.colours.prepare(prefetchedIndicators.flatMap((id) => {
        const m = this.matrices?.cached(id, s);
        return m ? [{ id, m }] : [];
      }), s);
      // the other vintage's units, once the map is idle: imports detect it, and a first switch to it is quick
      void view.map.idle().then(() => this.vintages.preloadOther(this.data.imports));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.state.set({ phase: 'error', error: message });
      this.rejectReady(error);
    }
  }

  async setProvince(province: string | null): Promise<void> {
    this.sponsorCodes = null;
    this.state.set({ province, district: null, selectedCode: null, sponsor: null });
    await this.view?.showProvince(true);
    await this.refresh();
  }

  setYear(year: number): Promise<void> {
    return this.change({ year });
  }

  setIndicator(indicator: IndicatorId): Promise<void> {
    return this.change({ indicator, manualBreaks: [] });
  }

  showCriterionGap(criterion: number): Promise<void> {
    return this.change({ indicator: 'criterion_missing', criterion });
  }

  setCompareYear(compareYear: number): Promise<void> {
    return this.change({ compareYear });
  }

  setClassification(method: ClassMethod, classCount: number, manualBreaks: number[] = []): Promise<void> {
    return this.change({ classMethod: method, classCount, manualBreaks });
  }

  async setFloor(floor: number): Promise<void> {
    this.state.set({ floor });
    await this.refresher.refreshPlanner(this.state.get());
  }

  setUiState(patch: UiState): void {
    this.state.set(patch);
  }

  /** A change of the view that recolours the map. */
  private async change(patch: Partial<AppState>): Promise<void> {
    this.state.set(patch);
    await this.refresh();
  }

  setLocale(locale: Locale): void {
    rememberLocale(locale);
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    this.state.set({ locale });
    void this.view?.drawBase();
  }

  /** Opens the sponsor view: the sponsor's province, its communes zoomed to, every other commune muted. */
  async setSponsor(id: string | null): Promise<void> {
    if (id === null) {
      this.sponsorCodes = null;
      this.state.set({ sponsor: null });
      await this.view?.showProvince(true);
      return this.refresh();
    }
    const footprint = this.state.get().vintage === POST_REFORM ? sponsorFootprint2025SQL : sponsorFootprintSQL;
    const rows = rowsOf<{ commune_code: string; province_code: string }>(await this.engine!.query(footprint, [id]));
    if (rows.length === 0) {
      this.state.set({ notice: i18n.t('sponsor.unknown', { id }), sponsor: null });
      return;
    }
    const codes = (this.sponsorCodes = new Set(rows.map((r) => r.commune_code)));
    this.state.set({ sponsor: id, province: rows[0].province_code, district: null, panel: 'sponsors' });
    await this.view!.showProvince(false);
    this.view!.fitFeatures((code) => codes.has(code ?? ''), false);
    await this.refresh();
  }

  /** Outlines every sponsored commune of the drawn province with its sponsor's short name. */
  async setShowSponsored(show: boolean): Promise<void> {
    this.state.set({ showSponsored: show });
    await this.view?.drawSponsored();
  }

  /** Presentation: shows slide i of the saved deck full screen (null leaves presentation mode). */
  async present(i: number | null): Promise<void> {
    if (i === null) {
      const before = this.beforePresenting;
      this.beforePresenting = null;
      this.state.set({ presenting: null });
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      // the view and the camera from before the presentation, as they were
      if (before) {
        await this.applyView(before.view);
        this.state.set({ panel: before.panel });
        this.view?.map.map.jumpTo(before.camera);
      }
      return;
    }
    const slide = loadDeck().slides[i];
    if (!slide) return;
    if (this.state.get().presenting === null && !this.beforePresenting) {
      const map = this.view?.map.map;
      this.beforePresenting = { view: viewOf(this.state.get()), panel: this.state.get().panel, camera: { center: map?.getCenter() ?? [0, 0], zoom: map?.getZoom() ?? 0 } };
    }
    // Full screen is a request the browser may refuse or never answer (headless): never wait for it.
    if (this.state.get().presenting === null) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    this.state.set({ presenting: i });
    await this.applyView(slide.view);
  }

  /**
   * Restores a saved view (a slide): every part of it, checked against the data like a URL (what the data lacks
   * keeps the current view; an unknown sponsor is reported by setSponsor).
   */
  async applyView(v: SlideView): Promise<void> {
    // the slide's codes are of its vintage: shown on those units first
    if (v.vintage && v.vintage !== this.state.get().vintage) await this.vintages.switchTo(v.vintage, false);
    const { province, year, compareYear, district, selectedCode } = v;
    const { view } = validateView({ province, year, compareYear, district, selectedCode }, this.viewData(), this.state.get());
    this.sponsorCodes = null;
    this.state.set({
      province: view.province,
      year: view.year,
      indicator: v.indicator,
      compareYear: view.compareYear,
      criterion: v.criterion,
      classMethod: v.classMethod,
      classCount: v.classCount,
      manualBreaks: v.manualBreaks,
      district: null,
      selectedCode: null,
      sponsor: null,
    });
    if (v.sponsor) await this.setSponsor(v.sponsor);
    else await this.view?.showProvince(false);
    if (view.district && !v.sponsor) await this.setDistrict(view.district);
    if (view.selectedCode) this.state.set({ selectedCode: view.selectedCode });
    await this.refresh();
  }

  /** Shows the units of a vintage (the view carried over) and remembers the choice. */
  async setVintage(vintage: Vintage): Promise<void> {
    storeVintage(vintage);
    await this.vintages.switchTo(vintage);
  }

  /** "Where did my commune go": a pre-reform commune (2024 code) outlined with its successor(s) on the post-reform map. */
  traceFormer(code: string | null): Promise<void> {
    return this.vintages.trace(code);
  }

  unitsOf(vintage: Vintage): UnitList | null {
    return vintage === this.state.get().vintage ? this.units : this.vintages.cache.unitsOf(vintage);
  }

  /** Post-reform map: outline and label the former districts over the new communes. */
  async setShowFormerDistricts(show: boolean): Promise<void> {
    this.state.set({ showFormerDistricts: show });
    if (show) await this.vintages.provinces();
    await this.view?.drawBase();
  }

  /** After an import or its removal: every cached matrix is stale; years may have changed. */
  async dataChanged(): Promise<void> {
    this.matrices!.invalidate();
    this.vintages.cache.dropExcept(this.state.get().vintage);
    this.refresher.dataChanged();
    await this.applyLists(await this.data.lists(this.state.get().vintage), null);
    await this.matrices!.loadStatus();
    await this.noteDataIdentity(false);
    await this.refresh();
  }

  /** The data shown, named in links (data=); at start-up also what the link's data names and this browser lacks. */
  private async noteDataIdentity(atStart: boolean): Promise<void> {
    const local = { edition: this.data.edition?.id ?? null, datasets: (await this.imports?.list()) ?? [], madeHere: packagesMadeHere() };
    if (atStart) {
      const missing = missingData(this.link.immediate.dataId, local);
      this.dataNotice = missing ? missingDataNotice(missing) : null;
    }
    this.state.set({ dataId: dataIdentity(local) });
  }

  /** Drill down to a district of the current province (null = back to the province). */
  async setDistrict(district: string | null): Promise<void> {
    this.state.set({ district });
    if (district === null) return this.view?.showProvince(true);
    await this.view?.fitDistrict(district);
  }

  /** Opens a commune from search or a table: its province, its district, selected and zoomed to. */
  async focusCommune(code: string): Promise<void> {
    const u = this.units?.indexOf.get(code);
    if (u === undefined || !this.units) return;
    const province = this.units.provinceCode[u];
    if (this.state.get().province !== province) await this.setProvince(province);
    // the post-reform units have no districts (their list's district is the former one, a historical grouping)
    this.state.set({ district: this.state.get().vintage === POST_REFORM ? null : this.units.districtCode[u] });
    this.select(code);
    // with its neighbours around it (a commune alone fills the screen and loses its context)
    const around = this.view?.drawn ? boundsAround(this.view.drawn, code) : null;
    if (around) this.view!.map.fitBounds(around, true);
    // a unit without a boundary (listed in the legend) is shown by its district
    else if (this.state.get().district) await this.view?.fitDistrict(this.state.get().district!);
  }

  select(code: string | null): void {
    // a selection of its own ends "where did my commune go"
    this.state.set({ selectedCode: code, traced: null });
    this.view?.paint(this.drawnView());
    void this.view?.drawLineage();
    const view = this.view;
    if (view) void drawSelectionOutline(view.map, () => view.drawn, () => this.state.get().selectedCode);
  }

  async drawn(): Promise<void> {
    await this.view?.map.nextFrame();
  }

  async settled(): Promise<void> {
    await this.refresher.sideSettled();
    await this.view?.map.idle();
  }

  /**
   * Colours the map from the precomputed first map while DuckDB starts: its units stand in for the unit list and
   * its matrices for the engine's until they are read (IndicatorMatrices.seed). Only for the views it holds.
   */
  private async showFirstMap(f: FirstMap): Promise<void> {
    // a link without a year opens on the latest year with data (LinkRequest): the first map's until the lists are read
    if (!this.link.yearAsked && !this.unitList) this.state.set({ year: latestYear(f.years) });
    const s = this.state.get();
    if (this.unitList || !f.years.includes(s.year) || !f.matrices[s.indicator]) return;
    this.firstUnits = firstMapUnits(f);
    this.view!.setUnits(this.firstUnits);
    this.matrices!.seed(f);
    if (s.years.length === 0) this.state.set({ years: f.years });
    this.timings.precomputedColours = performance.now();
    await this.refresh();
  }

  /** What is drawn depends on: the state's view and the open sponsor's communes. */
  private drawnView(s: AppState = this.state.get()): DrawnView {
    return {
      vintage: s.vintage, province: s.province, selectedCode: s.selectedCode, sponsor: s.sponsor, showSponsored: s.showSponsored,
      sponsorCodes: this.sponsorCodes, showFormerDistricts: s.showFormerDistricts, traced: s.traced,
    };
  }

  /** What a requested view is checked against; sponsor ids only where a sponsor is asked for. */
  private viewData(sponsors: ReadonlySet<string> = new Set()): ViewData {
    const { years, provinces } = this.state.get();
    return { years, provinces, units: this.units, sponsors };
  }

  /**
   * Years, provinces and the import count into the state. A year or province the data lacks (from the URL, or
   * gone with an import) falls back to the default; at start-up, the link notes what it ignored.
   */
  private async applyLists(lists: DataLists, link: LinkRequest | null): Promise<void> {
    const s = this.state.get();
    const { years, provinces, importedRows } = lists;
    const data = { ...this.viewData(), years, provinces };
    const view = link ? link.checkLists(s, data) : checkAgainstLists(s, data).view;
    this.state.set({ importedRows, years, provinces, year: view.year, compareYear: view.compareYear });
    if (view.province !== s.province) {
      this.state.set({ province: view.province });
      await this.view?.showProvince(false);
    }
  }

  /** Sponsor, district and selection from the URL, once everything is loaded; anything stale is reported, not fatal. */
  private async applyRequested(): Promise<void> {
    const sponsors = this.link.later.sponsor ? await this.data.sponsorIds() : undefined;
    const view = this.link.checkLater(this.state.get(), this.viewData(sponsors));
    if (view.district) await this.setDistrict(view.district);
    if (view.selectedCode) this.select(view.selectedCode);
    if (view.sponsor) await this.setSponsor(view.sponsor);
    else await Promise.all([this.view?.drawSponsored(), this.refresher.refreshSide(this.state.get())]);
    const { traced } = this.asked;
    if (traced && this.state.get().vintage === POST_REFORM) await this.traceFormer(traced);
    else if (this.state.get().showFormerDistricts) await this.setShowFormerDistricts(true);
    const ambiguous = await this.vintages.ambiguousCodes(this.asked, this.state.get(), this.units);
    const notice = [this.link.notice(this.notRestored), this.dataNotice, ...ambiguous].filter(Boolean).join(' ');
    if (notice) this.state.set({ notice });
  }

  private refresh(): Promise<void> {
    return this.refresher.refresh();
  }

  async comparisonColours(indicator: IndicatorId, year: number): Promise<{ colours: Uint8Array; colouring: Colouring; sharedLegend: boolean } | null> {
    const asked = this.state.get();
    if (!this.matrices || !this.view) return null;
    const m = await this.matrices.get(indicator, asked);
    const s = this.state.get();
    return this.view.colours.comparison(m, indicator, year, { ...s, sponsorCodes: this.sponsorCodes });
  }
}
