import { useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { NATIONAL_CODE, type TargetsRead } from '../../import/targets';
import { targetsRowsMessage } from '../../import/targets-rows';
import type { ImportView } from '../../import/service/import-view';
import { addFileTargets } from '../../import/service/import-file';
import { shortProvinceName } from '../../common/vn-name';
import { MessageText } from './MessageText';
import { IssueTable } from './IssueTable';

/**
 * The report of a targets table (src/import/targets.ts): how many targets it gives for which province of which
 * vintage, where every row went, and each refused row with its reasons. Adding them keeps them as entered targets
 * (scored in the scorecard); a file read again replaces the targets it gave before.
 */
export function TargetsReport({ result, onDone, onCancel }: { result: ImportView; onDone: (message: string) => void; onCancel: () => void }) {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale']);
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const read = result.targets as TargetsRead;
  const add = async () => {
    if (!atlas.targets) return;
    setBusy(true);
    try {
      const count = await addFileTargets(atlas, result);
      onDone(t('import.targets.applied', { count, file: result.file }));
    } finally {
      setBusy(false);
    }
  };
  const issues = read.refused.flatMap((r) => r.issues);
  return (
    <div className="import-report" data-testid="targets-report">
      <h3>{t('import.targets.title', { file: result.file })}</h3>
      <ul data-testid="targets-summary">
        {read.provinces.map((p) => (
          <li key={`${p.vintage}|${p.province_code}`}>
            {t('import.targets.summary', {
              count: p.count,
              province: p.province_code === NATIONAL_CODE ? t('scorecard.national') : shortProvinceName(p.province_name),
              vintage: t(`vintage.short.${p.vintage}`),
            })}
          </li>
        ))}
      </ul>
      <p data-testid="targets-rows">
        <MessageText locale={s.locale} message={targetsRowsMessage(read)} />
      </p>
      {read.missing.length > 0 && (
        <p className="import-blocked" role="alert">
          {t('import.targets.missing', { row: read.headerRow, columns: read.missing.map((f) => t(`import.targets.field.${f}`)).join(', ') })}
        </p>
      )}
      {result.fileIssues
        .filter((i) => i.severity !== 'info')
        .map((i, k) => (
          <p key={k} className={i.severity}>
            <MessageText locale={s.locale} message={i.message} />
          </p>
        ))}
      {issues.length > 0 && (
        <details open>
          <summary>{t('import.targets.refused')}</summary>
          <IssueTable issues={issues} locale={s.locale} testId="targets-refused" />
        </details>
      )}
      {read.targets.length === 0 && <p className="import-blocked">{t('import.targets.nothing')}</p>}
      <div className="row">
        <button type="button" data-testid="targets-apply" disabled={busy || read.targets.length === 0 || !atlas.targets} onClick={() => void add()}>
          {t('import.targets.apply', { count: read.targets.length })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
