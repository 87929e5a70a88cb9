import { useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { render } from '../../i18n';
import { editionOfPage } from '../../db/edition';
import { downloadBytes } from '../../export/download';
import { loadDeck, saveDeck } from '../../present/slides';
import { importErrorMessage } from '../../import/service/import-file';
import { adoptPackage, makePackage, PACKAGE_EXTENSION, PACKAGE_MIME, readPackage, rememberPackage } from '../../import/service/package';
import { DataText } from './MessageText';

const edition = editionOfPage();

/**
 * Data packages: everything imported here (datasets with their choices and sponsorships, entered targets, slides)
 * exported as one file, and such a file opened by drag and drop or the file picker. A package that is damaged, not
 * a package, or from a newer version is refused with the reason, before anything changes.
 */
export function PackagePanel() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale']);
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);

  const exportPackage = async () => {
    if (!atlas.imports) return;
    setBusy(true);
    try {
      const [datasets, targets] = await Promise.all([atlas.imports.stored(), atlas.targets?.list() ?? []]);
      const slides = loadDeck();
      if (datasets.length === 0 && targets.length === 0 && slides.slides.length === 0) {
        setMessage({ text: t('dataPackage.nothing'), alert: false });
        return;
      }
      const { id, bytes } = await makePackage({ datasets, targets, slides, edition: edition?.id ?? null });
      rememberPackage(id, datasets.map((d) => d.id));
      downloadBytes(bytes, `ntm-atlas-${id}.${PACKAGE_EXTENSION}`, PACKAGE_MIME);
      setMessage({ text: t('dataPackage.exported', { id, datasets: datasets.length, targets: targets.length, slides: slides.slides.length }), alert: false });
    } finally {
      setBusy(false);
    }
  };

  const open = async (file: File) => {
    if (!atlas.imports) return;
    setBusy(true);
    setMessage(null);
    try {
      const read = await readPackage(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) {
        setMessage({ text: t('dataPackage.refused', { file: file.name, reason: render(s.locale, read.reason) }), alert: true });
        return;
      }
      const pkg = read.package;
      const n = await adoptPackage(atlas.imports, pkg, { targets: atlas.targets, deck: { load: loadDeck, save: saveDeck } });
      await atlas.dataChanged();
      const opened = t('dataPackage.opened', { id: pkg.id, ...n });
      const other = pkg.edition && pkg.edition !== edition?.id ? ` ${t('dataPackage.otherEdition', { edition: pkg.edition })}` : '';
      setMessage({ text: opened + other, alert: false });
    } catch (e) {
      // loading failed part-way: what the package loaded is taken out again (adoptPackage)
      setMessage({ text: t('dataPackage.refused', { file: file.name, reason: render(s.locale, importErrorMessage(e)) }), alert: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="package-panel" data-testid="package-panel">
      <h3>{t('dataPackage.title')}</h3>
      <p>{t('dataPackage.intro')}</p>
      <div className="row">
        <button type="button" data-testid="export-package" disabled={busy || !atlas.imports} onClick={() => void exportPackage()}>
          {t('dataPackage.export')}
        </button>
      </div>
      <div
        className="drop-zone"
        data-testid="package-drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const f = e.dataTransfer.files[0];
          if (f) void open(f);
        }}
      >
        <p>{t('dataPackage.drop')}</p>
        <label className="file-button">
          {t('dataPackage.pick')}
          <input
            type="file"
            data-testid="package-file"
            accept={`.${PACKAGE_EXTENSION},application/json`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void open(f);
            }}
          />
        </label>
      </div>
      {busy && <p role="status">{t('dataPackage.busy')}</p>}
      {message && (
        <p role={message.alert ? 'alert' : 'status'} className={message.alert ? 'import-error' : 'import-message'} data-testid="package-message">
          <DataText>{message.text}</DataText>
        </p>
      )}
    </section>
  );
}
