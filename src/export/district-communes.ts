import type { TFunction } from 'i18next';
import type { DistrictCommuneRow } from '../db/sql/district-communes';
import { isIllustrativeProvenance } from '../db/sql/provenance';
import type { Locale } from '../i18n';
import { toCsv, toXlsx } from './table-export';
import { downloadBytes, exportFilename, MIME } from './download';

/**
 * A district's communes as the drill-down lists them, to CSV or XLSX: status in words, criteria met of the row's
 * own set, the numbers of those missing, poor rate (%), sponsors, and one provenance column per series.
 */
export async function exportDistrictCommunes(
  rows: readonly DistrictCommuneRow[],
  opts: { district: string; year: number; locale: Locale; format: 'csv' | 'xlsx'; t: TFunction },
): Promise<void> {
  const { t, year, format } = opts;
  const columns = [
    { key: 'commune_code', header: t('export.code') },
    { key: 'commune_name', header: t('criteria.commune') },
    { key: 'status', header: t('tooltip.status') },
    { key: 'criteria_met', header: t('drilldown.col.criteria_met') },
    { key: 'criteria_total', header: t('drilldown.col.criteria_total') },
    { key: 'missing', header: t('drilldown.col.missing') },
    { key: 'poor_rate', header: `${t('planner.col.poor_rate')} (%)`, digits: 2 },
    { key: 'sponsors', header: t('drilldown.col.sponsors') },
    { key: 'ntm_provenance', header: 'ntm_provenance' },
    { key: 'poverty_provenance', header: 'poverty_provenance' },
  ];
  const table = rows.map((r) => ({
    ...r,
    status: r.in_scope ? (r.tier ? t(`status.${r.tier}`) : t('status.no_data')) : t('status.out_of_scope'),
    poor_rate: r.poor_rate === null ? null : Math.round(r.poor_rate * 10000) / 100,
  }));
  const illustrative = rows.some((r) => isIllustrativeProvenance(r.ntm_provenance) || isIllustrativeProvenance(r.poverty_provenance));
  const title = t('drilldown.title', { district: opts.district, year });
  const o = { illustrative, source: `${t('present.sourceData')} · ${t('present.dataDate', { year })}`, locale: opts.locale, sheetName: opts.district };
  const name = exportFilename(title, format);
  if (format === 'csv') downloadBytes(new TextEncoder().encode(toCsv(columns, table, o)), name, MIME.csv);
  else downloadBytes(await toXlsx(columns, table, o), name, MIME.xlsx);
}
