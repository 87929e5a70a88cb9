/**
 * The import report as terminal text: the same facts and the same catalogue sentences as the data panel's report
 * (src/ui/data/ImportReport.tsx): where every row went, the year and its source, rows waiting for a choice with
 * their candidates, and the warnings and errors with row and column.
 */
import { render, translator, type Locale, type Translate } from '../src/i18n/catalogue';
import { NATIONAL_CODE, type TargetsRead } from '../src/import/targets';
import { targetsRowsMessage } from '../src/import/targets-rows';
import { shortProvinceName } from '../src/common/vn-name';
import { ROW_BUCKETS, type ImportResult } from '../src/import/types';
import { waitingRows, type Applied } from '../src/import/resolutions';
import { bucketOf } from '../src/import/report';

/** How many issues and waiting rows a file's report lists in the terminal; the rest are counted. */
const LISTED = 40;

/** Text from a file on one line (a cell may hold line breaks). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The file, its sheet, format and encoding, on one line. */
function headLine(result: ImportResult, t: Translate): string {
  const head = [result.file, result.sheet, result.format?.toUpperCase(), result.encoding && t('import.encoding', { name: t(`import.encodingName.${result.encoding.name}`) })];
  return head.filter(Boolean).join(' · ');
}

export function fileReport(result: ImportResult, locale: Locale, resolved: Pick<Applied, 'applied' | 'stale'> | null): string[] {
  const t = translator(locale);
  const lines: string[] = [];
  lines.push(headLine(result, t));
  if (result.targets) return [...lines, ...targetsReport(result.targets, locale)];
  if (!result.ok || result.error) {
    if (result.error) lines.push(`  ✗ ${render(locale, result.error.message)} (${render(locale, result.error.where)})`);
    return lines;
  }
  if (result.encoding) lines.push(`  ${render(locale, result.encoding.note.sentences)}`);
  const y = result.year;
  lines.push(`  ${t('import.year')}: ${y.value ?? '–'} (${t(`import.yearSource.${y.source}`, { header: y.header, row: y.row })}) · ${t('import.headerRows')}: ${result.headerRows.join(', ')}`);
  const r = result.report;
  const buckets = ROW_BUCKETS.filter((b) => r.buckets[b] > 0 || b === 'accepted').map((b) => `${t(`import.bucket.${b}`)}: ${r.buckets[b]}`);
  lines.push(`  ${t('import.rowsInFile')}: ${r.rowsInFile} → ${buckets.join(' · ')}`);
  if (resolved && (resolved.applied > 0 || resolved.stale.length > 0)) {
    lines.push(`  ${t('edition.report.resolved', { count: resolved.applied })}`);
    for (const s of resolved.stale) lines.push(`    ! ${t('edition.report.stale', { row: s.row, name: oneLine(s.written.name ?? s.written.code ?? '–'), year: s.written.year ?? '–' })}`);
  }
  const waiting = waitingRows(result);
  const toChoose = waiting.filter((w) => bucketOf(w) !== 'conflict');
  if (toChoose.length > 0) {
    lines.push(`  ${t('import.toResolve', { n: toChoose.length })}:`);
    for (const row of toChoose.slice(0, LISTED)) {
      const where = row.values.district_name ?? row.groupHeading;
      const name = oneLine(row.values.commune_name ?? row.values.commune_code ?? '–') + (where ? ` (${oneLine(where)})` : '');
      const candidates = row.suggestions.map((s) => `${s.commune_code} ${s.commune_name}, ${s.district_name}`).join('; ');
      lines.push(`    ${t('import.row', { n: row.sourceRow })}: ${name} — ${t(`import.match.${row.match as 'ambiguous' | 'unmatched'}`)}${candidates ? `: ${candidates}` : ''}`);
    }
    if (toChoose.length > LISTED) lines.push(`    ${t('import.moreToResolve', { count: toChoose.length - LISTED })}`);
  }
  const heads = waiting.filter((w) => w.conflictWith && w.conflictWith.every((n) => n > w.sourceRow));
  if (heads.length > 0) {
    lines.push(`  ${t('import.conflicts', { count: heads.length })}:`);
    for (const h of heads.slice(0, LISTED)) {
      lines.push(`    ${t('import.conflictOf', { unit: h.unit?.commune_name ?? h.commune_code ?? '', year: h.values.year ?? '–' })}: ${[h.sourceRow, ...h.conflictWith!].map((n) => t('import.row', { n })).join(', ')}`);
    }
  }
  const issues = r.issues.filter((i) => i.severity !== 'info');
  if (issues.length > 0) {
    lines.push(`  ${t('import.issues', { errors: r.errors, warnings: r.warnings })}:`);
    for (const i of issues.slice(0, LISTED)) {
      const where = [i.row === null ? null : t('import.row', { n: i.row }), i.column === null ? null : `"${oneLine(i.column)}"`].filter(Boolean).join(' · ');
      lines.push(`    ${i.severity === 'error' ? '✗' : '!'} ${where ? `${where}: ` : ''}${oneLine(render(locale, i.message))}`);
    }
    if (issues.length > LISTED) lines.push(`    ${t('import.moreIssues', { n: issues.length - LISTED })}`);
  }
  return lines;
}

/** A targets table as the data panel reports it (src/ui/data/TargetsReport.tsx): per province and vintage, every row, each refusal. */
function targetsReport(read: TargetsRead, locale: Locale): string[] {
  const t = translator(locale);
  const lines = read.provinces.map((p) => {
    const province = p.province_code === NATIONAL_CODE ? t('scorecard.national') : shortProvinceName(p.province_name);
    return `  ${t('import.targets.summary', { count: p.count, province, vintage: t(`vintage.short.${p.vintage}`) })}`;
  });
  lines.push(`  ${render(locale, targetsRowsMessage(read))}`);
  if (read.missing.length) lines.push(`  ✗ ${t('import.targets.missing', { row: read.headerRow, columns: read.missing.map((f) => t(`import.targets.field.${f}`)).join(', ') })}`);
  const issues = read.refused.flatMap((r) => r.issues);
  for (const i of issues.slice(0, LISTED)) lines.push(`    ✗ ${oneLine(render(locale, i.message))}`);
  if (issues.length > LISTED) lines.push(`    ${t('import.moreIssues', { n: issues.length - LISTED })}`);
  return lines;
}
