/**
 * Builds a province edition: every file of the office's folder goes through the app's own import pipeline
 * (src/import: encodings, headers, matching, validation) in Node, its report is printed, the resolutions file
 * settles the rows that wait for a choice, and the accepted rows become the edition's assets: one import stream
 * per table (src/common/schema.ts `edition`), with provenance "published" and each row's source naming the office,
 * the file and the row. A targets table (src/import/targets.ts) gives published targets, scored in the scorecard
 * beside the facts' own. A row still waiting for a choice stops the build (EditionBlocked, with the report).
 */
import { readFileSync } from 'node:fs';
import { buildUnitIndex, importTable, type ImportResult, type Unit } from '../src/import';
import { applyResolutions, parseResolutions, resolutionsFor, waitingRows, type Applied, type ResolutionsDocument } from '../src/import/resolutions';
import { importColumns, tableIPC, type ImportColumns, type ImportTableName } from '../src/import/service/import-rows';
import { editionTargetsIPC, targetIndicators, type EditionTarget } from '../src/import/service/targets';
import { editionAsset, editionDataset, editionId, publishedSource, EDITION_FORMAT, type EditionFile, type EditionManifest, type EditionTable } from '../src/common/edition';
import { TABLES } from '../src/common/schema';
import { translator, type Locale } from '../src/i18n/catalogue';
import { msg } from '../src/i18n/message';
import { EditionConfigError, type EditionConfig } from './config';
import { fileReport } from './report-text';

/** The import stream each edition table of rows is built from (src/import/service/import-rows.ts); targets come from targets tables. */
const streamOf: Record<Exclude<EditionTable, 'targets'>, ImportTableName> = { commune_year: 'communeYear', poverty_year: 'poverty', sponsorship: 'sponsorship', import_scope: 'scope' };

export interface EditionBuild {
  manifest: EditionManifest;
  /** asset name (under generated/) -> bytes */
  assets: Map<string, Uint8Array>;
  /** the report as printed */
  report: string;
}

/** Rows still wait for a choice, or a file could not be read: the build stops with the report. */
export class EditionBlocked extends Error {
  constructor(readonly report: string) {
    super(report);
  }
}

export interface BuildOptions {
  units: Unit[];
  /** the post-reform units: a file's province is detected against them too, and a targets table's 2026+ rows read in them */
  units2025?: Unit[];
  locale?: Locale;
  /** years after this one are refused as future years (default: this year) */
  currentYear?: number;
}

