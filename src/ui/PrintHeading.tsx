import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { useAtlas } from './AtlasContext';
import { formatDate } from '../i18n';
import { vintageText } from '../export/view-text';

/** On paper only: what a printed table is about — the province (or the country), the year, the vintage, the date. */
export function PrintHeading() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale', 'province', 'provinces', 'vintage', 'year']);
  const { t } = useTranslation();
  const place = s.province === null ? t('controls.nationalView') : (s.provinces.find((p) => p.code === s.province)?.name ?? s.province);
  return (
    <header className="print-heading" data-testid="print-heading">
      <h1>
        {t('app.title')} — {place}
      </h1>
      <p>
        {t('present.dataDate', { year: s.year })} · {vintageText(s, t)} · {t('layout.printed', { date: formatDate(new Date(), s.locale) })}
      </p>
    </header>
  );
}
