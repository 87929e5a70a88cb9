import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlasMembers } from '../AtlasContext';
import { msg, render, type Message } from '../../i18n';
import { IMPORT_LIMITS } from '../../import/limits';
import { megabytes } from '../../import/sniff';
import { loadedRows, type DatasetInfo, type ImportMode } from '../../import/service/imports';
import type { ImportView } from '../../import/service/import-view';
import { applyImport, importErrorMessage, readImport } from '../../import/service/import-file';
import { ImportCancelled } from '../../import/service/worker-failure';
import type { ImportPhase } from '../../import/progress';
import { useTask } from '../TaskProgress';
import { ImportReport } from './ImportReport';
import { TargetsReport } from './TargetsReport';
import { DataText, MessageText } from './MessageText';
import { exportModelCsv } from '../../export/model-export';
import './import.css';

/**
 * A file that could not be read at all, in the reader's words: refused before reading (`message` a sentence of
 * the report), or the reader failed (`message` a clause: "not enough memory").
 */
interface Failure {
  file: string;
  message: Message;
  refused?: boolean;
}

/**
 * Drop or pick a CSV/TSV/XLSX; read it in a worker, show the report, let the user resolve rows, then load.
 * The limits are stated before a file is chosen; the same file chosen again is read again; a change of the
 * year box, or a switch to the province the file fits, reads the last file again. Reading and loading show
 * their phases (rows matched of all) and can be stopped: nothing of the file is then loaded, and what was
 * loaded before stays as it was.
 */
