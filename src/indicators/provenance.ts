import type { SqlEngine } from '../db/engine';
import { approximateBit, provenancedSeries, rowProvenanceSQL, seriesBit } from '../db/sql/provenance';
import { rowProvenance2025SQL } from '../db/sql/vintage';
import { POST_REFORM, PRE_REFORM, type Vintage } from '../common/vintage';
import type { SeriesId } from '../common/schema';
import { indicators, type IndicatorId } from './registry';

export type { SeriesId } from '../common/schema';

/** Per data year, the series with an illustrative row among the units of the view. */
export type IllustrativeSeries = Readonly<Record<number, readonly SeriesId[]>>;

/**
 * What is known about the provenance of the view's data, for one province (or the country, null): per year and
 * series (legend, notes, exports) and per unit and year (tooltip, selection). Answered once per province and data
 * generation; a view of another province, or no answer yet, counts as illustrative.
 */
export interface ViewProvenance {
  province: string | null;
  series: IllustrativeSeries;
  rows: UnitProvenance;
  /** Years with a value apportioned from a split commune (post-reform units before 2026): shown as approximate. */
  approximateYears: readonly number[];
}

/** The view fields an indicator's mark depends on (AppState has them). */
export interface ShownView {
  province: string | null;
  indicator: IndicatorId;
  year: number;
  compareYear: number;
  provenance: ViewProvenance | null;
}

/** The data years a view of an indicator shows values of: the year, and the comparison year for a change. */
export function yearsRead(indicator: IndicatorId, year: number, compareYear: number): number[] {
  return indicators[indicator].change ? [year, compareYear] : [year];
}

/** Whether some series is illustrative in one of the years, in the view (unknown counts as illustrative). */
export function seriesIllustrative(
  provenance: ViewProvenance | null,
  province: string | null,
  series: readonly SeriesId[],
  years: readonly number[],
): boolean {
  if (!provenance || provenance.province !== province) return true;
  return years.some((y) => series.some((id) => provenance.series[y]?.includes(id) ?? false));
}

/**
 * The legend badge: illustrative iff some value the view's indicator shows comes from an illustrative row of a
 * series it reads, in a year it reads.
 */
export function viewIllustrative(v: ShownView): boolean {
  return seriesIllustrative(v.provenance, v.province, indicators[v.indicator].series, yearsRead(v.indicator, v.year, v.compareYear));
}

/** Per unit and year: which series' rows are illustrative, and the number of criteria of the NTM row's set. */
export class UnitProvenance {
  private readonly yearIndex: Map<number, number>;
  /** [unit * nYears + yearIndex]: seriesBit mask; 255 = no row that year, or a unit of another province (marked if shown). */
  private readonly mask: Uint8Array;
  private readonly nCriteria: Uint8Array;

  constructor(nUnits: number, readonly years: readonly number[], rows: { unit: Int32Array; year: Int32Array; illustrative: Int32Array; nCriteria: (number | null)[] }) {
    this.yearIndex = new Map(years.map((y, i) => [y, i]));
    this.mask = new Uint8Array(nUnits * years.length).fill(notCovered);
    this.nCriteria = new Uint8Array(nUnits * years.length);
    for (let i = 0; i < rows.unit.length; i++) {
      const yi = this.yearIndex.get(rows.year[i]);
      if (yi === undefined || rows.unit[i] >= nUnits) continue;
      const k = rows.unit[i] * years.length + yi;
      this.mask[k] = rows.illustrative[i];
      this.nCriteria[k] = rows.nCriteria[i] ?? 0;
    }
  }

  /** Whether the value of a unit in a year read from these series is illustrative (unknown counts as such). */
  illustrative(unit: number, series: readonly SeriesId[], years: readonly number[]): boolean {
    return years.some((y) => {
      const m = this.maskAt(unit, y);
      return m === notCovered || series.some((id) => (m & seriesBit(id)) !== 0);
    });
  }

  /** Whether a unit's value of these years rests on an apportioned part of a split commune (approximate). */
  approximate(unit: number, years: readonly number[]): boolean {
    return years.some((y) => {
      const m = this.maskAt(unit, y);
      return m !== notCovered && (m & approximateBit) !== 0;
    });
  }

  /** Number of criteria of the set a unit's NTM row of a year was assessed with; null without a row. */
  criteriaTotal(unit: number, year: number): number | null {
    const yi = this.yearIndex.get(year);
    if (yi === undefined || unit < 0) return null;
    return this.nCriteria[unit * this.years.length + yi] || null;
  }

  private maskAt(unit: number, year: number): number {
    const yi = this.yearIndex.get(year);
    if (yi === undefined || unit < 0) return notCovered;
    return this.mask[unit * this.years.length + yi] ?? notCovered;
  }
}

const notCovered = 255;

/**
 * Reads the view provenance of a province (or the country, null) of a vintage in one query: per unit and year from
 * its rows, and per year the series with an illustrative row among the province's units (the masks OR-ed).
 */
export async function loadViewProvenance(
  engine: SqlEngine, province: string | null, nUnits: number, years: readonly number[], vintage: Vintage = PRE_REFORM,
): Promise<ViewProvenance> {
  const table = await engine.query(vintage === POST_REFORM ? rowProvenance2025SQL : rowProvenanceSQL, [province]);
  const column = (name: string) => table.getChild(name)!.toArray() as Int32Array;
  const rows = { unit: column('unit'), year: column('year'), illustrative: column('illustrative'), nCriteria: Array.from(table.getChild('n_criteria')!, (v) => (v === null ? null : Number(v))) };
  const masks = new Map<number, number>();
  for (let i = 0; i < rows.year.length; i++) masks.set(rows.year[i], (masks.get(rows.year[i]) ?? 0) | rows.illustrative[i]);
  const series: Record<number, SeriesId[]> = {};
  for (const [year, mask] of masks) {
    const ids = provenancedSeries.map((sr) => sr.id).filter((id) => (mask & seriesBit(id)) !== 0);
    if (ids.length > 0) series[year] = ids;
  }
  const approximateYears = [...masks].filter(([, mask]) => (mask & approximateBit) !== 0).map(([year]) => year);
  return { province, series, rows: new UnitProvenance(nUnits, years, rows), approximateYears };
}
