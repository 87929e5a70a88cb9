import type { FirstMap } from '../common/first-map';
import { vintageOfYear } from '../common/vintage';
import type { SqlEngine } from '../db/engine';
import type { UnitList } from '../db/unit-list';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { letEngineStart } from '../boot';
import { firstMapUnits, loadFirstMap } from './first-map';
import type { LinkOpening } from './link-opening';
import { latestYear } from './link-request';
import type { UnitKeys } from './feature-colours';
import type { DataLoading, Timings } from './loading';
import type { MapView } from './map-view';
import { CLASSIFIED_AHEAD, READ_AHEAD, type IndicatorMatrices } from './matrices';
import { UserTargets } from './user-targets';
import type { VintageControl } from './vintage-control';

/** What the start-up sequence reads and hands over to the app. */
export interface StartUpTarget {
  readonly state: Store<AppState>;
  readonly timings: Timings;
  readonly data: DataLoading;
  readonly vintages: VintageControl;
  readonly opening: LinkOpening;
  /** The matrices the views are drawn from (a vintage switch replaces them). */
  matrices(): IndicatorMatrices;
  /** Whether the unit list is read (the first map's units then no longer stand in for it). */
  unitsRead(): boolean;
  /** The precomputed first map's units stand in for the unit list until it is read. */
  useFirstUnits(units: UnitKeys): void;
  useUnits(units: UnitList): void;
  /** Every table is in: the engine and the targets entered in an earlier visit, for the UI. */
  useEngine(db: SqlEngine, targets: UserTargets): void;
  refreshPlanner(): Promise<void>;
  refresh(): Promise<void>;
  /** Work the start-up leaves running once the app is ready (Atlas.settled waits for it). */
  inBackground(work: Promise<void>): void;
  /** The view asked for is shown with every table loaded (AtlasFacade.ready). */
  ready(): void;
}

/**
 * The start-up sequence once the map view exists: the communes drawn (grey) as soon as their geometry is in and
 * coloured from the precomputed first map before the engine answers; the unit list and lists read, the link's view
 * applied in its steps; every other table and indicator read while the rest runs; the vintage of the latest year
 * with data opened when none was asked for; then, while idle, what makes a first switch quick.
 */
