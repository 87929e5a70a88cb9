import { rowsOf, type SqlEngine } from '../db/engine';
import { withoutBoundarySQL } from '../db/sql/map-queries';
import { withoutBoundary2025SQL } from '../db/sql/vintage';
import { POST_REFORM } from '../common/vintage';
import { loadViewProvenance } from '../indicators/provenance';
import type { AppState } from '../state/app-state';

/** What the legend notes, tooltips and exports show beside the colours: the state fields side info sets. */
export type SideInfo = Pick<AppState, 'provenance' | 'withoutBoundary'>;

/** The view fields side info depends on. */
export type SideInfoView = Readonly<Pick<AppState, 'province' | 'years' | 'vintage'>>;

/**
 * Side information of a view, cached per province and drawn layer (a year switch needs no query): which shown
 * values are illustrative (per series and year, per unit), and the units of the province without a boundary in
 * the drawn layer. Cleared when the data changes.
 */
export class SideInfoCache {
  private cache = new Map<string, Promise<SideInfo>>();

  of(engine: SqlEngine, view: SideInfoView, layer: string, nUnits: number): Promise<SideInfo> {
    const cacheKey = `${view.vintage}|${view.province}|${layer}`;
    let info = this.cache.get(cacheKey);
    if (!info) {
      info = Promise.all([
        view.province === null ? null : engine.query(view.vintage === POST_REFORM ? withoutBoundary2025SQL : withoutBoundarySQL, [layer, view.province]),
        loadViewProvenance(engine, view.province, nUnits, view.years, view.vintage),
      ]).then(([without, provenance]) => ({
        provenance,
        withoutBoundary: without
          ? rowsOf<{ commune_code: string; commune_name: string; district_name: string; polygon_note: string | null }>(without).map(
              (r) => ({ code: r.commune_code, name: r.commune_name, districtName: r.district_name, note: r.polygon_note }),
            )
          : [],
      }));
      this.cache.set(cacheKey, info);
    }
    return info;
  }

  clear(): void {
    this.cache.clear();
  }
}
