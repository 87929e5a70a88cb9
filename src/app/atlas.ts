import { i18n, type Locale } from '../i18n';
import type { SqlEngine } from '../db/engine';
import type { IndicatorId } from '../indicators/registry';
import type { ClassMethod } from '../classify/classify';
import type { HoverEvent } from '../map/atlas-map';
import { Store } from '../state/store';
import { initialState, type AppState } from '../state/app-state';
import type { Colouring } from './colouring';
import type { SlideView } from '../present/slides';
import type { MapScene } from '../export/map-scene';
import { sceneOfView } from './export-scene';
import { rememberedLocale, rememberLocale } from './locale-memory';
import type { UnitList } from '../db/unit-list';
import type { DrawableLayer } from './base-layers';
import { trackedChanges, type AtlasFacade, type UiState } from './facade';
import type { UserTargets } from './user-targets';
import { boundsAround, drawSelectionOutline } from './selection-outline';
import { DataLoading, type Timings } from './loading';
import { MapView, type DrawnView } from './map-view';
import { IndicatorMatrices } from './matrices';
import type { UnitKeys } from './feature-colours';
import { ViewRefresh } from './view-refresh';
import { VintageControl } from './vintage-control';
import { storeVintage } from './vintage-switch';
import { POST_REFORM, type Vintage } from '../common/vintage';
import { SponsorSelection } from './sponsor-selection';
import { Presenting } from './presenting';
import { LinkOpening } from './link-opening';
import { startUp } from './start-up';
import { InFlight } from './in-flight';
import { loadErrorText, provinceLoaded } from './load-error';

