import { i18n } from '../i18n';
import { rowsOf, type SqlEngine } from '../db/engine';
import { sponsorFootprintSQL } from '../db/sql/sponsor';
import { sponsorFootprint2025SQL } from '../db/sql/vintage';
import { POST_REFORM } from '../common/vintage';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import type { MapView } from './map-view';
import { provinceLoaded } from './load-error';

/** What the sponsor view reads and drives in the app. */
export interface SponsorTarget {
  readonly state: Store<AppState>;
  view(): MapView | null;
  /** The engine with every table loaded (a sponsor is opened only once it is). */
  engine(): SqlEngine | null;
  refresh(): Promise<void>;
}

/**
 * The sponsor view: an organisation's communes on the units shown, zoomed to, every other commune muted; and, on
 * request, every sponsored commune of the drawn province outlined with its sponsor's short name.
 */
export class SponsorSelection {
  /** Communes of the open sponsor view; all others are muted (null: none open). */
  private communes: Set<string> | null = null;

  constructor(private readonly target: SponsorTarget) {}

  /** The open sponsor's communes (what is drawn depends on them). */
  get codes(): ReadonlySet<string> | null {
    return this.communes;
  }

  /** The view moved away from the sponsor's communes (another province, vintage or slide); the state's sponsor is cleared with it. */
  forget(): void {
    this.communes = null;
  }

  /** Opens the sponsor view: the sponsor's province, its communes zoomed to, every other commune muted (null closes it). */
  async open(id: string | null): Promise<void> {
    const { state } = this.target;
    const view = this.target.view();
    if (id === null) {
      this.communes = null;
      state.set({ sponsor: null });
      await view?.showProvince(true);
      return this.target.refresh();
    }
    const footprint = state.get().vintage === POST_REFORM ? sponsorFootprint2025SQL : sponsorFootprintSQL;
    const rows = rowsOf<{ commune_code: string; province_code: string }>(await this.target.engine()!.query(footprint, [id]));
    if (rows.length === 0) {
      state.set({ notice: i18n.t('sponsor.unknown', { id }), sponsor: null });
      return;
    }
    if (!(await provinceLoaded(state, view, rows[0].province_code))) return;
    const codes = (this.communes = new Set(rows.map((r) => r.commune_code)));
    state.set({ sponsor: id, province: rows[0].province_code, district: null, panel: 'sponsors' });
    await view!.showProvince(false);
    view!.fitFeatures((code) => codes.has(code ?? ''), false);
    await this.target.refresh();
  }

  /** Outlines every sponsored commune of the drawn province with its sponsor's short name. */
  async showSponsored(show: boolean): Promise<void> {
    this.target.state.set({ showSponsored: show });
    await this.target.view()?.drawSponsored();
  }
}
