import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlasMembers } from '../AtlasContext';
import { msg } from '../../i18n';
import { ROW_BUCKETS, type IssueCode } from '../../import/types';
import type { ConflictSet, ImportView } from '../../import/service/import-view';
import { importErrorMessage } from '../../import/service/import-file';
import type { Message } from '../../i18n/message';
import { ImportFixups } from './ImportFixups';
import { IssueTable } from './IssueTable';
import { DataText, MessageText } from './MessageText';

const YEAR_NOTES = new Set<IssueCode>(['year_from_header', 'year_from_title', 'year_from_filename', 'year_from_default', 'year_missing', 'year_conflict', 'year_out_of_range']);

/**
 * The import report: where every row of the file went (buckets adding up to its rows), the province the rows
 * fit when it is not the one shown, rows and duplicates to settle, issues with rows and reasons, and why nothing
 * can be imported yet when that is so. Everything from the file is shown in bidi isolation.
 */
export function ImportReport({
  result,
  onChange,
  onApply,
  onCancel,
  onSwitchProvince,
  onFailure,
}: {
  result: ImportView;
  onChange: (r: ImportView) => void;
  onApply: () => void;
  onCancel: () => void;
  onSwitchProvince: (code: string) => void;
  onFailure: (m: Message) => void;
}) {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['locale']);
  const { t } = useTranslation();
  const locale = s.locale;
  const failed = (e: unknown) => onFailure(importErrorMessage(e));
  const choose = (row: number, code: string | null) => void atlas.imports?.resolve(result, row, code).then(onChange, failed);
  const keep = (set: ConflictSet, row: number | null) =>
    void atlas.imports?.keepDuplicate(result, set.rows.map((r) => r.sourceRow), row).then(onChange, failed);
  if (!result.ok || result.error) {
    return (
      <div className="import-error" role="alert" data-testid="import-error">
        <DataText>{result.file}</DataText>: {result.error && <MessageText locale={locale} message={result.error.message} />}{' '}
        {result.error && (
          <>
            (<MessageText locale={locale} message={result.error.where} />)
          </>
        )}
        <Buckets result={result} />
        <div>
          <button type="button" onClick={onCancel}>
            {t('import.cancel')}
          </button>
        </div>
      </div>
    );
  }
  const r = result.report;
  const issues = r.issues; // the first warnings and errors; r.issueCount in all
  const detected = result.detected;
  // where the file's year came from, or why there is none or it is refused (info messages are not in the issue list)
  const yearNotes = result.fileIssues.filter((i) => YEAR_NOTES.has(i.code));
  const blocked = r.accepted > 0 ? null : r.withoutYear > 0 ? t('import.applyBlocked', { context: 'year', count: r.withoutYear }) : result.toResolveCount + r.conflicts > 0 ? t('import.applyBlocked', { context: 'resolve', count: result.toResolveCount + r.conflicts }) : t('import.applyBlocked');
  return (
    <div className="import-report" data-testid="import-report">
      <p>
        <strong>
          <DataText>{result.file}</DataText>
        </strong>
        {result.sheet ? (
          <>
            {' · '}
            <DataText>{result.sheet}</DataText>
          </>
        ) : null}{' '}
        · {result.format?.toUpperCase()}
        {result.encoding && ` · ${t('import.encoding', { name: t(`import.encodingName.${result.encoding.name}`) })}`}
      </p>
      {detected && (
        <p className="import-detected" role="status" data-testid="import-detected">
          <MessageText locale={locale} message={result.fileIssues.find((i) => i.code === 'province_detected')?.message ?? msg('import.issue.province_detected', { ...detected, name: detected.province_name })} />{' '}
          {detected.vintage === 'before2025' && (
            <button type="button" data-testid="switch-province" onClick={() => onSwitchProvince(detected.province_code)}>
              {t('import.switchProvince', { name: detected.province_name })}
            </button>
          )}
        </p>
      )}
      {result.encoding && (
        <p data-testid="encoding-note">
          <MessageText locale={locale} message={result.encoding.note.sentences} />
        </p>
      )}
      <p data-testid="import-year">
        {t('import.year')}: {result.year.value ?? '–'} ({t(`import.yearSource.${result.year.source}`, { header: result.year.header, row: result.year.row })}) · {t('import.headerRows')}: {result.headerRows.join(', ')}
        {yearNotes.map((n) => (
          <span key={n.code} className={n.severity}>
            <br />
            <MessageText locale={locale} message={n.message} />
          </span>
        ))}
      </p>
      <Buckets result={result} />
      <details>
        <summary>{t('import.columns', { n: result.columns.filter((c) => c.field).length })}</summary>
        <ul>
          {result.columns.map((c) => (
            <li key={c.index}>
              “<DataText>{c.header}</DataText>” → {c.field ? t(`import.field.${c.field}`) : t(`import.role.${c.role}`)}
            </li>
          ))}
        </ul>
      </details>
      <ImportFixups result={result} onChoose={choose} onKeep={keep} />
      {issues.length > 0 && (
        <details open={r.errors > 0}>
          <summary>{t('import.issues', { errors: r.errors, warnings: r.warnings })}</summary>
          <IssueTable issues={issues} locale={locale} testId="import-issues" />
          {r.issueCount > issues.length && <p>{t('import.moreIssues', { n: r.issueCount - issues.length })}</p>}
        </details>
      )}
      <div className="row">
        <button type="button" data-testid="import-apply" disabled={r.accepted === 0} aria-describedby={blocked ? 'import-blocked' : undefined} onClick={onApply}>
          {t('import.apply', { n: r.accepted })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
      {blocked && (
        <p id="import-blocked" className="import-blocked" data-testid="apply-blocked">
          {blocked}
        </p>
      )}
    </div>
  );
}

/** Every row of the file in one bucket, the buckets adding up to the rows of the file (empty buckets left out). */
function Buckets({ result }: { result: ImportView }) {
  const { t } = useTranslation();
  const r = result.report;
  if (r.rowsInFile === 0) return null;
  return (
    <table className="import-counts" data-testid="import-counts">
      <caption>{t('import.buckets')}</caption>
      <tbody>
        <tr data-count="rowsInFile">
          <th scope="row">{t('import.rowsInFile')}</th>
          <td>{r.rowsInFile}</td>
        </tr>
        {ROW_BUCKETS.filter((b) => r.buckets[b] > 0 || b === 'accepted').map((b) => (
          <tr key={b} data-count={b}>
            <th scope="row">{t(`import.bucket.${b}`)}</th>
            <td>{r.buckets[b]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
