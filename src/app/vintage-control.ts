import { i18n } from '../i18n';
import { rowsOf, type SqlEngine } from '../db/engine';
import { formerCommunesSQL, successorsSQL } from '../db/sql/reform';
import { provincesOfVintageSQL } from '../db/sql/vintage';
import { unitRows, type UnitList } from '../db/unit-list';
import { unitVintageOf, type ImportService } from '../import/service/imports';
import { FIRST_POST_REFORM_YEAR } from '../common/programme';
import { DEFAULT_PROVINCE, POST_REFORM, UNIT_TABLES, type Vintage } from '../common/vintage';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import type { MapView } from './map-view';
import { VintageDataCache, type VintageData } from './vintages';
import { loadedOrNoticed } from './load-error';
import { otherVintage } from '../common/vintage';
import { indicatorShownOn, storedVintage, switchedView, type ProvinceSuccession } from './vintage-switch';

/** What the vintage control reads and drives in the app. */
export interface VintageTarget {
  readonly state: Store<AppState>;
  view(): MapView | null;
  /** The engine once its core tables are in. */
  engine(): SqlEngine;
  /** Resolves once every table is in (the post-reform tables among them). */
  tablesLoaded(): Promise<void>;
  /** Hands the app the units and matrices its views are drawn from. */
  use(data: VintageData): void;
  /** The sponsor view again on the units shown (its communes differ by vintage). */
  reopenSponsor(id: string): Promise<void>;
  refresh(): Promise<void>;
}

/**
 * The vintage the app opens on when the link names none: one the link's year implies (2026 and later exist only on
 * the post-reform units), else the one the user last chose. Null: the vintage of the latest year with data decides.
 */
export function requestedVintage(link: Partial<AppState>): Vintage | null {
  if (link.vintage) return link.vintage;
  if (link.year !== undefined && link.year >= FIRST_POST_REFORM_YEAR) return POST_REFORM;
  return storedVintage();
}

/** The view fields set at once for a vintage a link or the user's last choice asks for (its default province). */
export function openingView(link: Partial<AppState>, vintage: Vintage | null): Partial<AppState> {
  if (!vintage) return {};
  return link.province === undefined ? { vintage, province: DEFAULT_PROVINCE[vintage] } : { vintage };
}

/**
 * Switching between the pre-reform and post-reform units: each vintage's data made once (VintageDataCache), the
 * view carried over (province through the succession, a selected commune to where it went or came from), "where
 * did my commune go" (a pre-reform commune traced to its successors on the post-reform map), the former
 * districts outlined on request, and the notice for a code a link did not qualify with its vintage.
 */
export class VintageControl {
  readonly cache: VintageDataCache;
  private succession: ProvinceSuccession | null = null;
  /** The province last shown on each vintage: switching back returns to it when it went into the one shown. */
  private lastProvince = new Map<Vintage, string | null>();

  constructor(private readonly target: VintageTarget) {
    this.cache = new VintageDataCache(() => target.engine(), () => target.tablesLoaded());
  }

  /**
   * Lets the import read a vintage's unit list when a file needs it before preloadOther has handed it over (a
   * targets table's 2026+ rows are read in the post-reform provinces): the read waits for the same data a switch
   * uses, made once.
   */
  connectImports(imports: ImportService | null): void {
    imports?.candidatesFrom(async (vintage) => unitRows((await this.cache.get(vintage)).units));
  }

  /**
   * Reads the other vintage's data ahead of a switch, and hands both unit lists to the import as candidates: a file
   * is scored against the provinces of both vintages and the report names the one it fits.
   */
  async preloadOther(imports: ImportService | null): Promise<void> {
    const s = this.target.state.get();
    const other = otherVintage(s.vintage);
    const [here, there] = await Promise.all([this.cache.get(s.vintage), this.cache.get(other)]);
    for (const { units } of [here, there]) imports?.addCandidateUnits(unitVintageOf(units.vintage), unitRows(units));
    // what a first switch draws: the other vintage's national layer and, on the post-reform units, the indicator they open on
    this.target.view()?.prefetchLayer(null, other);
    if (other === POST_REFORM) await there.matrices.prefetch([indicatorShownOn(other, s.year, s.indicator)], s);
  }

  /** Pre-reform provinces whose districts the post-reform map outlines as former districts ('all' nationally; null: none). */
  formerDistrictsOf(s: AppState): readonly string[] | 'all' | null {
    if (s.vintage !== POST_REFORM || !s.showFormerDistricts) return null;
    if (s.province === null) return 'all';
    return this.succession?.previous.get(s.province) ?? [];
  }

  /** The province succession, loaded once (the post-reform tables must be in). */
  async provinces(): Promise<ProvinceSuccession> {
    return (this.succession ??= await this.cache.provinces());
  }

  /**
   * At start-up, once the year is known: the indicator the opened vintage shows (the link's own choice is kept; an
   * own status before 2026 on the post-reform units becomes the share of former communes NTM).
   */
  settleIndicator(asked: Partial<AppState>): void {
    const s = this.target.state.get();
    if (asked.indicator) return;
    const indicator = indicatorShownOn(s.vintage, s.year, s.indicator);
    if (indicator !== s.indicator) this.target.state.set({ indicator });
  }

