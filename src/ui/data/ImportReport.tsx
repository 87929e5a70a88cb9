import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { render } from '../../i18n';
import type { ImportView } from '../../import/service/import-view';

/**
 * The import report: what was read, matched, ambiguous, unmatched, rejected, with rows and reasons; rows to
 * resolve. A choice of unit is made in the import worker (which holds the rows and re-validates them); the
 * new report comes back through onChange.
 */
export function ImportReport({ result, onChange, onApply, onCancel }: { result: ImportView; onChange: (r: ImportView) => void; onApply: () => void; onCancel: () => void }) {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const locale = s.locale;
  const choose = (row: number, code: string | null) => {
    atlas.imports?.resolve(result, row, code).then(onChange, (e) => console.error(e));
  };
  if (!result.ok || result.error) {
    return (
      <div className="import-error" role="alert" data-testid="import-error">
        <strong>{result.file}</strong>: {result.error && `${render(locale, result.error.message)} (${render(locale, result.error.where)})`}
        <div>
          <button type="button" onClick={onCancel}>
            {t('import.cancel')}
          </button>
        </div>
      </div>
    );
  }
  const r = result.report;
  const toResolve = result.toResolve;
  const issues = r.issues; // the first warnings and errors; r.issueCount in all
  return (
    <div className="import-report" data-testid="import-report">
      <p>
        <strong>{result.file}</strong>
        {result.sheet ? ` · ${result.sheet}` : ''} · {result.format?.toUpperCase()}
        {result.encoding && ` · ${t('import.encoding', { name: t(`import.encodingName.${result.encoding.name}`) })}`}
      </p>
      {result.encoding && <p data-testid="encoding-note">{render(locale, result.encoding.note.sentences)}</p>}
      <p>
        {t('import.year')}: {result.year.value ?? '–'} ({t(`import.yearSource.${result.year.source}`, { header: result.year.header, row: result.year.row })}) · {t('import.headerRows')}: {result.headerRows.join(', ')}
      </p>
      <table className="import-counts" data-testid="import-counts">
        <tbody>
          {(['read', 'matched', 'ambiguous', 'unmatched', 'excluded', 'rejected', 'accepted', 'skippedTotals'] as const).map((k) => (
            <tr key={k} data-count={k}>
              <th scope="row">{t(`import.count.${k}`)}</th>
              <td>{r[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('import.columns', { n: result.columns.filter((c) => c.field).length })}</summary>
        <ul>
          {result.columns.map((c) => (
            <li key={c.index}>
              “{c.header}” → {c.field ? t(`import.field.${c.field}`) : t(`import.role.${c.role}`)}
            </li>
          ))}
        </ul>
      </details>
      {toResolve.length > 0 && (
        <>
          <h4>{t('import.toResolve', { n: toResolve.length })}</h4>
          <table className="import-resolve" data-testid="import-resolve">
            <tbody>
              {toResolve.map((row) => (
                <tr key={row.sourceRow} data-row={row.sourceRow}>
                  <th scope="row">
                    {t('import.row', { n: row.sourceRow })}: {row.values.commune_name ?? row.values.commune_code ?? '–'}
                    {row.values.district_name ? ` (${row.values.district_name})` : ''}
                  </th>
                  <td>{t(`import.match.${row.match}`)}</td>
                  <td>
                    <select
                      aria-label={t('import.chooseUnit', { n: row.sourceRow })}
                      value=""
                      onChange={(e) => choose(row.sourceRow, e.target.value === '-' ? null : e.target.value)}
                    >
                      <option value="">{t('import.choose')}</option>
                      {row.suggestions.map((sg) => (
                        <option key={sg.commune_code} value={sg.commune_code}>
                          {sg.commune_name}, {sg.district_name} ({sg.commune_code})
                        </option>
                      ))}
                      <option value="-">{t('import.exclude')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {issues.length > 0 && (
        <details open={r.errors > 0}>
          <summary>{t('import.issues', { errors: r.errors, warnings: r.warnings })}</summary>
          <table className="import-issues" data-testid="import-issues">
            <thead>
              <tr>
                <th>{t('import.rowHeader')}</th>
                <th>{t('import.columnHeader')}</th>
                <th>{t('import.messageHeader')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i, k) => (
                <tr key={k} className={i.severity}>
                  <td>{i.row ?? '–'}</td>
                  <td>{i.column ?? '–'}</td>
                  <td>{render(locale, i.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.issueCount > issues.length && <p>{t('import.moreIssues', { n: r.issueCount - issues.length })}</p>}
        </details>
      )}
      <div className="row">
        <button type="button" data-testid="import-apply" disabled={r.accepted === 0} onClick={onApply}>
          {t('import.apply', { n: r.accepted })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
