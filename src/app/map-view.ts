import type { SqlEngine } from '../db/engine';
import { POST_REFORM, PRE_REFORM, type Vintage } from '../common/vintage';
import { focusLayerOf, type BoundaryLayer } from '../db/schema';
import { boundsOfFeatures } from '../geo/boundary-geometry';
import { AtlasMap, nationalBounds, type HoverEvent } from '../map/atlas-map';
import { loadDrawableLayer, type DrawableLayer } from './base-layers';
import { baseLayersOf, drawBaseSources, drawSponsoredSource } from './base-map';
import { drawLineageSource } from './lineage-map';
import { FeatureColours, type PaintView, type UnitKeys } from './feature-colours';
import type { Timings } from './loading';

/** The view fields what is drawn depends on (colours aside). */
export interface DrawnView extends PaintView {
  /** whose units are drawn (and whose codes `province` and `selectedCode` are) */
  vintage: Vintage;
  sponsor: string | null;
  /** Outline sponsored communes with their sponsor's short name. */
  showSponsored: boolean;
  /** Post-reform map: the former districts outlined and labelled over the new communes. */
  showFormerDistricts: boolean;
  /** Post-reform map: a pre-reform commune (2024 code) whose successors are outlined. */
  traced: string | null;
}

export interface MapViewHooks {
  onHover(event: HoverEvent): void;
  onClick(feature: number | null): void;
  /** The view as it is now: read when a drawing resumes after loading something, so a later view always wins. */
  view(): DrawnView;
  /** The engine for the sponsored labels (null until every table is loaded). */
  engine(): SqlEngine | null;
  /** After each paint: how many units the view draws. */
  painted(drawn: number): void;
  /** Post-reform map: the pre-reform provinces whose districts are outlined as former districts ('all', or null: none). */
  formerDistrictsOf(): readonly string[] | 'all' | null;
  /** The year shown (the lineage lists the former communes' state of that year). */
  year(): number;
}

/**
 * What the map draws: the communes of the layer the view needs, coloured by FeatureColours; MapLibre's base layers
 * and the sponsored-commune labels; where the camera goes.
 */
export class MapView {
  readonly map: AtlasMap;
  readonly colours = new FeatureColours();
  /**
   * Until the map is first coloured, MapLibre's base layers wait: their GeoJSON tiling and the frames it triggers
   * would compete with DuckDB for the CPU. The communes are drawn (grey) straight away.
   */
  private baseDeferred = true;

  constructor(
    container: HTMLElement,
    private readonly hooks: MapViewHooks,
    private readonly timings: Timings,
  ) {
    this.map = new AtlasMap(container, { onHover: hooks.onHover, onClick: hooks.onClick });
  }

  /** The layer drawn (its geometry and attributes; null before the first is in). */
  get drawn(): DrawableLayer | null {
    return this.colours.drawn;
  }

  /** The drawn layer's geometry and the base map's GeoJSON, for a second synchronised map. */
  parts() {
    const d = this.drawn;
    return d ? { geometry: d.geometry, detail: d.detail, base: this.map.baseSources() } : null;
  }

  /** Starts downloading the layer a province is drawn with, before the map can show it. */
  prefetchLayer(province: string | null, vintage: Vintage = PRE_REFORM): void {
    void loadDrawableLayer(layerFor(province, vintage));
  }

  /**
   * Loads what drawing a view takes (its communes' layer, the base map's provinces and districts) without drawing
   * it: a switch waits for this before it changes anything, so a file that cannot be had leaves the map as it was.
   */
  async loadView(province: string | null, vintage: Vintage): Promise<void> {
    await Promise.all([loadDrawableLayer(layerFor(province, vintage)), ...baseLayersOf(vintage).map(loadDrawableLayer)]);
  }

