import { bootEngine, bootTimings } from '../boot';
import { rowsOf, type SqlEngine } from '../db/engine';
import { fetchAsset, fetchAssetOnce } from '../db/fetch-asset';
import { assetsSharedWithMap, loadCore, loadRest, type AssetReader } from '../db/load';
import { editionOfPage, loadEditionCore, loadEditionRest } from '../db/edition';
import { importedRowCountSQL, yearsSQL } from '../db/sql/map-queries';
import { provincesOfVintageSQL, yearsOfVintageSQL } from '../db/sql/vintage';
import { PRE_REFORM, type Vintage } from '../common/vintage';
import { sponsorIdsSQL } from '../db/sql/sponsor';
import { ImportService } from '../import/service/imports';
import type { ProvinceOption } from '../state/app-state';
import { loadUnitList, type UnitList } from '../db/unit-list';

/** DuckDB's reads: a table only the engine reads is not held once it has its copy (fetchAssetOnce). */
const readForEngine: AssetReader = (name) => (assetsSharedWithMap.has(name) ? fetchAsset(name) : fetchAssetOnce(name));

export interface Timings {
  /** ms from navigation start */
  dataReady?: number;
  firstFrame?: number;
  /** the first frame the user sees coloured: drawn with colours, and not before the canvas was shown (mapShown) */
  firstColouredFrame?: number;
  /** the canvas shown: hidden until the neighbours' land and the communes are in (AtlasMap.canvasShown) */
  mapShown?: number;
  /** the first module ran (src/boot.ts) and DuckDB's worker was started */
  bootStarted?: number;
  engineStarted?: number;
  /** the unit list read back (names, hierarchy) */
  unitList?: number;
  /** unit tables and the NTM series in DuckDB (see loadCore) */
  coreLoaded?: number;
  /** every other table too (poverty, boundary attributes, sponsors...) */
  allLoaded?: number;
  /** the map coloured from the precomputed first map (src/app/first-map.ts), before the engine answered */
  precomputedColours?: number;
  /** whether the engine's status and criteria equalled the precomputed ones (unset when none were shown) */
  precomputedMatched?: boolean;
  /** the classes of every indicator read ahead computed while idle: a first switch to any of them only paints */
  classesPrepared?: number;
  /** CPU time of the last recolour (slice + classify + colour + layer update), ms */
  lastRecolourMs?: number;
}

/** The lists a view is checked against and the pickers offer. */
export interface DataLists {
  /** the years and provinces of the vintage asked for */
  years: number[];
  provinces: ProvinceOption[];
  /** the latest year with data of either vintage (the app opens on its vintage unless told otherwise) */
  latestYear: number | null;
  /** Rows of the user's own imported tables now in the model. */
  importedRows: number;
}

/**
 * The data side of start-up, in the order the map needs it: DuckDB (started by src/boot.ts) with the core tables
 * first, the unit list and the import service, stored imports, then every other table once. Each step runs once
 * however often it is asked for; the milestones go into `timings`.
 */
export class DataLoading {
  /** The engine from the moment the core tables are in. */
  private db: SqlEngine | null = null;
  private core: Promise<SqlEngine> | null = null;
  /** The vintage whose tables the core holds (the rest leaves them out). */
  private coreVintage: Vintage = PRE_REFORM;
  private rest: Promise<void> | null = null;
  private unitList: Promise<UnitList> | null = null;
  private service: ImportService | null = null;

  /** The province edition this site was built with (its rows are laid into the shipped series), or null. */
  readonly edition = editionOfPage();

  constructor(private readonly timings: Timings) {}

  /** The engine once the core tables are in (null before). */
  get engine(): SqlEngine | null {
    return this.db;
  }

  /** The import service, from when the unit list is read (it matches against it). */
  get imports(): ImportService | null {
    return this.service;
  }

  /** Waits for DuckDB's worker (started by src/boot.ts) and loads the unit tables (of the vintage opened on too) and the NTM series. */
  loadCore(vintage: Vintage = PRE_REFORM): Promise<SqlEngine> {
    this.timings.bootStarted = bootTimings.bootStarted;
    if (this.core === null) this.coreVintage = vintage;
    this.core ??= bootEngine.then(async (engine) => {
      this.timings.engineStarted = bootTimings.engineStarted;
      await loadCore(engine, readForEngine, vintage);
      await loadEditionCore(engine, readForEngine, this.edition);
      this.timings.coreLoaded = performance.now();
      return (this.db = engine);
    });
    return this.core;
  }

  /** The unit list (names, codes, hierarchy) of the vintage opened on, in matrix order, and the import service that matches against it. */
  loadUnits(vintage: Vintage = PRE_REFORM): Promise<UnitList> {
    this.unitList ??= loadUnitList(this.db!, vintage).then((units) => {
      this.service = new ImportService(this.db!, units);
      this.timings.unitList = performance.now();
      return units;
    });
    return this.unitList;
  }

  /**
   * The tables the first coloured map did not need (poverty, boundary attributes, sponsors...), loaded once. Their
   * assets are read at once; with `insertAfter`, the inserts are posted only once it has settled.
   */
  loadRest(insertAfter?: Promise<unknown>): Promise<void> {
    if (this.rest) return this.rest;
    const gate = insertAfter?.then(() => undefined, () => undefined);
    const read: AssetReader = gate ? (name) => Promise.all([readForEngine(name), gate]).then(([bytes]) => bytes) : readForEngine;
    this.rest = loadRest(this.db!, read, this.coreVintage).then(() => loadEditionRest(this.db!, readForEngine, this.edition)).then(() => {
      this.timings.allLoaded = performance.now();
    });
    return this.rest;
  }

  /**
   * Stored imports may carry sponsorships and poverty rows: with any, everything is loaded before they are
   * restored. Returns the names of those that could not be restored (reported, then dropped from the store).
   */
  async restoreStoredImports(): Promise<string[]> {
    if (!(await ImportService.hasStored())) return [];
    await this.loadUnits();
    await this.loadRest();
    const { failed } = await this.service!.restore();
    return failed;
  }

  /** Years and provinces of a vintage, the latest year and the import count: independent queries, pipelined to the engine's worker. */
  async lists(vintage: Vintage = PRE_REFORM): Promise<DataLists> {
    const e = this.db!;
    const [yearRows, provinceRows, all, imported] = await Promise.all([
      e.query(yearsOfVintageSQL(vintage)), e.query(provincesOfVintageSQL(vintage)), e.query(yearsSQL), e.query(importedRowCountSQL),
    ]);
    const allYears = rowsOf<{ year: number }>(all).map((r) => r.year);
    return {
      years: rowsOf<{ year: number }>(yearRows).map((r) => r.year),
      provinces: rowsOf<{ province_code: string; province_name: string }>(provinceRows).map((r) => ({ code: r.province_code, name: r.province_name })),
      latestYear: allYears.length > 0 ? allYears[allYears.length - 1] : null,
      importedRows: rowsOf<{ n: number }>(imported)[0].n,
    };
  }

  /** Every sponsor id (the sponsorship table is loaded with the rest). */
  async sponsorIds(): Promise<Set<string>> {
    await this.loadRest();
    return new Set(rowsOf<{ sponsor_id: string }>(await this.db!.query(sponsorIdsSQL)).map((r) => r.sponsor_id));
  }
}
