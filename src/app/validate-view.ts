import type { AppState, ProvinceOption } from '../state/app-state';
import type { UnitList } from '../db/unit-list';

/** The parts of a view that a link or a saved slide can ask for and the data may not have. */
export type ViewRequest = Partial<Pick<AppState, 'province' | 'year' | 'compareYear' | 'district' | 'selectedCode' | 'sponsor'>>;

/** What the requested view is checked against. */
export interface ViewData {
  years: readonly number[];
  provinces: readonly ProvinceOption[];
  /** null before the unit list is read: no district or commune can be confirmed. */
  units: Pick<UnitList, 'indexOf' | 'districtCode' | 'provinceCode'> | null;
  /** Known sponsor ids (only read when a sponsor is requested). */
  sponsors: ReadonlySet<string>;
}

/** Where a year or province the data lacks falls back to (the defaults for a link, the current view for a slide). */
export type ViewFallback = Pick<AppState, 'province' | 'year' | 'compareYear'>;

/**
 * Checks a requested view against the data. Only the fields present in `requested` are checked and returned:
 * a year, comparison year or province the data lacks falls back; a district outside the province (or unknown), an
 * unknown commune or sponsor becomes null. `ignored` names each rejected value as its URL parameter
 * ("year=1999"), in a fixed order, for the notice.
 */
export function validateView(requested: ViewRequest, data: ViewData, fallback: ViewFallback): { view: ViewRequest; ignored: string[] } {
  const view: ViewRequest = {};
  const ignored: string[] = [];
  const check = <K extends keyof ViewRequest>(key: K, param: string, ok: (v: NonNullable<ViewRequest[K]>) => boolean, otherwise: ViewRequest[K]) => {
    if (!(key in requested)) return;
    const v = requested[key];
    if (v === null || v === undefined || ok(v as NonNullable<ViewRequest[K]>)) {
      view[key] = v;
      return;
    }
    ignored.push(`${param}=${String(v)}`);
    view[key] = otherwise;
  };
  check('year', 'year', (y) => data.years.includes(y), fallback.year);
  check('compareYear', 'compare', (y) => data.years.includes(y), fallback.compareYear);
  check('province', 'province', (p) => data.provinces.some((o) => o.code === p), fallback.province);
  const province = 'province' in requested ? view.province : fallback.province;
  const u = data.units;
  check('district', 'district', (d) => {
    const i = u ? u.districtCode.indexOf(d) : -1;
    return i >= 0 && (province === null || province === undefined || u!.provinceCode[i] === province);
  }, null);
  check('selectedCode', 'sel', (code) => u?.indexOf.has(code) ?? false, null);
  check('sponsor', 'sponsor', (id) => data.sponsors.has(id), null);
  return { view, ignored };
}
