import type { FirstMap } from '../common/first-map';
import { sameElements } from '../common/same-elements';
import type { SqlEngine } from '../db/engine';
import { PRE_REFORM, type Vintage } from '../common/vintage';
import { indicatorsMatrixSQL, needsPoverty } from '../db/sql/indicator-values';
import { indicatorParams, type IndicatorId } from '../indicators/registry';

/** Read while the start-up finishes (IndicatorMatrices.prefetch): status and criteria are read first, with the map. */
export const READ_AHEAD: readonly IndicatorId[] = ['poor_rate', 'near_poor_rate', 'ntm_year', 'status_change', 'poor_rate_change', 'criterion_missing'];
/**
 * Classified for the shown year while idle, at start-up and after each switch (FeatureColours.prepare): a first
 * switch to any of them then only paints. Status and criteria too: read with the map, classified only when shown.
 */
export const CLASSIFIED_AHEAD: readonly IndicatorId[] = ['criteria', 'status', ...READ_AHEAD];

/** The view fields a matrix depends on besides its indicator (each indicator takes at most one of them). */
export interface MatrixParams {
  compareYear: number;
  criterion: number;
}

/**
 * Indicator matrices: every unit and year of one indicator from one SQL query, [unit * nYears + yearIndex],
 * cached until the data changes. A matrix already answered is handed out synchronously (cached()), so a year or
 * indicator switch recolours in the same task.
 */
export class IndicatorMatrices {
  private pending = new Map<string, Promise<Float64Array>>();
  /** The matrices already answered, for a synchronous recolour. */
  private done = new Map<string, Float64Array>();
  /** Bumped when the data changes (imports): answers to older queries are not cached. */
  private generation = 0;
  /** Always loaded: tooltips show status and criteria whatever the indicator. */
  private statusMatrix: Float64Array | null = null;
  private criteriaMatrix: Float64Array | null = null;
  /** The precomputed first map's matrices (src/common/first-map.ts), until the engine's answers replace them. */
  private seeded = new Map<string, Float64Array>();
  /** Whether the engine's status and criteria equalled the precomputed ones (null: none were seeded). */
  seedMatched: boolean | null = null;
  private readonly engine: Promise<SqlEngine>;

  /**
   * `engine`: the engine once its core tables are in (a promise: matrices can be seeded and asked for before);
   * `povertyLoaded` resolves once the poverty series is in DuckDB (it is loaded after the first coloured map).
   */
  constructor(
    engine: SqlEngine | Promise<SqlEngine>,
    private readonly povertyLoaded: () => Promise<void>,
    /** whose units the rows are (each vintage has its own unit order and matrices) */
    readonly vintage: Vintage = PRE_REFORM,
  ) {
    this.engine = Promise.resolve(engine);
  }

  /** The matrices of these indicators already answered under the view's parameters. */
  cachedOf(ids: readonly IndicatorId[], p: MatrixParams): { id: IndicatorId; m: Float64Array }[] {
    return ids.flatMap((id) => {
      const m = this.cached(id, p);
      return m ? [{ id, m }] : [];
    });
  }

  /** The matrix if it has been answered (and the data has not changed since) or precomputed, else undefined. */
  cached(id: IndicatorId, p: MatrixParams): Float64Array | undefined {
    const { key } = matrixKey(id, p);
    return this.done.get(key) ?? this.seeded.get(key);
  }

  /**
   * The precomputed first map's matrices, handed out by cached() until the engine answers for them: the map is
   * coloured before DuckDB is up. Only for the shipped data (the caller checks that no import is stored).
   */
  seed(first: FirstMap): void {
    for (const [id, m] of Object.entries(first.matrices)) this.seeded.set(matrixKey(id as IndicatorId, { compareYear: 0, criterion: 1 }).key, m);
  }

  /** All years of one indicator, from the cache or one query. */
  get(id: IndicatorId, p: MatrixParams): Promise<Float64Array> {
    return this.fetch([id], p).then((m) => m[0]);
  }

