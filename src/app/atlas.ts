import { i18n, type Locale } from '../i18n';
import { startBrowserEngine } from '../db/browser-engine';
import { rowsOf, type SqlEngine } from '../db/engine';
import { fetchAsset } from '../db/fetch-asset';
import { loadProgramme, loadUnits } from '../db/load';
import { focusLayerOf, type BoundaryLayer } from '../db/schema';
import { illustrativeShownSQL, provincesSQL, withoutBoundarySQL, yearsSQL } from '../db/sql/map-queries';
import { indicatorMatrixSQL } from '../db/sql/indicator-values';
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
import { ImportService } from './imports';
import { featureUnits, loadUnitList, type UnitList } from './unit-list';
import {
  communeOutlines, districtLabels, districtOutlines, islandDots, loadDrawableLayer, provinceLabels, provinceLand, seaLabels,
  type DrawableLayer,
} from './base-layers';

export interface Timings {
  /** ms from navigation start */
  dataReady?: number;
  firstFrame?: number;
  firstColouredFrame?: number;
  engineStarted?: number;
  unitsLoaded?: number;
  programmeLoaded?: number;
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
  engine: SqlEngine | null = null;
  units: UnitList | null = null;
  imports: ImportService | null = null;

  private map: AtlasMap | null = null;
  private drawable: DrawableLayer | null = null;
  private featureUnit: Int32Array | null = null;
  private featureColours: Uint8Array | null = null;
  /** Communes of the open sponsor view; all others are muted. */
  private sponsorCodes: Set<string> | null = null;
  private matrices = new Map<string, Promise<Float64Array>>();
  private colouring: Colouring | null = null;
  private yearValues: Float64Array | null = null;
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
    return this.map && this.drawable ? { geometry: this.drawable.geometry, base: this.map.baseSources() } : null;
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
    const enginePromise = startBrowserEngine().then(async (engine) => {
      this.timings.engineStarted = performance.now();
      await loadUnits(engine, fetchAsset);
      this.timings.unitsLoaded = performance.now();
      await loadProgramme(engine, fetchAsset);
      this.timings.programmeLoaded = performance.now();
      return engine;
    });
    try {
      await this.showProvince(false);
      void this.map.nextFrame().then(() => (this.timings.firstFrame ??= performance.now()));
      this.engine = await enginePromise;
      this.units = await loadUnitList(this.engine);
      this.featureUnit = featureUnits(this.drawable!.code, this.units);
      this.imports = new ImportService(this.engine, this.units);
      const { failed } = await this.imports.restore();
      if (failed.length > 0) this.invalidParams.push(...failed.map((f) => `import: ${f}`));
      await this.loadLists();
      [this.statusMatrix, this.criteriaMatrix] = await Promise.all([this.matrix('status', 0), this.matrix('criteria', 0)]);
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
    if (!this.map || !this.drawable) return;
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
    const all = toGeoJSON(d.geometry, (i) => ({ code: d.code[i], label: labels.get(d.code[i] ?? '') ?? '' }));
    await this.map.setBaseSource('sponsored', {
      type: 'FeatureCollection',
      features: all.features.filter((_, i) => labels.has(d.code[i] ?? '')),
    });
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
    this.matrices.clear();
    await this.loadLists();
    [this.statusMatrix, this.criteriaMatrix] = await Promise.all([this.matrix('status', 0), this.matrix('criteria', 0)]);
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

  /** Resolves once the map has drawn everything requested so far. */
  async settled(): Promise<void> {
    await this.map?.idle();
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
    const layer: BoundaryLayer = (province && focusLayerOf[province]) || 'communes';
    if (this.drawable?.geometry.layer !== layer) {
      this.drawable = await loadDrawableLayer(layer);
      this.featureUnit = this.units ? featureUnits(this.drawable.code, this.units) : null;
      this.featureColours = new Uint8Array(this.drawable.geometry.nFeatures * 4);
    }
    const d = this.drawable;
    const bounds = province === null ? nationalBounds : boundsOfFeatures(d.geometry, (i) => d.provinceCode[i] === province);
    this.map!.fitBounds(bounds ?? nationalBounds, animate);
    await this.drawBase();
    await this.drawSponsored();
    this.paint();
  }

  private async loadLists(): Promise<void> {
    const e = this.engine!;
    const years = rowsOf<{ year: number }>(await e.query(yearsSQL)).map((r) => r.year);
    const provinces = rowsOf<{ province_code: string; province_name: string }>(await e.query(provincesSQL)).map((r) => ({
      code: r.province_code,
      name: r.province_name,
    }));
    const s = this.state.get();
    const ignored = this.invalidParams;
    if (!years.includes(s.year)) ignored.push(`year=${s.year}`);
    if (!years.includes(s.compareYear)) ignored.push(`compare=${s.compareYear}`);
    const year = years.includes(s.year) ? s.year : initialState.year;
    const compareYear = years.includes(s.compareYear) ? s.compareYear : initialState.compareYear;
    this.state.set({ importedRows: rowsOf<{ n: number }>(await e.query('SELECT count(*)::INTEGER AS n FROM import_commune_year'))[0].n });
    this.state.set({ years, provinces, year, compareYear });
    if (s.province !== null && !provinces.some((p) => p.code === s.province)) {
      ignored.push(`province=${s.province}`);
      this.state.set({ province: initialState.province });
      await this.showProvince(false);
    }
    await this.applyRequested(ignored);
  }

  /** Sponsor, district and selection from the URL, once units are known; anything stale is reported, not fatal. */
  private async applyRequested(ignored: string[]): Promise<void> {
    const { sponsor, selectedCode, district } = this.requested;
    const u = this.units!;
    if (district) {
      const i = u.districtCode.indexOf(district);
      if (i >= 0 && (this.state.get().province === null || u.provinceCode[i] === this.state.get().province)) await this.setDistrict(district);
      else ignored.push(`district=${district}`);
    }
    if (selectedCode) {
      if (u.indexOf.has(selectedCode)) this.state.set({ selectedCode });
      else ignored.push(`sel=${selectedCode}`);
    }
    if (sponsor) {
      const known = rowsOf(await this.engine!.query('SELECT 1 FROM sponsorship WHERE sponsor_id = ? LIMIT 1', [sponsor])).length > 0;
      if (known) await this.setSponsor(sponsor);
      else ignored.push(`sponsor=${sponsor}`);
    }
    if (ignored.length > 0) this.state.set({ notice: i18n.t('app.ignoredParams', { params: ignored.join(', ') }) });
  }

  /** All years of one indicator in one query, cached: [unit * nYears + yearIndex]. */
  private matrix(id: IndicatorId, compareYear: number, criterion = 1): Promise<Float64Array> {
    const params = indicatorParams(id, { compareYear, criterion });
    const key = `${id}|${params.join(',')}`;
    let m = this.matrices.get(key);
    if (!m) {
      m = this.engine!.query(indicatorMatrixSQL(id), params).then(
        (t) => t.getChild('value')!.toArray() as Float64Array,
      );
      this.matrices.set(key, m);
    }
    return m;
  }

  /** Re-reads the indicator for the current year and recolours; a later call wins over an earlier one. */
  private async refresh(): Promise<void> {
    if (!this.engine || !this.units) return;
    const request = ++this.request;
    const s = this.state.get();
    const [m, without, illustrative] = await Promise.all([
      this.matrix(s.indicator, s.compareYear, s.criterion),
      s.province === null ? null : this.engine.query(withoutBoundarySQL, [this.drawable!.geometry.layer, s.province]),
      this.engine.query(illustrativeShownSQL, [s.province, s.year]),
    ]);
    if (request !== this.request) return;
    this.state.set({
      illustrative: rowsOf<{ any: boolean | null }>(illustrative)[0].any !== false,
      withoutBoundary: without
        ? rowsOf<{ commune_code: string; commune_name: string; district_name: string; polygon_note: string | null }>(without).map(
            (r) => ({ code: r.commune_code, name: r.commune_name, districtName: r.district_name, note: r.polygon_note }),
          )
        : [],
    });
    this.recolour(m);
    void this.refreshPlanner();
  }

  /** CPU side of a year/indicator switch: slice the year, classify, colour features, hand to deck.gl. */
  private recolour(m: Float64Array): void {
    const t0 = performance.now();
    const s = this.state.get();
    const units = this.units!;
    const nYears = s.years.length;
    const yi = s.years.indexOf(s.year);
    const values = yearSlice(m, units.length, nYears, yi);
    this.yearValues = values;
    this.colouring = colourUnits(s.indicator, values, this.inScope(), { method: s.classMethod, classes: s.classCount, manualBreaks: s.manualBreaks });
    this.state.set({ legend: this.colouring.legend });
    this.paint();
    this.timings.lastRecolourMs = performance.now() - t0;
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
    this.map.setCommunes({ geometry: this.drawable.geometry, featureColours: this.featureColours, colourVersion: this.colourVersion });
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

/** One year's column of an indicator matrix ([unit * nYears + year]). */
function yearSlice(m: Float64Array, nUnits: number, nYears: number, yearIndex: number): Float64Array {
  const values = new Float64Array(nUnits);
  for (let u = 0; u < nUnits; u++) values[u] = m[u * nYears + yearIndex];
  return values;
}

const pendingColour = [215, 215, 215, 255] as const;
