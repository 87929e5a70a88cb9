import type { AtlasFacade } from '../app/facade';
import { fetchedBytes } from '../db/fetch-asset';
import { rowsOf } from '../db/engine';
import { detailsByCode } from '../ui/commune-details';
import type { IndicatorId } from '../indicators/registry';
import { viewIllustrative } from '../indicators/provenance';
import type { ClassMethod } from '../classify/classify';
import type { Vintage } from '../common/vintage';
import { importBytes, type ImportChoices } from '../import/service/import-file';
import type { ImportMode } from '../import/service/imports';
import { exportAutomation } from './export-automation';

/**
 * window.ntmAtlas: the one automation surface for browser tests and the benchmark.
 * Tests never reach into React; they call these and read plain JSON.
 */
export function automationApi(atlas: AtlasFacade) {
  return {
    ready: atlas.ready,
    ...exportAutomation(atlas),
    state() {
      const s = atlas.state.get();
      const d = atlas.drawableLayer();
      return {
        phase: s.phase,
        error: s.error,
        locale: s.locale,
        /** the administrative units shown: '2024' (pre-reform) or '2025-07' (post-reform) */
        vintage: s.vintage,
        traced: s.traced,
        showFormerDistricts: s.showFormerDistricts,
        province: s.province,
        year: s.year,
        indicator: s.indicator,
        years: s.years,
        provinces: s.provinces.length,
        communesDrawn: s.communesDrawn,
        drawnLayer: d?.geometry.layer ?? null,
        /** category -> units (categorical indicators) */
        counts: Object.fromEntries(s.legend.filter((l) => l.category).map((l) => [l.category, l.count])),
        legend: s.legend.map((l) => ({ category: l.category, range: l.range, noData: l.noData, count: l.count })),
        compareYear: s.compareYear,
        lastRecolourMs: atlas.timings.lastRecolourMs,
        withoutBoundary: s.withoutBoundary.map((u) => u.code),
        selectedCode: s.selectedCode,
        district: s.district,
        playing: s.playing,
        presenting: s.presenting,
        sponsor: s.sponsor,
        notice: s.notice,
        panel: s.panel,
        /** whether the legend's indicator and year show any value from an illustrative row (the badge) */
        illustrative: viewIllustrative(s),
      };
    },
    timings: () => ({ ...atlas.timings }),
    /** The planner table (district or province level) as shown. */
    planner: () => atlas.state.get().planner,
    /** Calls back with each year the app moves to (for the animation test). */
    onYear(callback: (year: number) => void) {
      let last = atlas.state.get().year;
      return atlas.state.subscribe(() => {
        const y = atlas.state.get().year;
        if (y !== last) callback((last = y));
      });
    },
    payload: () => Object.fromEntries(fetchedBytes),
    setProvince: (code: string | null) => atlas.setProvince(code),
    setVintage: (vintage: Vintage) => atlas.setVintage(vintage),
    /** "Where did my commune go": a pre-reform commune (2024 code) outlined with its successor(s) on the post-reform map. */
    traceFormer: (code: string | null) => atlas.traceFormer(code),
    setShowFormerDistricts: (show: boolean) => atlas.setShowFormerDistricts(show),
    /** The features of a MapLibre base source as last set (e.g. 'lineage', 'districts', 'district-labels'). */
    baseSource: (id: string) => atlas.mapParts()?.base.get(id as never)?.features.map((f) => f.properties) ?? [],
    setYear: (year: number) => atlas.setYear(year),
    setIndicator: (id: IndicatorId) => atlas.setIndicator(id),
    setCompareYear: (y: number) => atlas.setCompareYear(y),
    setClassification: (m: ClassMethod, k: number, breaks?: number[]) => atlas.setClassification(m, k, breaks),
    setSponsor: (id: string | null) => atlas.setSponsor(id),
    setShowSponsored: (show: boolean) => atlas.setShowSponsored(show),
    setLocale: (locale: 'vi' | 'en') => atlas.setLocale(locale),
    select: (code: string | null) => atlas.select(code),
    settled: () => atlas.settled(),
    /** Codes of the communes drawn in the current view (kind 'unit', visible). */
    drawnCodes(): string[] {
      const d = atlas.drawableLayer();
      if (!d) return [];
      const { province } = atlas.state.get();
      const out: string[] = [];
      for (let i = 0; i < d.geometry.nFeatures; i++) {
        if (d.kind[i] === 'unit' && (province === null || d.provinceCode[i] === province) && d.code[i]) out.push(d.code[i]!);
      }
      return out;
    },
    /** Screen position (CSS px, relative to the map container) of a commune's label point, for hover tests. */
    screenPointOf(code: string): { x: number; y: number } | null {
      const d = atlas.drawableLayer();
      const i = d?.code.indexOf(code) ?? -1;
      if (!d || i < 0 || !Number.isFinite(d.labelLon[i])) return null;
      const p = atlas.mapInstance()!.project([d.labelLon[i], d.labelLat[i]]);
      return { x: p.x, y: p.y };
    },
    /** Renders the map to PNG at 1x/2x/4x; returns its size and a data URL. */
    async exportPng(scale: 1 | 2 | 4) {
      const png = await atlas.capturePng(scale);
      const dataUrl = await new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result as string);
        r.readAsDataURL(png.blob);
      });
      return { width: png.width, height: png.height, dataUrl };
    },
    /** The MapLibre map, for tests that inspect rendered layers. */
    debugMap: () => atlas.mapInstance(),
    details: (code: string) => {
      const d = detailsByCode(atlas, code);
      return d;
    },
    /**
     * Imports a file as the data panel does (worker, DuckDB, IndexedDB, recolour) and resolves once the map shows
     * it, with phase timings in ms. Rows needing a manual choice are left out (counted in needsResolution); a file
     * that cannot be read or has no accepted row gives ok: false and loads nothing. `choices` are what a person
     * would type or choose: the year box's text (empty or absent: the year shown) and the province (code or name,
     * "all" for the whole country; absent: the province shown). A targets table's targets are added as the panel
     * adds them; `targets` in the result says how many were read, added and refused.
     */
    importBytes: (name: string, bytes: Uint8Array, mode: ImportMode = 'beside', choices: ImportChoices = {}) => importBytes(atlas, name, bytes, mode, choices),
    /** Runs read-only SQL in the app's DuckDB, for tests that check the map against an independent query. */
    async sql(query: string, params: unknown[] = []) {
      if (!atlas.engine) throw new Error('engine not ready');
      return rowsOf(await atlas.engine.query(query, params));
    },
  };
}

export type AutomationApi = ReturnType<typeof automationApi>;
