import { FIRST_POST_REFORM_YEAR } from '../common/programme';
import { DEFAULT_PROVINCE, POST_REFORM, PRE_REFORM, type Vintage } from '../common/vintage';
import { indicatorOnVintage, type IndicatorId } from '../indicators/registry';
import type { AppState, ProvinceOption } from '../state/app-state';

/** Which post-reform province each pre-reform one went to, and back (src/db/sql/vintage.ts provinceSuccessionSQL). */
export interface ProvinceSuccession {
  /** old province code → new province code */
  next: ReadonlyMap<string, string>;
  /** new province code → old province codes, the one that gave most communes first */
  previous: ReadonlyMap<string, readonly string[]>;
}

export function provinceSuccession(rows: readonly { old_province: string; new_province: string; n: number }[]): ProvinceSuccession {
  const next = new Map(rows.map((r) => [r.old_province, r.new_province]));
  const previous = new Map<string, string[]>();
  for (const r of [...rows].sort((a, b) => b.n - a.n || a.old_province.localeCompare(b.old_province))) {
    previous.set(r.new_province, [...(previous.get(r.new_province) ?? []), r.old_province]);
  }
  return { next, previous };
}

/** NTM indicators of a commune's own status: a post-reform commune has none before its first post-reform year. */
const ownStatusIndicators: readonly IndicatorId[] = ['status', 'criteria', 'ntm_year', 'status_change', 'criterion_missing'];

/** What a switch of vintage notes (message keys under vintage.*, with their parameters). */
export interface SwitchNote {
  key: 'formerNtmShown' | 'yearNotOnVintage';
  params: Record<string, string | number>;
}

export type SwitchedView = Pick<AppState, 'vintage' | 'province' | 'year' | 'compareYear' | 'indicator'>;

/**
 * The view on the units of another vintage: the province through the succession (back to the one it came from,
 * where that one went into it), the year and comparison year kept where the vintage shows them (else its latest
 * one), the indicator swapped for one that vintage shows. Pure; the commune-level parts (selection) need SQL.
 */
export function switchedView(
  s: SwitchedView,
  to: Vintage,
  target: { years: readonly number[]; provinces: readonly ProvinceOption[] },
  succession: ProvinceSuccession,
  cameFrom: string | null = null,
): { view: SwitchedView; notes: SwitchNote[] } {
  const notes: SwitchNote[] = [];
  if (s.vintage === to) return { view: s, notes };
  const known = (p: string | null | undefined): p is string => !!p && target.provinces.some((o) => o.code === p);
  let province: string | null = null;
  if (s.province !== null) {
    const mapped =
      to === POST_REFORM
        ? succession.next.get(s.province)
        : cameFrom && succession.next.get(cameFrom) === s.province
          ? cameFrom
          : succession.previous.get(s.province)?.[0];
    province = known(mapped) ? mapped : known(DEFAULT_PROVINCE[to]) ? DEFAULT_PROVINCE[to] : (target.provinces[0]?.code ?? null);
  }
  const latest = (y: number) => [...target.years].reverse().find((t) => t <= y) ?? target.years[target.years.length - 1] ?? y;
  const year = target.years.includes(s.year) ? s.year : latest(s.year);
  if (year !== s.year) notes.push({ key: 'yearNotOnVintage', params: { year: s.year, shown: year } });
  const compareYear = target.years.includes(s.compareYear) ? s.compareYear : (target.years[0] ?? s.compareYear);
  const indicator = indicatorShownOn(to, year, s.indicator);
  if (indicator === 'former_ntm' && s.indicator !== 'former_ntm') notes.push({ key: 'formerNtmShown', params: { year } });
  return { view: { vintage: to, province, year, compareYear, indicator }, notes };
}

/**
 * The indicator a vintage's map shows for one asked for: one of the other vintage only becomes the status; on the
 * post-reform units before 2026 a commune's own status (none yet) becomes the share of its former communes NTM.
 */
export function indicatorShownOn(vintage: Vintage, year: number, indicator: IndicatorId): IndicatorId {
  if (!indicatorOnVintage(indicator, vintage)) return 'status';
  if (vintage === POST_REFORM && year < FIRST_POST_REFORM_YEAR && ownStatusIndicators.includes(indicator)) return 'former_ntm';
  return indicator;
}

const storageKey = 'ntm-atlas.vintage';

/** The vintage the user last chose (null: never chose, or storage unavailable). */
export function storedVintage(): Vintage | null {
  try {
    const v = localStorage.getItem(storageKey);
    return v === PRE_REFORM || v === POST_REFORM ? v : null;
  } catch {
    return null;
  }
}

export function storeVintage(v: Vintage): void {
  try {
    localStorage.setItem(storageKey, v);
  } catch {
    // private mode: the choice is not remembered
  }
}
