import { createStore, del, entries, set } from 'idb-keyval';
import type { SqlEngine } from '../db/engine';
import { deleteUserTargetSQL, insertUserTargetSQL, userTargetParams, type UserTargetRow } from '../db/sql/targets';
import { TARGET_MEASURES } from '../db/sql/scorecard';
import { PROGRAMME_YEARS } from '../common/programme';
import { parseTargetValue } from '../import/targets';

/** A target as a user enters it in the scorecard. */
export interface NewTarget {
  province_code: string;
  province_name: string;
  /** a measurable target indicator (TARGET_MEASURES) */
  indicator: string;
  target_year: number;
  /** "75", or a range "1800-2200" (decimal comma or point) */
  value: string;
  note: string;
  source: string;
}

export class TargetInputError extends Error {
  constructor(readonly reason: 'indicator' | 'year' | 'value' | 'province') {
    super(reason);
  }
}

/** The value a target is given as: one parser for the scorecard's form and targets tables (src/import/targets.ts). */
export { parseTargetValue };

const store = () => createStore('ntm-atlas-targets', 'targets');

/**
 * Targets a user enters (for another province, the country, or 2026-2030): kept in this browser (IndexedDB, their
 * own store beside the imports') and put into DuckDB's user_targets at start-up, where the scorecard and the
 * planner read them with the published ones. `changed` runs after each change (the planner's trajectory follows).
 */
export class UserTargets {
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly engine: SqlEngine,
    private readonly changed: () => Promise<void>,
  ) {}

  /** Bumped on every change: what reads the targets reads them again. */
  get revision(): number {
    return this.version;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Inserts every stored target (at start-up); a record that cannot be read is left out. Returns how many. */
  async restore(): Promise<number> {
    let n = 0;
    for (const [, row] of await entries<string, UserTargetRow>(store())) {
      if (typeof row?.target_id !== 'string') continue;
      await this.engine.query(insertUserTargetSQL, userTargetParams(row));
      n++;
    }
    return n;
  }

  /** Checks, stores and inserts a target; throws TargetInputError naming what is wrong. */
  async add(t: NewTarget): Promise<UserTargetRow> {
    if (!TARGET_MEASURES[t.indicator]) throw new TargetInputError('indicator');
    if (!/^\d{2}$/.test(t.province_code)) throw new TargetInputError('province');
    if (!Number.isInteger(t.target_year) || t.target_year < PROGRAMME_YEARS.first || t.target_year > PROGRAMME_YEARS.last) throw new TargetInputError('year');
    const v = parseTargetValue(t.value);
    if (!v) throw new TargetInputError('value');
    const now = new Date();
    const row: UserTargetRow = {
      target_id: `u-${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
      province_code: t.province_code, province_name: t.province_name, target_year: t.target_year, indicator: t.indicator,
      value: t.value.trim(), value_num: v.num, value_min: v.min, value_max: v.max, unit: TARGET_MEASURES[t.indicator].unit,
      note: t.note.trim(), source: t.source.trim(), parent_id: null, entered_at: now.toISOString(),
    };
    await this.engine.query(insertUserTargetSQL, userTargetParams(row));
    await set(row.target_id, row, store());
    await this.afterChange();
    return row;
  }

  /** Every entered target as stored (what a data package carries). */
  async list(): Promise<UserTargetRow[]> {
    return (await entries<string, UserTargetRow>(store())).map(([, row]) => row).filter((row) => typeof row?.target_id === 'string');
  }

  /** Keeps and inserts targets entered elsewhere (a data package's); one with the same id is replaced. */
  async adopt(rows: readonly UserTargetRow[]): Promise<number> {
    await this.put(rows);
    if (rows.length > 0) await this.afterChange();
    return rows.length;
  }

  /**
   * The targets read from one file (ids starting with `prefix`, src/import/service/targets.ts) become `rows`: a
   * file read again replaces its targets, one it no longer gives is removed. Returns how many are kept.
   */
  async replace(prefix: string, rows: readonly UserTargetRow[]): Promise<number> {
    const kept = new Set(rows.map((r) => r.target_id));
    const stale = (await this.list()).filter((r) => r.target_id.startsWith(prefix) && !kept.has(r.target_id));
    for (const r of stale) {
      await this.engine.query(deleteUserTargetSQL, [r.target_id]);
      await del(r.target_id, store());
    }
    await this.put(rows);
    if (rows.length > 0 || stale.length > 0) await this.afterChange();
    return rows.length;
  }

  private async put(rows: readonly UserTargetRow[]): Promise<void> {
    for (const row of rows) {
      await this.engine.query(deleteUserTargetSQL, [row.target_id]);
      await this.engine.query(insertUserTargetSQL, userTargetParams(row));
      await set(row.target_id, row, store());
    }
  }

  async remove(id: string): Promise<void> {
    await this.engine.query(deleteUserTargetSQL, [id]);
    await del(id, store());
    await this.afterChange();
  }

  private async afterChange(): Promise<void> {
    this.version++;
    for (const l of this.listeners) l();
    await this.changed();
  }
}