export async function startUp(target: StartUpTarget, view: MapView): Promise<void> {
  const { state, timings, data, vintages, opening } = target;
  const vintage = state.get().vintage;
  const core = data.loadCore(vintage);
  const first = loadFirstMap(vintage);
  // the engine compiles its wasm once what the first map waits for is in (below; src/boot.ts); with no precomputed map, at once
  void first.then((f) => f ?? letEngineStart(), letEngineStart);
  // the communes are drawn (grey) as soon as their geometry is in; the base layers wait for the colours (MapView)
  view.prefetchLayer(state.get().province, vintage);
  // every frame re-rasterises what is drawn (on the CPU where there is no GPU): the communes join the map
  // once MapLibre has settled its style, so they are drawn once, not again for each source MapLibre loads
  // colours before the engine: the precomputed first map (unless the engine is there first), classified before
  // the communes are first drawn, so that first frame is already coloured (one frame less to rasterise)
  // and the land: the first coloured frame is the one that shows the map (AtlasMap.landLoaded)
  const [precomputed] = await Promise.all([Promise.race([first, core.then(() => null)]), view.map.idle(), view.map.landLoaded]);
  // the engine compiles from here on: what is left of the first frame (its colours and the one frame that paints
  // them) took no longer with the compile beside it (two runs of interleaved cold loads: 1,538 -> 1,549 and
  // 1,547 -> 1,512 ms), and the engine answered 0.09-0.18 s sooner than when it waited for that frame
  letEngineStart();
  if (precomputed !== null) await showFirstMap(target, view, precomputed);
  await view.showProvince(false);
  void view.map.nextFrame().then(() => {
    timings.firstFrame ??= performance.now();
  });
  const db = await core;
  opening.notRestored = await data.restoreStoredImports();
  const matrices = target.matrices();
  // independent queries, pipelined to the engine's worker; status and criteria from the precomputed first map
  // where it was shown, checked against the engine's answer before the app reads as ready
  const firstQueries = Promise.all([data.loadUnits(vintage), data.lists(vintage), matrices.loadStatus({ checkSeedLater: true })]);
  // the other tables: their assets read at once, their inserts queued in the engine's worker once it has answered
  // those queries. Against inserts posted at once (4 interleaved cold loads): data-ready 3,317 -> 3,199 ms and every
  // table in 4,270 -> 4,172 (the worker's inserts had taken the CPU the page needs for the answers); assets read only
  // after the answers put every table in 330 ms later
  const rest = data.loadRest(firstQueries);
  rest.catch(() => undefined); // awaited below, after the first queries
  const [units, lists] = await firstQueries;
  target.useUnits(units);
  vintages.cache.put(vintage, { units, matrices });
  view.setUnits(units);
  await opening.applyLists(lists, true);
  vintages.settleIndicator(opening.asked);
  timings.dataReady = performance.now();
  await opening.noteDataIdentity(true);
  await target.refresh();
  // the base layers wait for the first coloured frame: this one, unless the precomputed first map was drawn
  if (timings.firstColouredFrame === undefined) await view.map.nextFrame();
  // every other indicator under the view's parameters is read while the rest of the start-up runs: once the
  // app is ready, a first switch to any of them is as fast as a year switch
  const prefetched = rest.then(() => target.matrices().prefetch(READ_AHEAD, state.get()));
  await Promise.all([view.drawBaseNow(), rest]);
  // targets entered in an earlier visit, before the planner first reads the targets
  const targets = new UserTargets(db, () => target.refreshPlanner());
  await targets.restore();
  target.useEngine(db, targets);
  // no vintage asked for: the one of the latest year with data (2026 and later: the post-reform units)
  if (opening.requestedVintage === null && lists.latestYear !== null && vintageOfYear(lists.latestYear) !== vintage) {
    await vintages.switchTo(vintageOfYear(lists.latestYear), false);
  }
  await Promise.all([opening.applyRequested(), prefetched, matrices.seedChecked]);
  timings.precomputedMatched = matrices.seedMatched ?? undefined;
  // a stale first map (public/generated older than the data): the engine's answer is drawn instead
  if (matrices.seedMatched === false) await target.refresh();
  state.set({ phase: 'ready' });
  target.ready();
  // the classes of the shown year under every indicator read ahead, while idle: a first switch then only paints
  const s = state.get();
  view.colours.prepare(target.matrices().cachedOf(CLASSIFIED_AHEAD, s), s);
  void view.colours.idleWorkDone().then(() => (timings.classesPrepared ??= performance.now()));
  // the other vintage's units, once the map is idle: imports detect it, and a first switch to it is quick
  target.inBackground(view.map.idle().then(() => vintages.preloadOther(data.imports)));
}

/**
 * Colours the map from the precomputed first map while DuckDB starts: its units stand in for the unit list and
 * its matrices for the engine's until they are read (IndicatorMatrices.seed). Only for the views it holds.
 */
async function showFirstMap(target: StartUpTarget, view: MapView, f: FirstMap): Promise<void> {
  const { state } = target;
  // a link without a year opens on the latest year with data (LinkRequest): the first map's until the lists are read
  if (!target.opening.link.yearAsked && !target.unitsRead()) state.set({ year: latestYear(f.years) });
  const s = state.get();
  if (target.unitsRead() || !f.years.includes(s.year) || !f.matrices[s.indicator]) return;
  const units = firstMapUnits(f);
  target.useFirstUnits(units);
  view.setUnits(units);
  target.matrices().seed(f);
  if (s.years.length === 0) state.set({ years: f.years });
  target.timings.precomputedColours = performance.now();
  await target.refresh();
}
