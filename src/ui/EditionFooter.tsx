import { useTranslation } from './use-translation';
import { editionOfPage } from '../db/edition';
import './edition.css';

/** The page's edition, read once: the build writes it into index.html (edition/vite-plugin.ts). */
const edition = editionOfPage();

/** The footer of a province edition: its name, the office that publishes it and its data date (nothing on the sample site). */
export function EditionFooter() {
  const { t } = useTranslation();
  if (!edition) return null;
  return (
    <footer className="edition-footer" data-testid="edition-footer" data-edition={edition.id}>
      {t('edition.footer', { name: edition.name, office: edition.office, dataDate: edition.dataDate })}
      {!edition.sample && ` · ${t('edition.footerSample')}`}
    </footer>
  );
}
