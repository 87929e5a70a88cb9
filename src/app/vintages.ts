import { rowsOf, type SqlEngine } from '../db/engine';
import { loadUnitList, type UnitList } from '../db/unit-list';
import { provinceSuccessionSQL, provincesOfVintageSQL, yearsOfVintageSQL } from '../db/sql/vintage';
import { keptUnlessFailed } from '../common/kept-unless-failed';
import type { Vintage } from '../common/vintage';
import type { ProvinceOption } from '../state/app-state';
import { IndicatorMatrices } from './matrices';
import { provinceSuccession, type ProvinceSuccession } from './vintage-switch';

/** What the views of one vintage are drawn from: its unit list (the matrices' order) and its indicator matrices. */
export interface VintageData {
  units: UnitList;
  matrices: IndicatorMatrices;
}

/**
 * The data of each vintage, made once each (switching back is instant) and dropped when the data changes: the
 * unit list, the indicator matrices with status and criteria read, the years and provinces the vintage shows.
 * The post-reform vintage needs its tables: `tablesLoaded` resolves once every table is in (src/db/load.ts).
 */
export class VintageDataCache {
  private data = new Map<Vintage, Promise<VintageData>>();
  /** The data already made, for synchronous readers (search over both vintages). */
  private done = new Map<Vintage, VintageData>();
  private succession: Promise<ProvinceSuccession> | null = null;

  constructor(
    private readonly engine: () => SqlEngine,
    private readonly tablesLoaded: () => Promise<void>,
  ) {}

  /** The data of the vintage the app opened on, made by the start-up path. */
  put(vintage: Vintage, data: VintageData): void {
    this.data.set(vintage, Promise.resolve(data));
    this.done.set(vintage, data);
  }

  /** A vintage's unit list if its data is made (null before). */
  unitsOf(vintage: Vintage): UnitList | null {
    return this.done.get(vintage)?.units ?? null;
  }

  get(vintage: Vintage): Promise<VintageData> {
    const d: Promise<VintageData> = keptUnlessFailed(this.data, vintage, () =>
      this.tablesLoaded().then(async () => {
        const engine = this.engine();
        const matrices = new IndicatorMatrices(engine, this.tablesLoaded, vintage);
        const [units] = await Promise.all([loadUnitList(engine, vintage), matrices.loadStatus()]);
        const made = { units, matrices };
        // not when dropped meanwhile (dropExcept): a later get() makes them again
        if (this.data.get(vintage) === d) this.done.set(vintage, made);
        return made;
      }),
    );
    return d;
  }

  /** The years and provinces a vintage shows (years from the data: imports change them). */
  async lists(vintage: Vintage): Promise<{ years: number[]; provinces: ProvinceOption[] }> {
    const e = this.engine();
    const [years, provinces] = await Promise.all([e.query(yearsOfVintageSQL(vintage)), e.query(provincesOfVintageSQL(vintage))]);
    return {
      years: rowsOf<{ year: number }>(years).map((r) => r.year),
      provinces: rowsOf<{ province_code: string; province_name: string }>(provinces).map((r) => ({ code: r.province_code, name: r.province_name })),
    };
  }

  /** Which post-reform province each pre-reform one went to, and back. */
  provinces(): Promise<ProvinceSuccession> {
    this.succession ??= this.tablesLoaded().then(async () =>
      provinceSuccession(rowsOf<{ old_province: string; new_province: string; n: number }>(await this.engine().query(provinceSuccessionSQL))),
    );
    return this.succession;
  }

  /** After an import or its removal: every vintage's matrices and lists are stale but the one kept by the caller. */
  dropExcept(vintage: Vintage): void {
    for (const v of [...this.data.keys()]) if (v !== vintage) this.data.delete(v);
    // the unit lists do not change with the data: searches keep them; the matrices of a dropped vintage are made again
    for (const [v, made] of this.done) if (v !== vintage) made.matrices.invalidate();
  }
}
