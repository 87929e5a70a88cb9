import type { SqlEngine } from '../db/engine';
import { indicatorsMatrixSQL, needsPoverty } from '../db/sql/indicator-values';
import { indicatorParams, type IndicatorId } from '../indicators/registry';

/** The view fields a matrix depends on besides its indicator (each indicator takes at most one of them). */
export interface MatrixParams {
  compareYear: number;
  criterion: number;
}

/** The other indicators without parameters, read in one query once the map is idle (about 0.3 MB each). */
const prefetchedIndicators: IndicatorId[] = ['poor_rate', 'near_poor_rate', 'ntm_year'];

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

  /** `povertyLoaded` resolves once the poverty series is in DuckDB (it is loaded after the first coloured map). */
  constructor(
    private readonly engine: SqlEngine,
    private readonly povertyLoaded: () => Promise<void>,
  ) {}

  /** The matrix if it has been answered (and the data has not changed since), else undefined. */
  cached(id: IndicatorId, p: MatrixParams): Float64Array | undefined {
    return this.done.get(matrixKey(id, p).key);
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
      const all = (missing.some((i) => needsPoverty(ids[i])) ? this.povertyLoaded() : Promise.resolve())
        .then(() => this.engine.query(indicatorsMatrixSQL(missing.map((i) => ids[i])), keys[missing[0]].params))
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
  }

  /** Status and criteria of every unit and year, read together. */
  async loadStatus(): Promise<void> {
    [this.statusMatrix, this.criteriaMatrix] = await this.fetch(['status', 'criteria'], { compareYear: 0, criterion: 1 });
  }

  /** Status class index and criteria met of a unit in one year (null before the status is loaded). */
  statusOf(unit: number, yearIndex: number, nYears: number): { status: number; criteriaMet: number | null } | null {
    if (!this.statusMatrix || !this.criteriaMatrix || yearIndex < 0) return null;
    const i = unit * nYears + yearIndex;
    const c = this.criteriaMatrix[i];
    return { status: this.statusMatrix[i], criteriaMet: Number.isFinite(c) ? c : null };
  }

  /** Reads the other parameterless indicators once `idle` resolves: a first switch to them is then as fast as a year switch. */
  prefetchAfter(idle: Promise<void>): void {
    void idle.then(() => this.fetch(prefetchedIndicators, { compareYear: 0, criterion: 1 })).catch((e: unknown) => console.error(e));
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
