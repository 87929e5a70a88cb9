import type { TFunction } from 'i18next';
import { rowsOf, type SqlEngine } from '../db/engine';
import { modelExportSQL, modelProvenanceColumns } from '../db/sql/model-export';
import { isIllustrativeProvenance } from '../db/sql/provenance';
import { toCsv } from './table-export';
import { downloadBytes, exportFilename, MIME } from './download';
import type { ExportLocale } from './wording';

type ModelRow = Record<string, string | number | null>;

/** The model's rows for a province (or the country, null), with one provenance column per series. */
export async function modelRows(engine: SqlEngine, province: string | null): Promise<{ columns: string[]; rows: ModelRow[] }> {
  const table = await engine.query(modelExportSQL, [province]);
  return { columns: table.schema.fields.map((f) => f.name), rows: rowsOf<ModelRow>(table) };
}

/** Whether any value of the rows comes from an illustrative row (of any series). */
export const modelIllustrative = (rows: readonly ModelRow[]): boolean =>
  rows.some((r) => modelProvenanceColumns.some((c) => isIllustrativeProvenance(r[c] as string | null)));

/** The model of the current province or the country as CSV (with the illustrative notice when any value is), downloaded. */
export async function exportModelCsv(engine: SqlEngine, view: { province: string | null; locale: ExportLocale }, t: TFunction): Promise<string> {
  const { columns, rows } = await modelRows(engine, view.province);
  const csv = toCsv(
    columns.map((key) => ({ key, header: key })),
    rows,
    { illustrative: modelIllustrative(rows), source: t('map.attribution'), locale: view.locale },
  );
  downloadBytes(new TextEncoder().encode(csv), exportFilename(`ntm-atlas-${view.province ?? 'toan-quoc'}`, 'csv'), MIME.csv);
  return csv;
}
