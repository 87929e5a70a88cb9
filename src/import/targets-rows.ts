import { msg, type Message } from '../i18n/message';
import type { TargetsRead } from './targets-types';

type RowCount = 'rows' | 'targets' | 'header' | 'blank';

/**
 * Where a targets table's rows went, as the data panel and the edition build report it: "3 rows in the file:
 * 1 target read, 1 row refused, 1 header row, 0 blank rows." Each count is a message of its own, so that each
 * takes its own plural form.
 */
export function targetsRowsMessage(read: Pick<TargetsRead, 'rowsInFile' | 'targets' | 'refused' | 'headerRows' | 'blankRows'>): Message {
  const count = (what: RowCount, n: number) => msg(`import.targets.count.${what}`, { count: n });
  return msg('import.targets.rows', {
    rows: count('rows', read.rowsInFile),
    accepted: count('targets', read.targets.length),
    refused: count('rows', read.refused.length),
    header: count('header', read.headerRows),
    blank: count('blank', read.blankRows),
  });
}
