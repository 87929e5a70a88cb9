/**
 * Targets tables in the app and the edition build: the indicators the reader (../targets.ts) knows, by the names
 * the scorecard shows them under, and the targets it read as rows of the model: entered targets of the data panel
 * (user_targets, one stable id per file, province, indicator and year, so reading a file again replaces its
 * targets) and an edition's published targets (the targets table, its source naming the office, file and row).
 */
import { TARGET_MEASURES } from '../../db/sql/scorecard';
import type { UserTargetRow } from '../../db/sql/targets';
import { arrowIPC, type Column } from '../../common/arrow-table';
import { assetColumns } from '../../common/schema';
import { shortProvinceName } from '../../common/vn-name';
import { render } from '../../i18n/catalogue';
import { msg, type MessageKey } from '../../i18n/message';
import { NATIONAL_CODE, type ReadTarget, type TargetIndicator } from '../targets';

/** Every indicator the scorecard measures, with its key and its names in both languages. */
export function targetIndicators(): TargetIndicator[] {
  return Object.keys(TARGET_MEASURES).map((key) => {
    const label = `scorecard.indicator.${key.replace(/^target_/, '')}` as MessageKey;
    return { key, names: [render('vi', msg(label)), render('en', msg(label))] };
  });
}

/** The province's name as targets carry it ("Quảng Trị"; the whole country: "Toàn quốc"). */
const provinceName = (t: ReadTarget) => (t.province_code === NATIONAL_CODE ? render('vi', msg('scorecard.national')) : shortProvinceName(t.province_name));

/** Where a target came from: the file's own source column, then the file and row. */
function sourceOf(t: ReadTarget, file: string): string {
  const where = { file, row: t.row };
  return render('vi', t.source ? msg('import.targets.sourceWithFile', { ...where, source: t.source }) : msg('import.targets.source', where));
}

/** What every target id read from `file` starts with. */
export const fileTargetPrefix = (file: string): string => `file:${file}|`;

/** A read target as a row of the targets tables (user_targets adds when it was entered). */
function targetRow(t: ReadTarget, target_id: string, source: string): Omit<UserTargetRow, 'entered_at'> {
  return {
    target_id, province_code: t.province_code, province_name: provinceName(t), target_year: t.target_year, indicator: t.indicator,
    value: t.value, value_num: t.value_num, value_min: t.value_min, value_max: t.value_max, unit: TARGET_MEASURES[t.indicator].unit,
    note: t.note, source, parent_id: null,
  };
}

/** The entered targets a targets file gives (UserTargets.replace keeps them, in place of the file's earlier ones). */
export function fileTargetRows(targets: readonly ReadTarget[], file: string, now = new Date()): UserTargetRow[] {
  return targets.map((t) => ({
    ...targetRow(t, `${fileTargetPrefix(file)}${t.province_code}|${t.indicator}|${t.target_year}`, sourceOf(t, file)),
    entered_at: now.toISOString(),
  }));
}

/** A target of an edition's file, before the edition's source is put on it. */
export interface EditionTarget {
  file: string;
  target: ReadTarget;
}

/**
 * An edition's published targets as the targets table's asset (Arrow IPC), each source saying who published it
 * (`published` wraps the file-and-row source); a province, indicator and year given by two files take the later
 * file's. Null when there is none.
 */
export function editionTargetsIPC(targets: readonly EditionTarget[], editionId: string, published: (source: string) => string): { bytes: Uint8Array; rows: number } | null {
  const byKey = new Map<string, EditionTarget>();
  for (const e of targets) byKey.set(`${e.target.province_code}|${e.target.indicator}|${e.target.target_year}`, e);
  if (byKey.size === 0) return null;
  const rows = [...byKey.entries()].map(([key, { file, target: t }]) => targetRow(t, `edition:${editionId}|${key}`, published(sourceOf(t, file))));
  const declared = assetColumns('targets');
  const columns = Object.fromEntries(declared.map((c) => [c.name, rows.map((r) => r[c.name as keyof typeof r]) as Column]));
  return arrowIPC(columns, Object.fromEntries(declared.map((c) => [c.name, c.type])));
}
