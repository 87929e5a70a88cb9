import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { loadedRows, type DatasetInfo, type ImportMode } from '../../import/service/imports';
import type { ImportView } from '../../import/service/import-view';
import { applyImport, readImport } from '../../import/service/import-file';
import { ImportReport } from './ImportReport';
import { exportModelCsv } from '../../export/model-export';

/** Drop or pick a CSV/TSV/XLSX; read it in a worker, show the report, let the user resolve rows, then load. */
export function ImportPanel() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  // the report shown: a view of the file's result, whose rows stay in the import worker
  const [result, setShown] = useState<ImportView | null>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<ImportMode>('beside');
  const [defaultYear, setDefaultYear] = useState<string>('');
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [message, setMessage] = useState<string | null>(null);
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

  const read = async (file: File) => {
    if (!atlas.imports) return;
    setBusy(true);
    setMessage(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setResult(await readImport(atlas, file.name, bytes, { defaultYear: Number(defaultYear), transfer: true }));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!result || !atlas.imports) return;
    setBusy(true);
    try {
      const d = await applyImport(atlas, result, mode);
      setMessage(t('import.applied', { rows: loadedRows(d), file: d.file, skipped: d.skipped.length }));
      shown.current = null; // applied: the worker has let go of it already
      setResult(null);
      refreshList();
    } catch (e) {
      // nothing already loaded is lost: the import tables roll back to what they held
      setMessage(t('import.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string | null) => {
    if (!atlas.imports) return;
    if (id === null) await atlas.imports.clearAll();
    else await atlas.imports.remove(id);
    await atlas.dataChanged();
    refreshList();
  };
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
          <input type="file" data-testid="import-file" accept=".csv,.tsv,.txt,.xlsx" onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
        </label>
      </div>
      <div className="row import-options">
        <label>
          {t('import.defaultYear')}
          <input type="number" value={defaultYear} placeholder={String(s.year)} onChange={(e) => setDefaultYear(e.target.value)} style={{ width: '5em' }} />
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
      {busy && <p role="status">{t('app.loading')}</p>}
      {message && <p role="status" className="import-message" data-testid="import-message">{message}</p>}
      {result && <ImportReport result={result} onChange={resolved} onApply={() => void apply()} onCancel={() => setResult(null)} />}
      <h3>{t('import.datasets')}</h3>
      {datasets.length === 0 ? (
        <p>{t('import.noDatasets')}</p>
      ) : (
        <ul data-testid="datasets">
          {datasets.map((d) => (
            <li key={d.id}>
              {d.file} · {t(`import.modes.${d.mode}`)} · {new Date(d.importedAt).toLocaleString(s.locale === 'vi' ? 'vi-VN' : 'en-GB')} ·{' '}
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
