import { POST_REFORM, type Vintage } from '../common/vintage';
import type { UnitList } from '../db/unit-list';
import { packagesMadeHere } from '../import/service/package';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { dataIdentity, missingData, missingDataNotice } from './data-identity';
import { checkAgainstLists, LinkRequest } from './link-request';
import type { DataLists, DataLoading } from './loading';
import type { MapView } from './map-view';
import type { ViewData } from './validate-view';
import { openingView, requestedVintage, type VintageControl } from './vintage-control';

/** What opening a link reads and drives in the app. */
export interface OpeningTarget {
  readonly state: Store<AppState>;
  readonly data: DataLoading;
  readonly vintages: VintageControl;
  view(): MapView | null;
  units(): UnitList | null;
  setDistrict(district: string): Promise<void>;
  select(code: string): void;
  setSponsor(id: string): Promise<void>;
  /** No sponsor asked for: the sponsored communes' outlines (if shown) and the side notes. */
  showWithoutSponsor(): Promise<void>;
  traceFormer(code: string): Promise<void>;
  setShowFormerDistricts(show: boolean): Promise<void>;
}

/**
 * The view a link asks for, applied as start-up gets far enough for each part (LinkRequest checks it): at once what
 * needs no data, then the lists' year and province, then district, commune, sponsor, "where did my commune go" and
 * the former districts; whatever was ignored, not restored or missing from this browser makes one notice. The lists
 * are applied again, without a link, when an import changes them.
 */
export class LinkOpening {
  /** The view asked for by the URL, checked against the data as it is loaded. */
  readonly link: LinkRequest;
  /** The vintage asked for (link, year, or the user's last choice); null: the latest year with data decides. */
  readonly requestedVintage: Vintage | null;
  /** Stored imports that could not be restored at start-up (reported, then dropped from the store). */
  notRestored: string[] = [];
  /** The data the link was made with that this browser lacks, in words (null: none missing). */
  private dataNotice: string | null = null;

  /** `asked`: the view from the URL, as parsed (kept for the notice on codes it did not qualify with a vintage); `invalidParams`: URL parameters that could not be read. */
  constructor(
    private readonly target: OpeningTarget,
    readonly asked: Partial<AppState>,
    invalidParams: readonly string[],
  ) {
    this.link = new LinkRequest(asked, invalidParams);
    this.requestedVintage = requestedVintage(asked);
  }

  /** The state fields set at once: what needs no data, and the vintage asked for with its default province. */
  get immediate(): Partial<AppState> {
    return { ...this.link.immediate, ...openingView(this.asked, this.requestedVintage) };
  }

  /** What a requested view is checked against; sponsor ids only where a sponsor is asked for. */
  viewData(sponsors: ReadonlySet<string> = new Set()): ViewData {
    const { years, provinces } = this.target.state.get();
    return { years, provinces, units: this.target.units(), sponsors };
  }

  /**
   * Years, provinces and the import count into the state. A year or province the data lacks (from the URL, or
   * gone with an import) falls back to the default; at start-up, the link notes what it ignored.
   */
  async applyLists(lists: DataLists, atStart: boolean): Promise<void> {
    const { state } = this.target;
    const s = state.get();
    const { years, provinces, importedRows } = lists;
    const data = { ...this.viewData(), years, provinces };
    const view = atStart ? this.link.checkLists(s, data) : checkAgainstLists(s, data).view;
    state.set({ importedRows, years, provinces, year: view.year, compareYear: view.compareYear });
    if (view.province !== s.province) {
      state.set({ province: view.province });
      await this.target.view()?.showProvince(false);
    }
  }

  /** The data shown, named in links (data=); at start-up also what the link's data names and this browser lacks. */
  async noteDataIdentity(atStart: boolean): Promise<void> {
    const { data } = this.target;
    const local = { edition: data.edition?.id ?? null, datasets: (await data.imports?.list()) ?? [], madeHere: packagesMadeHere() };
    if (atStart) {
      const missing = missingData(this.link.immediate.dataId, local);
      this.dataNotice = missing ? missingDataNotice(missing) : null;
    }
    this.target.state.set({ dataId: dataIdentity(local) });
  }

  /** Sponsor, district and selection from the URL, once everything is loaded; anything stale is reported, not fatal. */
  async applyRequested(): Promise<void> {
    const { state, vintages } = this.target;
    const sponsors = this.link.later.sponsor ? await this.target.data.sponsorIds() : undefined;
    const view = this.link.checkLater(state.get(), this.viewData(sponsors));
    if (view.district) await this.target.setDistrict(view.district);
    if (view.selectedCode) this.target.select(view.selectedCode);
    if (view.sponsor) await this.target.setSponsor(view.sponsor);
    else await this.target.showWithoutSponsor();
    const { traced } = this.asked;
    if (traced && state.get().vintage === POST_REFORM) await this.target.traceFormer(traced);
    else if (state.get().showFormerDistricts) await this.target.setShowFormerDistricts(true);
    const ambiguous = await vintages.ambiguousCodes(this.asked, state.get(), this.target.units());
    const notice = [this.link.notice(this.notRestored), this.dataNotice, ...ambiguous].filter(Boolean).join(' ');
    if (notice) state.set({ notice });
  }
}