  /**
   * Shows the units of another vintage, the view carried over; `notify`: say what had to change. False when a file
   * the other units need could not be had: the view stays as it was, with a notice saying what is missing.
   */
  async switchTo(vintage: Vintage, notify = true): Promise<boolean> {
    const { state } = this.target;
    const s = state.get();
    if (s.vintage === vintage) return true;
    await this.target.tablesLoaded();
    const [data, lists, succession] = await Promise.all([this.cache.get(vintage), this.cache.lists(vintage), this.provinces()]);
    const { view, notes } = switchedView(s, vintage, lists, succession, this.lastProvince.get(vintage) ?? null);
    const notSwitched = (reason: string) =>
      i18n.t('vintage.notSwitched', { vintage: i18n.t(`vintage.name.${vintage}`), current: i18n.t(`vintage.name.${s.vintage}`), reason });
    if (!(await loadedOrNoticed(state, async () => this.target.view()?.loadView(view.province, vintage), notSwitched))) return false;
    const carried = await this.carrySelection(s, vintage, data.units);
    this.lastProvince.set(s.vintage, s.province);
    const notice = notify && notes.length > 0 ? notes.map((n) => i18n.t(`vintage.${n.key}`, n.params)).join(' ') : s.notice;
    this.target.use(data);
    state.set({
      ...view, ...carried, years: lists.years, provinces: lists.provinces, district: null, provenance: null, withoutBoundary: [], notice,
    });
    const map = this.target.view();
    map?.setUnits(data.units);
    if (s.sponsor) await this.target.reopenSponsor(s.sponsor);
    else await map?.showProvince(false);
    await this.target.refresh();
    return true;
  }

  /**
   * A selected commune on the other vintage: going to the post-reform units, a pre-reform commune is traced to
   * where it went (its largest part selected); coming back, the former commune that gave most is selected.
   */
  private async carrySelection(s: AppState, to: Vintage, units: UnitList): Promise<Pick<AppState, 'selectedCode' | 'traced'>> {
    if (!s.selectedCode && !s.traced) return { selectedCode: null, traced: null };
    const engine = this.target.engine();
    if (to === POST_REFORM) {
      const [main] = rowsOf<{ commune_code: string }>(await engine.query(successorsSQL, [s.selectedCode]));
      return { selectedCode: main && units.indexOf.has(main.commune_code) ? main.commune_code : null, traced: s.selectedCode };
    }
    if (s.traced) return { selectedCode: s.traced, traced: null };
    const [main] = rowsOf<{ commune_code: string }>(await engine.query(formerCommunesSQL, [s.selectedCode, s.year]));
    return { selectedCode: main && units.indexOf.has(main.commune_code) ? main.commune_code : null, traced: null };
  }

  /**
   * "Where did my commune go": the post-reform map with a pre-reform commune's successor(s) outlined, the largest
   * part selected and zoomed to (null clears the trace).
   */
  async trace(formerCode: string | null): Promise<void> {
    const { state } = this.target;
    if (formerCode === null) {
      state.set({ traced: null });
      await this.target.view()?.drawLineage();
      return;
    }
    if (state.get().vintage !== POST_REFORM && !(await this.switchTo(POST_REFORM))) return;
    const to = rowsOf<{ commune_code: string; province_code: string }>(await this.target.engine().query(successorsSQL, [formerCode]));
    if (to.length === 0) return;
    const codes = new Set(to.map((r) => r.commune_code));
    const map = this.target.view();
    if (state.get().province !== null && state.get().province !== to[0].province_code) {
      state.set({ province: to[0].province_code, district: null, sponsor: null });
      await map?.showProvince(true);
      await this.target.refresh();
    }
    state.set({ traced: formerCode, selectedCode: to[0].commune_code });
    map?.paint({ ...state.get(), sponsorCodes: null });
    map?.fitFeatures((c) => codes.has(c ?? ''), true);
    await map?.drawLineage();
  }

  /**
   * Codes of the link that exist on both vintages and were read on the vintage shown because the link named none:
   * each as "province=44 → Tỉnh Quảng Bình" with what it is on the other units, for the start-up notice.
   */
  async ambiguousCodes(link: Partial<AppState>, s: AppState, units: UnitList | null): Promise<string[]> {
    if (link.vintage) return [];
    await this.target.tablesLoaded();
    const engine = this.target.engine();
    const other = otherVintage(s.vintage);
    const out: string[] = [];
    if (link.province && s.province === link.province) {
      const there = rowsOf<{ province_code: string; province_name: string }>(await engine.query(provincesOfVintageSQL(other))).find(
        (p) => p.province_code === link.province,
      );
      const here = s.provinces.find((p) => p.code === link.province);
      if (there && here) out.push(this.ambiguity('province', link.province, here.name, there.province_name, s.vintage));
    }
    if (link.selectedCode && s.selectedCode === link.selectedCode && units) {
      const [there] = rowsOf<{ commune_name: string }>(
        await engine.query(`SELECT commune_name FROM ${UNIT_TABLES[other].commune} WHERE commune_code = $1`, [link.selectedCode]),
      );
      const i = units.indexOf.get(link.selectedCode);
      if (there && i !== undefined) out.push(this.ambiguity('sel', link.selectedCode, units.name[i], there.commune_name, s.vintage));
    }
    return out;
  }

  private ambiguity(param: string, code: string, here: string, there: string, vintage: Vintage): string {
    return i18n.t('vintage.ambiguous', {
      param: `${param}=${code}`, here, there, vintage: i18n.t(`vintage.name.${vintage}`), other: i18n.t(`vintage.name.${otherVintage(vintage)}`),
      hint: `vintage=${otherVintage(vintage)}`,
    });
  }
}

