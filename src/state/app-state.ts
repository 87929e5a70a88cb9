import type { Locale } from '../i18n';
import { PRE_REFORM, type Vintage } from '../common/vintage';
import type { IndicatorId } from '../indicators/registry';
import type { ViewProvenance } from '../indicators/provenance';
import type { ClassMethod, LegendItem } from '../classify/classify';
import type { PlannerRow } from '../db/sql/planner';

export interface ProvinceOption {
  code: string;
  name: string;
}

export interface FeatureInfo {
  code: string | null;
  kind: string;
  name: string;
  districtName: string | null;
  provinceName: string | null;
  provinceCode: string | null;
  coversCodes: string | null;
}

export interface NoBoundaryUnit {
  code: string;
  name: string;
  districtName: string;
  note: string | null;
}

export interface AppState {
  phase: 'loading' | 'ready' | 'error';
  /** The administrative units every code of the view belongs to (src/common/vintage.ts). */
  vintage: Vintage;
  error: string | null;
  /** A visible, dismissable message (e.g. a URL parameter that was ignored). */
  notice: string | null;
  locale: Locale;
  /** null = national view */
  province: string | null;
  /** Drill-down: a district of the province, or null. */
  district: string | null;
  year: number;
  indicator: IndicatorId;
  /** The earlier year of a two-year comparison (change indicators) and the base year of the planner table. */
  compareYear: number;
  /** Criterion number for the criterion-gap map. */
  criterion: number;
  classMethod: ClassMethod;
  classCount: number;
  manualBreaks: number[];
  /** Planner: communes under this many criteria are "below the floor". */
  floor: number;
  legend: LegendItem[];
  /** District table (province view) or province table (national view). */
  planner: PlannerRow[];
  years: number[];
  provinces: ProvinceOption[];
  withoutBoundary: NoBoundaryUnit[];
  selectedCode: string | null;
  communesDrawn: number;
  /** Sponsor view: the organisation whose communes are shown (others muted), or null. */
  sponsor: string | null;
  /** Outline sponsored communes with their sponsor's short name on the main map. */
  showSponsored: boolean;
  /** Which side panel is open. */
  panel: 'legend' | 'scorecard' | 'districts' | 'criteria' | 'profile' | 'sponsors' | 'data' | 'slides';
  playing: boolean;
  /** Side-by-side comparison: a second synchronised map of another year or indicator (null = off). */
  compare: { year: number; indicator: IndicatorId } | null;
  /** Presentation: index of the slide shown, or null when not presenting. */
  presenting: number | null;
  /** Which shown values come from illustrative rows, per series and year and per unit (null = not known yet: marked). */
  provenance: ViewProvenance | null;
  /** Rows of the user's own imported tables now in the model. */
  importedRows: number;
  /**
   * The identity of the data shown (src/app/data-identity.ts: the edition, the data packages and imports), which
   * links carry as `data=`; null on the sample site without imports.
   */
  dataId: string | null;
  /** Post-reform map: outline and label the former (pre-reform) districts over the new communes. */
  showFormerDistricts: boolean;
  /** Post-reform map: a pre-reform commune (2024 code) whose successor(s) are outlined ("where did my commune go"). */
  traced: string | null;
}

export const initialState: AppState = {
  phase: 'loading',
  vintage: PRE_REFORM,
  error: null,
  notice: null,
  locale: 'vi',
  province: '45',
  district: null,
  year: 2024,
  indicator: 'status',
  compareYear: 2020,
  criterion: 1,
  classMethod: 'jenks',
  classCount: 5,
  manualBreaks: [],
  floor: 12,
  legend: [],
  planner: [],
  years: [],
  provinces: [],
  withoutBoundary: [],
  selectedCode: null,
  communesDrawn: 0,
  sponsor: null,
  showSponsored: false,
  panel: 'legend',
  playing: false,
  presenting: null,
  compare: null,
  provenance: null,
  importedRows: 0,
  dataId: null,
  showFormerDistricts: false,
  traced: null,
};
