import type { TFunction } from 'i18next';
import type { AppState } from '../state/app-state';
import type { PlannerRow } from '../db/sql/planner';
import { isIllustrativeProvenance } from '../db/sql/provenance';
import type { SeriesId } from '../common/schema';
import { toCsv, toXlsx } from './table-export';
import { downloadBytes, exportFilename, MIME } from './download';

const keys: (keyof PlannerRow)[] = [
  'group_code', 'group_name', 'in_scope', 'ntm', 'ntm_share', 'nang_cao', 'kieu_mau', 'avg_criteria', 'below_floor',
  'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate', 'base_ntm_share', 'ntm_share_change', 'poor_rate_change',
  'recognition', 'recognition_year', 'target_share', 'expected_share', 'target_gap', 'behind',
];

/**
 * The series each planner column is computed from, and from which of the two years (the table's year, the base
 * year, or both): a cell is illustrative when the group's rows of that series in those years are. Columns not
 * listed come from the unit list or from facts (recognition, targets).
 */
const columnSeries: Partial<Record<keyof PlannerRow, { series: SeriesId; years: 'year' | 'base' | 'both' }>> = {
  ntm: { series: 'ntm', years: 'year' },
  ntm_share: { series: 'ntm', years: 'year' },
  nang_cao: { series: 'ntm', years: 'year' },
  kieu_mau: { series: 'ntm', years: 'year' },
  avg_criteria: { series: 'ntm', years: 'year' },
  below_floor: { series: 'ntm', years: 'year' },
  target_gap: { series: 'ntm', years: 'year' },
  base_ntm_share: { series: 'ntm', years: 'base' },
  expected_share: { series: 'ntm', years: 'base' },
  ntm_share_change: { series: 'ntm', years: 'both' },
  behind: { series: 'ntm', years: 'both' },
  households: { series: 'poverty', years: 'year' },
  poor: { series: 'poverty', years: 'year' },
  poor_rate: { series: 'poverty', years: 'year' },
  near_poor: { series: 'poverty', years: 'year' },
  near_poor_rate: { series: 'poverty', years: 'year' },
  poor_rate_change: { series: 'poverty', years: 'both' },
};

/** The planner row's provenance columns of a series (year, base year). */
const provenanceOf = (r: PlannerRow, series: SeriesId): { year: string | null; base: string | null } =>
  series === 'ntm' ? { year: r.ntm_provenance, base: r.ntm_base_provenance } : series === 'poverty' ? { year: r.poverty_provenance, base: r.poverty_base_provenance } : { year: null, base: null };

/** The series a planner column reads, or null (unit list, facts). */
export const plannerColumnSeries = (key: keyof PlannerRow): SeriesId | null => columnSeries[key]?.series ?? null;

/** Whether a planner cell shows a value computed from illustrative rows. */
export function plannerCellIllustrative(r: PlannerRow, key: keyof PlannerRow): boolean {
  const c = columnSeries[key];
  if (!c) return false;
  const p = provenanceOf(r, c.series);
  return (c.years !== 'base' && isIllustrativeProvenance(p.year)) || (c.years !== 'year' && isIllustrativeProvenance(p.base));
}

/** Whether any shown row's cell of a column is illustrative (the column's header is marked). */
export const plannerColumnIllustrative = (rows: readonly PlannerRow[], key: keyof PlannerRow): boolean =>
  rows.some((r) => plannerCellIllustrative(r, key));

/** One provenance value per series for a row, over both years it reads ('fact+illustrative'). */
function seriesProvenance(r: PlannerRow, series: SeriesId): string | null {
  const p = provenanceOf(r, series);
  const all = new Set([p.year, p.base].flatMap((v) => (v ? v.split('+') : [])));
  return all.size === 0 ? null : [...all].sort().join('+');
}

const provenanceKeys = { ntm_provenance: 'ntm', poverty_provenance: 'poverty' } as const;

/** The district (or province) table as shown, with shares as percentages and one provenance column per series, to CSV or XLSX. */
export async function exportPlannerTable(s: Pick<AppState, 'province' | 'floor' | 'planner' | 'locale' | 'year' | 'compareYear'>, format: 'csv' | 'xlsx', t: TFunction): Promise<void> {
  const level = s.province === null ? 'province' : 'district';
  const header = (k: string) => (k === 'group_code' ? t('export.code') : k === 'group_name' ? t(`planner.col.name_${level}`) : t(`planner.col.${k}`, { floor: s.floor, defaultValue: k }));
  const percent = new Set(['ntm_share', 'poor_rate', 'near_poor_rate', 'base_ntm_share', 'ntm_share_change', 'poor_rate_change', 'target_share', 'expected_share', 'target_gap']);
  const rows = s.planner.map((r) => ({
    ...Object.fromEntries(
      keys.map((k) => {
        const v = r[k];
        if (typeof v === 'number' && percent.has(k)) return [k, Math.round(v * 10000) / 100];
        if (typeof v === 'boolean') return [k, v ? t('planner.behind') : ''];
        return [k, v as string | number | null];
      }),
    ),
    ...Object.fromEntries(Object.entries(provenanceKeys).map(([k, series]) => [k, seriesProvenance(r, series)])),
  }));
  const columns = [
    ...keys.map((key) => ({ key, header: header(key) + (percent.has(key) ? ' (%)' : ''), digits: key === 'avg_criteria' ? 1 : undefined })),
    ...Object.keys(provenanceKeys).map((key) => ({ key, header: key })),
  ];
  const illustrative = s.planner.some((r) => keys.some((k) => plannerCellIllustrative(r, k)));
  const opts = { illustrative, source: `${t('present.sourceData')} · ${t('present.dataDate', { year: s.year })}`, locale: s.locale };
  const name = exportFilename(t(`planner.title.${level}`, { year: s.year, base: s.compareYear }), format);
  if (format === 'csv') downloadBytes(new TextEncoder().encode(toCsv(columns, rows, opts)), name, MIME.csv);
  else downloadBytes(await toXlsx(columns, rows, opts), name, MIME.xlsx);
}
