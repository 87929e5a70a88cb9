import type { Vintage } from '../common/vintage';
import { loadDeck, viewOf, type SlideView } from '../present/slides';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import type { MapView } from './map-view';
import { provinceLoaded } from './load-error';
import { validateView, type ViewData } from './validate-view';

/** What a presentation reads and drives in the app. */
export interface PresentingTarget {
  readonly state: Store<AppState>;
  view(): MapView | null;
  /** What a slide's view is checked against (as a link is). */
  viewData(): ViewData;
  /** Shows the units of a vintage (the choice is not remembered); false when they could not be loaded (a notice says why). */
  switchVintage(vintage: Vintage): Promise<boolean>;
  /** The view leaves the open sponsor's communes. */
  forgetSponsor(): void;
  setSponsor(id: string): Promise<void>;
  setDistrict(district: string): Promise<void>;
  refresh(): Promise<void>;
}

type Camera = { center: [number, number] | { lng: number; lat: number }; zoom: number };

/**
 * Presentation mode: the saved deck's slides shown full screen, each slide's view restored and checked against the
 * data like a link; leaving it restores the view, panel and camera it started from.
 */
export class Presenting {
  /** The view and camera a presentation started from (restored when it ends). */
  private before: { view: SlideView; panel: AppState['panel']; camera: Camera } | null = null;

  constructor(private readonly target: PresentingTarget) {}

  /** Shows slide i of the saved deck full screen (null leaves presentation mode). */
  async present(i: number | null): Promise<void> {
    const { state } = this.target;
    if (i === null) {
      const before = this.before;
      this.before = null;
      state.set({ presenting: null });
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      // the view and the camera from before the presentation, as they were
      if (before) {
        await this.applyView(before.view);
        state.set({ panel: before.panel });
        this.target.view()?.map.map.jumpTo(before.camera);
      }
      return;
    }
    const slide = loadDeck().slides[i];
    if (!slide) return;
    if (state.get().presenting === null && !this.before) {
      const map = this.target.view()?.map.map;
      this.before = { view: viewOf(state.get()), panel: state.get().panel, camera: { center: map?.getCenter() ?? [0, 0], zoom: map?.getZoom() ?? 0 } };
    }
    // Full screen is a request the browser may refuse or never answer (headless): never wait for it.
    if (state.get().presenting === null) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    state.set({ presenting: i });
    await this.applyView(slide.view);
  }

  /**
   * Restores a saved view (a slide): every part of it, checked against the data like a URL (what the data lacks
   * keeps the current view; an unknown sponsor is reported by setSponsor).
   */
  async applyView(v: SlideView): Promise<void> {
    const { state } = this.target;
    // the slide's codes are of its vintage: shown on those units first (not at all where they could not be loaded:
    // the notice says what is missing)
    if (v.vintage && v.vintage !== state.get().vintage && !(await this.target.switchVintage(v.vintage))) return;
    const { province, year, compareYear, district, selectedCode } = v;
    const { view } = validateView({ province, year, compareYear, district, selectedCode }, this.target.viewData(), state.get());
    if (!(await provinceLoaded(state, this.target.view(), view.province ?? state.get().province))) return;
    this.target.forgetSponsor();
    state.set({
      province: view.province,
      year: view.year,
      indicator: v.indicator,
      compareYear: view.compareYear,
      criterion: v.criterion,
      classMethod: v.classMethod,
      classCount: v.classCount,
      manualBreaks: v.manualBreaks,
      district: null,
      selectedCode: null,
      sponsor: null,
    });
    if (v.sponsor) await this.target.setSponsor(v.sponsor);
    else await this.target.view()?.showProvince(false);
    if (view.district && !v.sponsor) await this.target.setDistrict(view.district);
    if (view.selectedCode) state.set({ selectedCode: view.selectedCode });
    await this.target.refresh();
  }
}
