import type { SqlEngine } from '../db/engine';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import type { Timings } from './loading';
import type { MapView, DrawnView } from './map-view';
import { CLASSIFIED_AHEAD, type IndicatorMatrices } from './matrices';
import { laggingOutlineDrawn } from '../map/lagging-outline';
import { plannerRows } from './planner';
import { SideInfoCache } from './side-info';
import type { UnitKeys } from './feature-colours';
import { afterNextFrame } from '../common/after-frame';

/** What a refresh reads and writes: the state, and the parts of the app that exist once start-up got that far. */
export interface RefreshTarget {
  readonly state: Store<AppState>;
  readonly timings: Timings;
  matrices(): IndicatorMatrices | null;
  view(): MapView | null;
  /** The units the matrices are laid out by (the precomputed first map's before the unit list is read). */
  units(): UnitKeys | null;
  /** The engine with every table loaded (null until then: the planner and side notes wait for it). */
  engine(): SqlEngine | null;
  /** What is drawn for a view (the state's fields and the open sponsor's communes). */
  drawnView(s: AppState): DrawnView;
}

/**
 * The path from a changed view to the screen. With the indicator's matrix already fetched (any year switch, a
 * second visit to an indicator), the colours are written in the same task, before anything is awaited; the planner
 * table and the side notes follow after the frame, and when the year plays only the last switch's queries run.
 * Each step works on one snapshot of the state.
 */
export class ViewRefresh {
  private request = 0;
  private plannerRequest = 0;
  /** The planner and side notes of the last switch, refreshed after its frame. */
  private sideRefresh: Promise<void> = Promise.resolve();
  /** The panel told of the last switch (switchTo). */
  private panelTold: Promise<void> = Promise.resolve();
  private readonly sideInfo = new SideInfoCache();

  constructor(private readonly target: RefreshTarget) {}

  /**
   * A switch of year, indicator or classes: the state changes and the map is recoloured. The state's readers (the
   * panel: legend, headings, notes) hear of it after the frame that shows the new colours, so that their render,
   * and the layout it causes, does not delay that frame; a control shows the user's choice at once (useChoice).
   * The panel is shown one frame after the map: 16 ms on a GPU; where WebGL is rasterised on the CPU, after that
   * frame's raster (about 0.2 s for the national map on the bench machine). Told in that same frame, after the
   * map's draw calls, the frame did as much work as before (bench: the whole switch frame, 14.7 vs 13.6 ms).
   */
  async switchTo(patch: Partial<AppState>): Promise<void> {
    const release = this.target.state.hold();
    try {
      this.target.state.set(patch);
      await this.refresh();
    } finally {
      this.panelTold = afterNextFrame().then(release);
    }
  }

  /** Re-reads the indicator for the current year and recolours; a later call wins over an earlier one. */
  async refresh(): Promise<void> {
    const { state } = this.target;
    const matrices = this.target.matrices();
    if (!matrices || !this.target.units()) return;
    const request = ++this.request;
    const asked = state.get();
    const m = matrices.cached(asked.indicator, asked) ?? (await matrices.get(asked.indicator, asked));
    if (request !== this.request) return;
    // the snapshot for the colours: after a fetch, the view as it is now (a selection may have changed meanwhile)
    this.recolour(m, state.get());
    if (this.target.engine()) {
      this.sideRefresh = afterNextFrame()
        .then(() => (request === this.request ? this.refreshSide(state.get()) : undefined))
        .catch((e: unknown) => console.error(e));
    }
  }

  /** The planner table and side notes for a view, now (start-up: the first colours came before every table was in). */
  async refreshSide(s: AppState): Promise<void> {
    await Promise.all([this.refreshSideInfo(this.request, s), this.refreshPlanner(s)]);
  }

  /** Re-runs the planner table for a view and outlines the groups behind their target trajectory. */
  async refreshPlanner(s: AppState): Promise<void> {
    const engine = this.target.engine();
    if (!engine) return;
    const level = s.province === null ? 'province' : 'district';
    const request = ++this.plannerRequest;
    const rows = await plannerRows(engine, level, { province: s.province, year: s.year, baseYear: s.compareYear, floor: s.floor, vintage: s.vintage });
    if (request !== this.plannerRequest) return;
    this.target.state.set({ planner: rows });
    const flagged = laggingOutlineDrawn(s) ? rows.filter((r) => r.behind).map((r) => r.group_code) : [];
    await this.target.view()?.map.setFlagged(level, flagged);
  }

  /** After an import or its removal: the side notes are read again. */
  dataChanged(): void {
    this.sideInfo.clear();
  }

  /** Resolves once the panel has been told of the last switch and its planner and side notes are in. */
  async sideSettled(): Promise<void> {
    await this.panelTold;
    for (let pending = this.sideRefresh; ; pending = this.sideRefresh) {
      await pending;
      if (pending === this.sideRefresh) break;
    }
  }

  /** Side information of the view (see SideInfoCache), unless a later switch came first. */
  private async refreshSideInfo(request: number, s: AppState): Promise<void> {
    const info = await this.sideInfo.of(this.target.engine()!, s, this.target.view()!.drawn!.geometry.layer, this.target.units()!.length);
    if (request !== this.request) return;
    this.target.state.set(info);
  }

  /** CPU side of a year/indicator switch: slice the year, classify, colour features, hand to deck.gl. */
  private recolour(m: Float64Array, s: AppState): void {
    const t0 = performance.now();
    const view = this.target.view()!;
    const colouring = view.colours.show(m, s);
    this.target.state.set({ legend: colouring.legend });
    view.paint(this.target.drawnView(s));
    this.target.timings.lastRecolourMs = performance.now() - t0;
    view.colours.classifyOtherYears(s);
    // after a switch of year (or province, classes...), the other indicators' classes for it, while idle
    const matrices = this.target.matrices();
    if (matrices) view.colours.prepare(matrices.cachedOf(CLASSIFIED_AHEAD, s), s);
  }
}