  /** The matrices of indicators that take the same parameters; those not cached yet are read in one query. */
  fetch(ids: IndicatorId[], p: MatrixParams): Promise<Float64Array[]> {
    const keys = ids.map((id) => matrixKey(id, p));
    if (keys.some((k) => k.params.join() !== keys[0].params.join())) throw new Error('fetchMatrices: indicators with different parameters');
    const missing = keys.flatMap((k, i) => (this.pending.has(k.key) ? [] : [i]));
    if (missing.length > 0) {
      const generation = this.generation;
      const all = Promise.all([this.engine, missing.some((i) => needsPoverty(ids[i])) ? this.povertyLoaded() : undefined])
        .then(([engine]) => engine.query(indicatorsMatrixSQL(missing.map((i) => ids[i]), this.vintage), keys[missing[0]].params))
        .then((t) =>
          t.schema.fields.map((f, j) => {
            const values = t.getChild(f.name)!.toArray() as Float64Array;
            if (generation === this.generation) this.done.set(keys[missing[j]].key, values);
            return values;
          }),
        );
      missing.forEach((i, j) => this.pending.set(keys[i].key, all.then((m) => m[j])));
    }
    return Promise.all(keys.map((k) => this.pending.get(k.key)!));
  }

  /** After an import or its removal: every matrix is stale, and answers still on their way are not kept. */
  invalidate(): void {
    this.generation++;
    this.pending.clear();
    this.done.clear();
    this.seeded.clear();
  }

  /**
   * Status and criteria of every unit and year, read together; from then on the engine's answers are shown.
   * `checkSeedLater` (the start-up's option): where all of them were precomputed (the first map), those are taken at once
   * and the engine's answer is compared with them afterwards (`seedChecked`): the start-up's data-ready does not
   * wait for a query whose answer it already holds (about 0.3 s of DuckDB's worker on a 2-core laptop).
   */
  async loadStatus({ checkSeedLater = false } = {}): Promise<void> {
    const p = { compareYear: 0, criterion: 1 };
    // the other seeded indicators (parameterless, like these two) are read in the same query
    const others = [...this.seeded.keys()].map((k) => k.split('|')[0] as IndicatorId).filter((id) => id !== 'status' && id !== 'criteria');
    const ids: IndicatorId[] = ['status', 'criteria', ...others];
    const seeded = ids.map((id) => this.seeded.get(matrixKey(id, p).key));
    if (checkSeedLater && seeded.every((m) => m !== undefined)) {
      [this.statusMatrix, this.criteriaMatrix] = seeded;
      const generation = this.generation;
      this.seedChecked = this.fetch(ids, p).then((answered) => {
        // an import meanwhile dropped the precomputed matrices, and status and criteria were read again
        if (generation === this.generation) this.takeAnswer(seeded, answered);
      });
      this.seedChecked.catch(() => undefined); // a failure is reported where the start-up awaits it
      return;
    }
    this.takeAnswer(seeded, await this.fetch(ids, p));
  }

  /** Resolves once the engine's answer has replaced the precomputed status and criteria (`seedMatched` then says whether they agreed). */
  seedChecked: Promise<void> = Promise.resolve();

  private takeAnswer(seeded: (Float64Array | undefined)[], answered: Float64Array[]): void {
    [this.statusMatrix, this.criteriaMatrix] = answered;
    if (seeded.some((m) => m !== undefined)) {
      this.seedMatched = seeded.every((m, i) => m === undefined || sameElements(m, answered[i]));
      if (!this.seedMatched) console.warn('the precomputed first map differs from the engine\'s answer: public/generated is stale');
    }
    this.seeded.clear();
  }

  /** Status class index and criteria met of a unit in one year (null before the status is loaded). */
  statusOf(unit: number, yearIndex: number, nYears: number): { status: number; criteriaMet: number | null } | null {
    if (!this.statusMatrix || !this.criteriaMatrix || yearIndex < 0) return null;
    const i = unit * nYears + yearIndex;
    const c = this.criteriaMatrix[i];
    return { status: this.statusMatrix[i], criteriaMet: Number.isFinite(c) ? c : null };
  }

  /**
   * Reads the matrices of `ids` under the view's parameters that are not cached yet, those that take the same
   * parameters in one query (about 0.8 MB each): a first switch to them is then as fast as a year switch.
   */
  async prefetch(ids: readonly IndicatorId[], p: MatrixParams): Promise<void> {
    const groups = new Map<string, IndicatorId[]>();
    for (const id of ids) {
      const params = indicatorParams(id, p).join();
      groups.set(params, [...(groups.get(params) ?? []), id]);
    }
    await Promise.all([...groups.values()].map((group) => this.fetch(group, p)));
  }
}

function matrixKey(id: IndicatorId, p: MatrixParams) {
  const params = indicatorParams(id, p);
  return { key: `${id}|${params.join(',')}`, params };
}

/** One year's column of an indicator matrix ([unit * nYears + year]). */
export function yearSlice(m: Float64Array, nUnits: number, nYears: number, yearIndex: number): Float64Array {
  const values = new Float64Array(nUnits);
  for (let u = 0; u < nUnits; u++) values[u] = m[u * nYears + yearIndex];
  return values;
}