  /** Switches the drawn layer (the vintage's; focus provinces have full-detail geometry), zooms to the province and paints. */
  async showProvince(animate: boolean): Promise<void> {
    const { province, vintage } = this.hooks.view();
    const layer = layerFor(province, vintage);
    if (this.drawn?.geometry.layer !== layer) this.colours.setLayer(await loadDrawableLayer(layer));
    const d = this.drawn!;
    const bounds = province === null ? nationalBounds : boundsOfFeatures(d.geometry, (i) => d.provinceCode[i] === province);
    this.map.fitBounds(bounds ?? nationalBounds, animate);
    this.paint(this.hooks.view());
    await Promise.all([this.drawBase(), this.drawSponsored(), this.drawLineage()]);
  }

  /** Zooms to the drawn features that pass `include` (nothing when none does). */
  fitFeatures(include: (code: string | null) => boolean, animate: boolean): void {
    const d = this.drawn!;
    const bounds = boundsOfFeatures(d.geometry, (i) => include(d.code[i]));
    if (bounds) this.map.fitBounds(bounds, animate);
  }

  /** Zooms to a district. */
  async fitDistrict(district: string): Promise<void> {
    const districts = await loadDrawableLayer('districts');
    const bounds = boundsOfFeatures(districts.geometry, (i) => districts.code[i] === district);
    if (bounds) this.map.fitBounds(bounds, true);
  }

  /** Paints the drawn layer for a view and hands the colours to the map. */
  paint(view: PaintView): void {
    const painted = this.colours.paint(view);
    const d = this.drawn;
    if (!painted || !d) return;
    this.map.setCommunes({ geometry: d.geometry, detail: d.detail, featureColours: painted.colours, colourVersion: painted.version });
    this.hooks.painted(painted.drawn);
    if (this.colours.colouring && this.timings.firstColouredFrame === undefined) {
      // the first coloured frame the user sees: a frame drawn before the canvas is shown counts from when it is
      const drawn = this.map.nextFrame().then(() => performance.now());
      void Promise.all([drawn, this.map.canvasShown]).then(([at, shown]) => {
        this.timings.mapShown = shown;
        this.timings.firstColouredFrame ??= Math.max(at, shown);
      });
    }
  }

  setUnits(units: UnitKeys): void {
    this.colours.setUnits(units);
  }

  /** The base layers may draw from now on (the map has been coloured once). */
  async drawBaseNow(): Promise<void> {
    this.baseDeferred = false;
    await this.drawBase();
  }

  /** Base layers for the view (again after a language switch: their labels are translated). */
  async drawBase(): Promise<void> {
    if (this.baseDeferred) return;
    await drawBaseSources(this.map, () => ({
      drawn: this.drawn, province: this.hooks.view().province, vintage: this.hooks.view().vintage, formerDistrictsOf: this.hooks.formerDistrictsOf(),
    }));
  }

  private lineageRequest = 0;

  /** Post-reform map: the former communes of the selection, or the successors of a traced pre-reform commune. */
  async drawLineage(): Promise<void> {
    if (this.baseDeferred) return;
    const request = ++this.lineageRequest;
    const view = () => ({ ...this.hooks.view(), year: this.hooks.year() });
    // a later drawing wins: an earlier one finds no layer to draw on once it has its outlines
    await drawLineageSource(this.map, this.hooks.engine(), view, () => (request === this.lineageRequest ? this.drawn : null));
  }

  /** Sponsored-commune outlines and labels for the view. */
  async drawSponsored(): Promise<void> {
    if (!this.drawn || this.baseDeferred) return;
    await drawSponsoredSource(this.map, this.hooks.engine(), this.hooks.view(), () => this.drawn!);
  }
}

/** Focus provinces have full-detail geometry; every other view draws the national layer of its vintage. */
function layerFor(province: string | null, vintage: Vintage): BoundaryLayer {
  if (vintage === POST_REFORM) return 'communes_2025';
  return (province && focusLayerOf[province]) || 'communes';
}
