import type { TFunction } from 'i18next';
import type { Atlas } from '../app/atlas';
import { rowsOf } from '../db/engine';
import { toCsv } from './table-export';
import { downloadBytes, exportFilename } from './download';

/** The model (status and poverty per commune and year, with provenance) as CSV, for the current province or all. */
export const modelExportSQL = `
SELECT u.province_code, u.district_code, u.commune_code, u.commune_name, t.year::INTEGER AS year,
       y.criteria_set, y.criteria_met_count::INTEGER AS criteria_met_count, y.tier, y.recognised_year::INTEGER AS recognised_year,
       y.decision_no, p.households::INTEGER AS households, p.poor::INTEGER AS poor, p.near_poor::INTEGER AS near_poor, p.standard,
       coalesce(y.provenance, p.provenance) AS provenance, coalesce(y.source, p.source) AS source
FROM unit_commune u CROSS JOIN (SELECT DISTINCT year FROM commune_year) t
LEFT JOIN commune_year y ON y.commune_code = u.commune_code AND y.year = t.year
LEFT JOIN poverty_year p ON p.unit_code = u.commune_code AND p.year = t.year
WHERE ($1::VARCHAR IS NULL OR u.province_code = $1) AND (y.commune_code IS NOT NULL OR p.unit_code IS NOT NULL)
ORDER BY u.commune_code, t.year`;

export async function exportModelCsv(atlas: Atlas, t: TFunction): Promise<string> {
  const s = atlas.state.get();
  const rows = rowsOf<Record<string, string | number | null>>(await atlas.engine!.query(modelExportSQL, [s.province]));
  const keys = ['province_code', 'district_code', 'commune_code', 'commune_name', 'year', 'criteria_set', 'criteria_met_count', 'tier', 'recognised_year', 'decision_no', 'households', 'poor', 'near_poor', 'standard', 'provenance', 'source'];
  const csv = toCsv(
    keys.map((key) => ({ key, header: key })),
    rows,
    { illustrative: rows.some((r) => r.provenance === 'illustrative'), source: t('map.attribution'), locale: s.locale },
  );
  downloadBytes(new TextEncoder().encode(csv), exportFilename(`ntm-atlas-${s.province ?? 'toan-quoc'}`, 'csv'), 'text/csv;charset=utf-8');
  return csv;
}
