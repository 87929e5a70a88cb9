import { useTranslation } from '../use-translation';
import type { Locale } from '../../i18n';
import type { Message } from '../../i18n/message';
import { DataText, MessageText } from './MessageText';

/** A row's issue as a report lists it: where (row, column of the file) and what, in the catalogue's words. */
export interface ListedIssue {
  row: number | null;
  column: string | null;
  message: Message | readonly Message[];
  /** the row's class (error, warning); an issue without one is an error */
  severity?: string;
}

/** The issues of a report (a data import's, a targets table's): row, column and message, the file's text isolated. */
export function IssueTable({ issues, locale, testId }: { issues: readonly ListedIssue[]; locale: Locale; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="import-issues" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('import.rowHeader')}</th>
          <th>{t('import.columnHeader')}</th>
          <th>{t('import.messageHeader')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i, k) => (
          <tr key={k} className={i.severity ?? 'error'}>
            <td>{i.row ?? '–'}</td>
            <td>{i.column === null ? '–' : <DataText>{i.column}</DataText>}</td>
            <td>
              <MessageText locale={locale} message={i.message} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
