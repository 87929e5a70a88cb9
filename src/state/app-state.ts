import type { Locale } from '../i18n';
import type { StatusClass } from '../db/sql/status';

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
  error: string | null;
  /** A visible, dismissable message (e.g. a URL parameter that was ignored). */
  notice: string | null;
  locale: Locale;
  /** null = national view */
  province: string | null;
  year: number;
  indicator: 'status';
  years: number[];
  provinces: ProvinceOption[];
  /** Legend: units per status class in the current province/year (including those without a boundary). */
  counts: Partial<Record<StatusClass, number>>;
  withoutBoundary: NoBoundaryUnit[];
  selectedCode: string | null;
  communesDrawn: number;
  illustrative: boolean;
}

export const initialState: AppState = {
  phase: 'loading',
  error: null,
  notice: null,
  locale: 'vi',
  province: '45',
  year: 2024,
  indicator: 'status',
  years: [],
  provinces: [],
  counts: {},
  withoutBoundary: [],
  selectedCode: null,
  communesDrawn: 0,
  illustrative: true,
};