export function ImportPanel() {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['importedRows', 'locale', 'year']);
  const { t } = useTranslation();
  // the report shown: a view of the file's result, whose rows stay in the import worker
  const [result, setShown] = useState<ImportView | null>(null);
  // the read or the load under way: its phase, and the button that stops it
  const task = useTask<ImportPhase>('import');
  const [mode, setMode] = useState<ImportMode>('beside');
  const [yearText, setYearText] = useState<string>('');
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const refreshList = () => void atlas.imports?.list().then(setDatasets);
  useEffect(refreshList, [atlas.imports, s.importedRows]);
  // the import worker starts (module, unit index) while the user picks a file
  useEffect(() => atlas.imports?.warm(), [atlas.imports]);
  // a report replaced, closed or applied: the worker lets go of that file's rows
  const shown = useRef<ImportView | null>(null);
  const setResult = (next: ImportView | null) => {
    if (shown.current && shown.current.handle !== next?.handle) atlas.imports?.release(shown.current);
    shown.current = next;
    setShown(next);
  };
  // on unmount only: setResult reads the ref, so the first render's closure releases the report shown last
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => () => setResult(null), []);
  // a row resolved in the worker: shown unless the report was closed or replaced meanwhile
  const resolved = (next: ImportView) => {
    if (shown.current?.handle === next.handle) setResult(next);
  };
  /** The last file chosen, read again when the year box changes or the province is switched. */
  const lastFile = useRef<File | null>(null);

  const read = async (file: File, choices: { year?: string; province?: string | null } = {}) => {
    if (!atlas.imports) return;
    lastFile.current = file;
    setMessage(null);
    setFailure(null);
    const { maxBytes } = IMPORT_LIMITS;
    if (file.size > maxBytes) {
      // refused before a byte is read
      setResult(null);
      setFailure({ file: file.name, message: msg('import.issue.too_large', { size: megabytes(file.size), max: megabytes(maxBytes) }), refused: true });
      return;
    }
    // a file read while another is read or loaded replaces it: the other stops, loading nothing
    task.cancel();
    await task.run(file.name, async (progress) => {
      try {
        progress.step?.('read');
        const bytes = new Uint8Array(await file.arrayBuffer());
        setResult(await readImport(atlas, file.name, bytes, { year: choices.year ?? yearText, province: choices.province, transfer: true, task: progress }));
      } catch (e) {
        // stopped (the report shown went with the worker that held it), or the reader failed (out of memory):
        // said in words, and the panel stays usable
        setResult(null);
        if (e instanceof ImportCancelled) throw e;
        setFailure({ file: file.name, message: importErrorMessage(e) });
      }
    });
  };
  // a new year in the box: the report that used the box (or found no year) is read again with it
  const yearUsed = result !== null && (result.year.source === 'default' || result.year.source === 'none' || result.report.withoutYear > 0);
  useEffect(() => {
    if (!yearUsed || !lastFile.current) return;
    const timer = setTimeout(() => void read(lastFile.current!, { year: yearText }), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the box reads again
  }, [yearText]);
  const switchProvince = async (code: string) => {
    await atlas.setProvince(code);
    if (lastFile.current) await read(lastFile.current, { province: code });
  };
  const apply = async () => {
    if (!result || !atlas.imports || task.busy) return;
    const view = result;
    await task.run(view.file, async (progress) => {
      try {
        const d = await applyImport(atlas, view, mode, {}, progress);
        const applied = t('import.applied', { count: loadedRows(d), file: d.file, communeYear: d.counts.communeYear, poverty: d.counts.poverty, sponsorship: d.counts.sponsorship });
        setMessage(d.skipped.length ? `${applied} ${t('import.appliedSkipped', { count: d.skipped.length })}` : applied);
        shown.current = null; // applied: the worker has let go of it already
        setResult(null);
        refreshList();
      } catch (e) {
        // stopped or failed: nothing of this file stays loaded or stored, and the report can be applied again
        if (e instanceof ImportCancelled) throw e;
        setMessage(t('import.failed', { message: render(s.locale, importErrorMessage(e)) }));
      }
    });
  };
  const remove = async (id: string | null) => {
    if (!atlas.imports) return;
    if (id === null) await atlas.imports.clearAll();
    else await atlas.imports.remove(id);
    await atlas.dataChanged();
    refreshList();
  };
  const { maxBytes, maxRows, maxColumns } = IMPORT_LIMITS;
  return (
    <section className="import-panel" data-testid="import-panel">
      <h2>{t('import.title')}</h2>
      <div
        className="drop-zone"
        data-testid="drop-zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const f = e.dataTransfer.files[0];
          if (f) void read(f);
        }}
      >
        <p>{t('import.drop')}</p>
        <label className="file-button">
          {t('import.pick')}
          <input
            type="file"
            data-testid="import-file"
            accept=".csv,.tsv,.txt,.xlsx"
            onChange={(e) => {
              const f = e.target.files?.[0];
              // emptied, so that choosing the same file again is a change (and is read again)
              e.target.value = '';
              if (f) void read(f);
            }}
          />
        </label>
        <p className="import-limits" data-testid="import-limits">
          {t('import.limits', { size: megabytes(maxBytes), rows: maxRows, columns: maxColumns })}
        </p>
      </div>
      <div className="row import-options">
        <label>
          {t('import.defaultYear')}
          <input type="number" data-testid="import-year-box" value={yearText} placeholder={String(s.year)} onChange={(e) => setYearText(e.target.value)} style={{ width: '5em' }} />
        </label>
        <fieldset>
          <legend>{t('import.mode')}</legend>
          {(['beside', 'replace'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`import.modes.${m}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {task.view}
      {message && (
        <p role="status" className="import-message" data-testid="import-message">
          {message}
        </p>
      )}
      {failure && (
        <div className="import-error" role="alert" data-testid="import-error">
          {failure.refused ? (
            <>
              <DataText>{failure.file}</DataText>: <MessageText locale={s.locale} message={failure.message} />
            </>
          ) : (
            <MessageText locale={s.locale} message={msg('import.readFailed', { file: failure.file, message: failure.message })} />
          )}
        </div>
      )}
      {result?.targets && (
        <TargetsReport
          result={result}
          onDone={(text) => {
            setMessage(text);
            setResult(null);
          }}
          onCancel={() => setResult(null)}
        />
      )}
      {result && !result.targets && (
        <ImportReport
          result={result}
          onChange={resolved}
          onApply={() => void apply()}
          onCancel={() => setResult(null)}
          onSwitchProvince={(code) => void switchProvince(code)}
          onFailure={(m) => setFailure({ file: result.file, message: m })}
        />
      )}
      <h3>{t('import.datasets')}</h3>
      {datasets.length === 0 ? (
        <p>{t('import.noDatasets')}</p>
      ) : (
        <ul data-testid="datasets">
          {datasets.map((d) => (
            <li key={d.id}>
              <DataText>{d.file}</DataText> · {t(`import.modes.${d.mode}`)} · {new Date(d.importedAt).toLocaleString(s.locale === 'vi' ? 'vi-VN' : 'en-GB')} ·{' '}
              {t('import.rowCount', { count: loadedRows(d) })}{' '}
              <button type="button" onClick={() => void remove(d.id)}>
                {t('import.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" data-testid="clear-imports" disabled={datasets.length === 0} onClick={() => void remove(null)}>
          {t('import.clearAll')}
        </button>
        <button type="button" data-testid="export-model" onClick={() => void exportModelCsv(atlas.engine!, atlas.state.get(), t)}>
          {t('import.exportModel')}
        </button>
      </div>
    </section>
  );
}