function readResolutions(paths: string[]): ResolutionsDocument[] {
  return paths.map((path) => {
    const parsed = parseResolutions(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new EditionConfigError(msg('edition.config.resolutions', { path, context: parsed.reason, version: parsed.version }));
    return parsed.document;
  });
}

type Values = unknown[];
const rowCount = (c: Record<string, Values>) => Object.values(c)[0]?.length ?? 0;

/** Rows of every file as one table; a key given by two files takes the later file's row (as a later import wins). */
function merge(parts: Record<string, Values>[], key: readonly string[] | undefined): Record<string, Values> {
  const names = Object.keys(parts[0] ?? {});
  const out: Record<string, Values> = Object.fromEntries(names.map((n) => [n, []]));
  const at = new Map<string, number>();
  for (const part of parts) {
    for (let i = 0; i < rowCount(part); i++) {
      const k = key ? key.map((c) => String(part[c][i])).join('|') : null;
      const j = k === null ? undefined : at.get(k);
      for (const n of names) {
        if (j === undefined) out[n].push(part[n][i]);
        else out[n][j] = part[n][i];
      }
      if (k !== null && j === undefined) at.set(k, out[names[0]].length - 1);
    }
  }
  return out;
}

/** The rows' provenance and source say who published them. */
function published(columns: Record<string, Values>, office: string): Record<string, Values> {
  const out = { ...columns };
  if ('provenance' in out) out.provenance = out.provenance.map(() => 'published');
  if ('source' in out) out.source = out.source.map((s) => publishedSource(office, String(s)));
  return out;
}

export async function buildEdition(config: EditionConfig, options: BuildOptions): Promise<EditionBuild> {
  const locale = options.locale ?? 'vi';
  const t = translator(locale);
  const index = buildUnitIndex(options.units);
  const candidates = options.units2025 ? [{ vintage: 'from2025' as const, index: buildUnitIndex(options.units2025) }] : [];
  const indicators = targetIndicators();
  const targets: EditionTarget[] = [];
  const documents = readResolutions(config.resolutions);
  const id = editionId(config.name, config.dataDate);
  const lines = [t('edition.report.heading', { name: config.name, office: config.office, dataDate: config.dataDate, context: config.sample ? config.mode : 'noSample' })];
  const files: EditionFile[] = [];
  const columns: ImportColumns[] = [];
  const blocked: string[] = [];
  let waitingFiles = 0;
  for (const [i, spec] of config.files.entries()) {
    const bytes = new Uint8Array(readFileSync(spec.path));
    let result: ImportResult = await importTable(
      { name: spec.name, bytes },
      {
        units: index, vintage: 'before2025', candidates, targetIndicators: indicators, province: spec.province ?? config.province,
        defaultYear: spec.year ?? config.year, currentYear: options.currentYear ?? new Date().getFullYear(), sheet: spec.sheet,
      },
    );
    let resolved: Pick<Applied, 'applied' | 'stale'> | null = null;
    const res = result.ok ? resolutionsFor(documents, result.file, result.sheet) : null;
    if (res) {
      const applied = applyResolutions(result, res, index);
      result = applied.result;
      resolved = applied;
    }
    lines.push('', `[${i + 1}/${config.files.length}] ${fileReport(result, locale, resolved).join('\n')}`);
    if (result.ok && result.targets) {
      // a targets table: its refused rows are reported (as the panel lists them); one without any target stops the build
      const read = result.targets.targets;
      if (read.length === 0) blocked.push(t('edition.report.nothing', { file: spec.name }));
      targets.push(...read.map((target) => ({ file: spec.name, target })));
      files.push({ file: spec.name, sheet: result.sheet, rowsInFile: result.targets.rowsInFile, loaded: read.length, resolved: 0, communeYear: 0, poverty: 0, sponsorship: 0, targets: read.length });
      continue;
    }
    const waiting = result.ok ? waitingRows(result).length : 0;
    if (!result.ok || result.error) blocked.push(t('edition.report.unreadable', { file: spec.name }));
    else if (waiting > 0) {
      blocked.push(t('edition.report.waiting', { file: spec.name, count: waiting }));
      waitingFiles++;
    }
    else if (result.report.accepted === 0) blocked.push(t('edition.report.nothing', { file: spec.name }));
    if (blocked.length > 0) continue;
    const c = importColumns(result);
    columns.push(c);
    files.push({
      file: spec.name,
      sheet: result.sheet,
      rowsInFile: result.report.rowsInFile,
      loaded: c.sourceRows,
      resolved: resolved?.applied ?? 0,
      communeYear: rowCount(c.communeYear),
      poverty: rowCount(c.poverty),
      sponsorship: rowCount(c.sponsorship),
      targets: 0,
    });
  }
  if (blocked.length > 0) {
    lines.push('', ...blocked.map((b) => `✗ ${b}`));
    if (waitingFiles > 0) lines.push(t('edition.report.howToResolve', { count: waitingFiles }));
    throw new EditionBlocked(lines.join('\n'));
  }
  const assets = new Map<string, Uint8Array>();
  const counts = {} as Record<EditionTable, number>;
  const dataset = editionDataset(id);
  for (const table of Object.keys(streamOf) as (keyof typeof streamOf)[]) {
    const stream = streamOf[table];
    const key = 'key' in TABLES[table] ? (TABLES[table] as { key: readonly string[] }).key : table === 'import_scope' ? ['province_code', 'year'] : undefined;
    const rows = published(merge(columns.map((c) => c[stream]), key), config.office);
    counts[table] = rowCount(rows);
    const bytes = tableIPC(stream, rows, dataset);
    if (bytes) assets.set(editionAsset(table), bytes);
  }
  const shipped = editionTargetsIPC(targets, id, (source) => publishedSource(config.office, source));
  counts.targets = shipped?.rows ?? 0;
  if (shipped) assets.set(editionAsset('targets'), shipped.bytes);
  lines.push('', t('edition.report.done', { files: files.length, communeYear: counts.commune_year, poverty: counts.poverty_year, sponsorship: counts.sponsorship }));
  if (counts.targets > 0) lines.push(t('edition.report.targets', { count: counts.targets }));
  const manifest: EditionManifest = {
    format: EDITION_FORMAT,
    version: 1,
    id,
    name: config.name,
    office: config.office,
    dataDate: config.dataDate,
    mode: config.mode,
    sample: config.sample,
    files,
    counts,
  };
  return { manifest, assets, report: lines.join('\n') };
}
