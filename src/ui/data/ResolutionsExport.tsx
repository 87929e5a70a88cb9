import { useTranslation } from '../use-translation';
import type { ImportView } from '../../import/service/import-view';
import { resolutionsDocument } from '../../import/resolutions';
import { downloadBytes } from '../../export/download';

/** "ho_ngheo 2024.xlsx" -> "ho_ngheo 2024.resolutions.json": the name the edition build looks for beside the file. */
export const resolutionsFileName = (file: string) => `${file.replace(/\.[^.]+$/, '')}.resolutions.json`;

/**
 * Saves the choices made in the fix-up list (units chosen, rows left out, versions kept) as a resolutions file:
 * it settles the same rows again when the file is read elsewhere, and lets a province edition be built from it.
 */
export function ResolutionsExport({ result }: { result: ImportView }) {
  const { t } = useTranslation();
  const r = result.resolutions;
  const count = r.units.length + r.versions.length;
  if (count === 0) return null;
  const save = () => {
    const text = JSON.stringify(resolutionsDocument([r]), null, 2);
    downloadBytes(new TextEncoder().encode(text), resolutionsFileName(result.file), 'application/json');
  };
  return (
    <p className="resolutions-export">
      <button type="button" data-testid="save-resolutions" onClick={save} title={t('edition.resolutionsHint')}>
        {t('edition.resolutionsExport', { count })}
      </button>{' '}
      <small>{t('edition.resolutionsHint')}</small>
    </p>
  );
}
