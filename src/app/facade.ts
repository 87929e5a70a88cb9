import type { ClassMethod } from '../classify/classify';
import type { SqlEngine } from '../db/engine';
import type { MapPng } from '../map/capture-png';
import type { MapScene } from '../export/map-scene';
import type { ImportService } from '../import/service/imports';
import type { UserTargets } from './user-targets';
import type { IndicatorId } from '../indicators/registry';
import type { AtlasMap, HoverEvent } from '../map/atlas-map';
import type { SlideView } from '../present/slides';
import type { AppState } from '../state/app-state';
import type { ReadonlyStore } from '../state/store';
import type { DrawableLayer } from './base-layers';
import type { Colouring } from './colouring';
import type { Timings } from './loading';
import type { UnitList } from '../db/unit-list';
import type { Vintage } from '../common/vintage';

/** The state fields the UI sets directly: nothing drawn or queried depends on them. */
export type UiState = Partial<Pick<AppState, 'panel' | 'playing' | 'compare' | 'notice'>>;

/**
 * The app as the UI (src/ui) and the automation API (src/api) see it: the state to read, one method per change,
 * and what the map shows. Nothing here can be reassigned; the state changes only through these methods.
 */
export interface AtlasFacade {
  readonly state: ReadonlyStore<AppState>;
  /** The feature under the pointer (tooltip). */
  readonly hover: ReadonlyStore<{ event: HoverEvent | null }>;
  readonly timings: Readonly<Timings>;
  /** Resolves once the view asked for is shown with every table loaded; rejects on a start-up error (see state.error). */
  readonly ready: Promise<void>;
  /** DuckDB with every table loaded (null before). */
  readonly engine: SqlEngine | null;
  /** Every commune-level unit in matrix order (null before the unit list is read). */
  readonly units: Readonly<UnitList> | null;
  readonly imports: ImportService | null;
  /** Targets the user entered in the scorecard (null until every table is loaded). */
  readonly targets: UserTargets | null;

  start(container: HTMLElement): Promise<void>;

  setProvince(province: string | null): Promise<void>;
  /** Drill down to a district of the current province (null = back to the province). */
  setDistrict(district: string | null): Promise<void>;
  setYear(year: number): Promise<void>;
  setIndicator(indicator: IndicatorId): Promise<void>;
  /** Maps the communes missing criterion n (of the set in force in the selected year). */
  showCriterionGap(criterion: number): Promise<void>;
  setCompareYear(compareYear: number): Promise<void>;
  setClassification(method: ClassMethod, classCount: number, manualBreaks?: number[]): Promise<void>;
  /** Planner: communes under this many criteria are "below the floor". */
  setFloor(floor: number): Promise<void>;
  setLocale(locale: AppState['locale']): void;
  /** Opens the sponsor view (null closes it). */
  setSponsor(id: string | null): Promise<void>;
  setShowSponsored(show: boolean): Promise<void>;
  select(code: string | null): void;
  /** Opens a commune from search or a table: its province, its district, selected and zoomed to. */
  focusCommune(code: string): Promise<void>;
  /** Shows the units of a vintage (pre-reform 2024, post-reform 2025-07), the view carried over; the choice is remembered. */
  setVintage(vintage: Vintage): Promise<void>;
  /** "Where did my commune go": a pre-reform commune (2024 code) and its successor(s) outlined on the post-reform map (null clears). */
  traceFormer(code: string | null): Promise<void>;
  /** Post-reform map: outline and label the former districts over the new communes. */
  setShowFormerDistricts(show: boolean): Promise<void>;
  /** The unit list of a vintage once read (the one shown is `units`; the other is read once the map is idle). */
  unitsOf(vintage: Vintage): Readonly<UnitList> | null;
  /** Fields only the interface reads (nothing is drawn or queried for them): panel, play button, comparison map, notice. */
  setUiState(patch: UiState): void;
  /** Presentation: shows slide i of the saved deck full screen (null leaves presentation mode). */
  present(i: number | null): Promise<void>;
  /** Restores a saved view (a slide), checked against the data like a link. */
  applyView(v: SlideView): Promise<void>;
  /** After an import or its removal: matrices, lists and colours are read again. */
  dataChanged(): Promise<void>;

  /** Unit index of a drawn feature, -1 when the feature is no unit. */
  unitOfFeature(feature: number): number;
  /** The shown indicator's value for a unit in the shown year (NaN = no data). */
  valueOfUnit(unit: number): number;
  /** Status class index and criteria met of a unit in the current year. */
  statusOfUnit(unit: number): { status: number; criteriaMet: number | null } | null;
  drawableLayer(): DrawableLayer | null;
  mapInstance(): AtlasMap['map'] | null;
  /** The drawn layer's geometry and the base map's GeoJSON, for a second synchronised map. */
  mapParts(): { geometry: DrawableLayer['geometry']; detail: DrawableLayer['detail']; base: ReturnType<AtlasMap['baseSources']> } | null;
  /** Colours of the drawn layer for another year or indicator (the comparison map). */
  comparisonColours(indicator: IndicatorId, year: number): Promise<{ colours: Uint8Array; colouring: Colouring; sharedLegend: boolean } | null>;
  capturePng(scale: 1 | 2 | 4): Promise<MapPng>;
  /** What an export of the current view draws, fitted by the export composer (null before the map has a layer). */
  exportScene(): Promise<MapScene | null>;
  /** Resolves after the map's next frame: the colours handed over so far are on screen. */
  drawn(): Promise<void>;
  /** Resolves once the map has drawn everything requested so far (planner and side notes included). */
  settled(): Promise<void>;
}

/** The facade's changes that settled() waits for until they have finished: every async method that changes what is shown. */
export const trackedChanges = [
  'setProvince', 'setDistrict', 'setYear', 'setIndicator', 'showCriterionGap', 'setCompareYear', 'setClassification', 'setFloor',
  'setSponsor', 'setShowSponsored', 'present', 'applyView', 'setVintage', 'traceFormer', 'setShowFormerDistricts', 'dataChanged', 'focusCommune',
] as const satisfies readonly (keyof AtlasFacade)[];
