import type { TFunction } from 'i18next';
import type { AppState } from '../state/app-state';
import type { PlannerRow } from '../db/sql/planner';
import { toCsv, toXlsx } from './table-export';
import { downloadBytes, exportFilename, MIME } from './download';

const keys: (keyof PlannerRow)[] = [
  'group_code', 'group_name', 'in_scope', 'ntm', 'ntm_share', 'nang_cao', 'kieu_mau', 'avg_criteria', 'below_floor',
  'households', 'poor', 'poor_rate', 'near_poor', 'near_poor_rate', 'base_ntm_share', 'ntm_share_change', 'poor_rate_change',
  'recognition', 'recognition_year', 'target_share', 'expected_share', 'target_gap', 'behind',
];

/** The district (or province) table as shown, with shares as percentages, to CSV or XLSX. */
export async function exportPlannerTable(s: AppState, format: 'csv' | 'xlsx', t: TFunction): Promise<void> {
  const level = s.province === null ? 'province' : 'district';
  const header = (k: string) => (k === 'group_code' ? t('export.code') : k === 'group_name' ? t(`planner.col.name_${level}`) : t(`planner.col.${k}`, { floor: s.floor, defaultValue: k }));
  const percent = new Set(['ntm_share', 'poor_rate', 'near_poor_rate', 'base_ntm_share', 'ntm_share_change', 'poor_rate_change', 'target_share', 'expected_share', 'target_gap']);
  const rows = s.planner.map((r) =>
    Object.fromEntries(
      keys.map((k) => {
        const v = r[k];
        if (typeof v === 'number' && percent.has(k)) return [k, Math.round(v * 10000) / 100];
        if (typeof v === 'boolean') return [k, v ? t('planner.behind') : ''];
        return [k, v as string | number | null];
      }),
    ),
  );
  const columns = keys.map((key) => ({ key, header: header(key) + (percent.has(key) ? ' (%)' : ''), digits: key === 'avg_criteria' ? 1 : undefined }));
  const opts = { illustrative: s.illustrative, source: `${t('present.sourceData')} · ${t('present.dataDate', { year: s.year })}`, locale: s.locale };
  const name = exportFilename(t(`planner.title.${level}`, { year: s.year, base: s.compareYear }), format);
  if (format === 'csv') downloadBytes(new TextEncoder().encode(toCsv(columns, rows, opts)), name, MIME.csv);
  else downloadBytes(await toXlsx(columns, rows, opts), name, MIME.xlsx);
}