/**
 * Orchestrates data and map: starts DuckDB and the geometry downloads in parallel, draws outlines first,
 * colours from SQL when the engine answers. An indicator is fetched once for all years (one SQL query);
 * changing the year only slices that matrix and rewrites the colour attribute. The UI and the automation API
 * see it as an AtlasFacade. Its collaborators never import it: DataLoading (the data side of start-up),
 * LinkRequest and validateView (the view a link or slide asks for), IndicatorMatrices (fetch and cache),
 * ViewRefresh (from a changed view to the screen), MapView with FeatureColours (what is drawn and its colours),
 * startUp (the start-up sequence), LinkOpening (the link's view applied as start-up allows), SponsorSelection (the
 * sponsor view), Presenting (slides).
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
  /** What the start-up left running once ready (the other vintage read ahead). */
  private background: Promise<void> = Promise.resolve();
  private readonly inFlight = new InFlight();
  /** Bumped by each choice of province: the last one wins, whichever layer loads first. */
  private provinceRequest = 0;
  /** Created once the core tables are in. */
  private matrices: IndicatorMatrices | null = null;
  /** The engine for the UI: set once every table is loaded. */
  private engineForUi: SqlEngine | null = null;
  private unitList: UnitList | null = null;
  /** The precomputed first map's units, standing in for the unit list until it is read. */
  private firstUnits: UnitKeys | null = null;
  /** Targets the user entered (created once every table is loaded). */
  private userTargetStore: UserTargets | null = null;
  private readonly sponsors = new SponsorSelection({
    state: this.state,
    view: () => this.view,
    engine: () => this.engine,
    refresh: () => this.refresh(),
  });
  private resolveReady!: () => void;
  private rejectReady!: (e: unknown) => void;

  /** The view the URL asked for, applied as start-up allows. */
  private readonly opening: LinkOpening;
  /** Both vintages' data, the switch between them, "where did my commune go". */
  private readonly vintages = new VintageControl({
    state: this.state,
    view: () => this.view,
    engine: () => this.data.engine!,
    tablesLoaded: () => this.data.loadRest(),
    use: ({ units, matrices }) => {
      this.unitList = units;
      this.matrices = matrices;
      this.sponsors.forget();
      this.data.imports?.useUnits(units);
    },
    reopenSponsor: (id) => this.setSponsor(id),
    refresh: () => this.refresh(),
  });
  private readonly presenting = new Presenting({
    state: this.state,
    view: () => this.view,
    viewData: () => this.opening.viewData(),
    switchVintage: (vintage) => this.vintages.switchTo(vintage, false),
    forgetSponsor: () => this.sponsors.forget(),
    setSponsor: (id) => this.setSponsor(id),
    setDistrict: (district) => this.setDistrict(district),
    refresh: () => this.refresh(),
  });

  /** `initial`: the view from the URL; `invalidParams`: URL parameters that could not be read. */
  constructor(initial: Partial<AppState> = {}, invalidParams: string[] = []) {
    this.opening = new LinkOpening({
      state: this.state,
      data: this.data,
      vintages: this.vintages,
      view: () => this.view,
      units: () => this.units,
      setDistrict: (district) => this.setDistrict(district),
      select: (code) => this.select(code),
      setSponsor: (id) => this.setSponsor(id),
      showWithoutSponsor: async () => void (await Promise.all([this.view?.drawSponsored(), this.refresher.refreshSide(this.state.get())])),
      traceFormer: (code) => this.traceFormer(code),
      setShowFormerDistricts: (show) => this.setShowFormerDistricts(show),
    }, initial, invalidParams);
    this.state.set(this.opening.immediate);
    // the language chosen on an earlier visit, unless the link names one
    const remembered = initial.locale ? null : rememberedLocale();
    if (remembered) this.state.set({ locale: remembered });
    this.ready = new Promise((res, rej) => {
      this.resolveReady = res;
      this.rejectReady = rej;
    });
    this.ready.catch(() => undefined); // the UI shows state.error
    this.inFlight.trackMethods(this, trackedChanges);
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
    this.matrices = new IndicatorMatrices(core, () => core.then(() => this.data.loadRest()), vintage);
    try {
      await startUp({
        state: this.state, timings: this.timings, data: this.data, vintages: this.vintages, opening: this.opening,
        matrices: () => this.matrices!,
        unitsRead: () => this.unitList !== null,
        useFirstUnits: (units) => (this.firstUnits = units),
        useUnits: (units) => {
          this.unitList = units;
          // the import service is there from now on: a file read early waits for the other vintage's unit list
          this.vintages.connectImports(this.data.imports);
        },
        useEngine: (db, targets) => {
          this.userTargetStore = targets;
          this.engineForUi = db;
        },
        refreshPlanner: () => this.refresher.refreshPlanner(this.state.get()),
        refresh: () => this.refresh(),
        inBackground: (work) => (this.background = work.catch((e: unknown) => console.error(e))),
        ready: () => this.resolveReady(),
      }, view);
    } catch (error) {
      this.state.set({ phase: 'error', error: loadErrorText(error) });
      this.rejectReady(error);
    }
  }

  async setProvince(province: string | null): Promise<void> {
    const request = ++this.provinceRequest;
    if (!(await provinceLoaded(this.state, this.view, province)) || request !== this.provinceRequest) return;
    this.sponsors.forget();
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
  private change(patch: Partial<AppState>): Promise<void> {
    return this.refresher.switchTo(patch);
  }

  setLocale(locale: Locale): void {
    rememberLocale(locale);
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    this.state.set({ locale });
    void this.view?.drawBase();
  }

  /** Opens the sponsor view: the sponsor's province, its communes zoomed to, every other commune muted. */
  setSponsor(id: string | null): Promise<void> {
    return this.sponsors.open(id);
  }

  /** Outlines every sponsored commune of the drawn province with its sponsor's short name. */
  setShowSponsored(show: boolean): Promise<void> {
    return this.sponsors.showSponsored(show);
  }

  /** Presentation: shows slide i of the saved deck full screen (null leaves presentation mode). */
  present(i: number | null): Promise<void> {
    return this.presenting.present(i);
  }

  /** Restores a saved view (a slide), checked against the data like a link. */
  applyView(v: SlideView): Promise<void> {
    return this.presenting.applyView(v);
  }

  /** Shows the units of a vintage (the view carried over) and remembers the choice. */
  async setVintage(vintage: Vintage): Promise<void> {
    // remembered only once shown: a link without a vintage must not open on units this browser cannot load
    if (await this.vintages.switchTo(vintage)) storeVintage(vintage);
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
    // the lagging outline of the former districts is drawn only with them (laggingOutlineDrawn)
    await Promise.all([this.view?.drawBase(), this.refresher.refreshPlanner(this.state.get())]);
  }

  /** After an import or its removal: every cached matrix is stale; years may have changed. */
  async dataChanged(): Promise<void> {
    this.matrices!.invalidate();
    this.vintages.cache.dropExcept(this.state.get().vintage);
    this.refresher.dataChanged();
    await this.opening.applyLists(await this.data.lists(this.state.get().vintage), false);
    await this.matrices!.loadStatus();
    await this.opening.noteDataIdentity(false);
    await this.refresh();
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

  /** Every change asked for has finished, the view's tables and notes are in, the idle work is done, the map is drawn. */
  async settled(): Promise<void> {
    await this.inFlight.done();
    await this.background;
    await this.refresher.sideSettled();
    await this.view?.colours.idleWorkDone();
    await this.view?.map.idle();
  }

  /** What is drawn depends on: the state's view and the open sponsor's communes. */
  private drawnView(s: AppState = this.state.get()): DrawnView {
    return {
      vintage: s.vintage, province: s.province, selectedCode: s.selectedCode, sponsor: s.sponsor, showSponsored: s.showSponsored,
      sponsorCodes: this.sponsors.codes, showFormerDistricts: s.showFormerDistricts, traced: s.traced,
    };
  }

  private refresh(): Promise<void> {
    return this.refresher.refresh();
  }

  async comparisonColours(indicator: IndicatorId, year: number): Promise<{ colours: Uint8Array; colouring: Colouring; sharedLegend: boolean } | null> {
    const asked = this.state.get();
    if (!this.matrices || !this.view) return null;
    const m = await this.matrices.get(indicator, asked);
    const s = this.state.get();
    return this.view.colours.comparison(m, indicator, year, { ...s, sponsorCodes: this.sponsors.codes });
  }
}
