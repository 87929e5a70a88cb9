import { useMemo } from 'react';
import { useTranslation } from './use-translation';
import { useStoreFields, useStoreSelect } from '../state/store';
import { viewIllustrative } from '../indicators/provenance';
import { useAtlas } from './AtlasContext';
import { vietnameseCollator } from '../i18n/collate';
import { shortProvinceName } from '../common/vn-name';
import { locales, type Locale } from '../i18n';
import { SearchBox } from './SearchBox';
import { VintageSwitch } from './vintage/VintageSwitch';

const national = '';

export function TopBar() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['locale', 'phase', 'province', 'provinces']);
  const illustrative = useStoreSelect(atlas.state, viewIllustrative);
  const { t } = useTranslation();
  // sorted once per list, not on every render (a switch of language re-renders the bar)
  const provinces = useMemo(
    () => s.provinces.map((p) => ({ code: p.code, short: shortProvinceName(p.name) })).sort((a, b) => vietnameseCollator.compare(a.short, b.short)),
    [s.provinces],
  );
  return (
    <header className="top-bar">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      <label>
        {t('controls.province')}
        <select
          data-testid="province-picker"
          value={s.province ?? national}
          disabled={s.phase !== 'ready'}
          onChange={(e) => void atlas.setProvince(e.target.value === national ? null : e.target.value)}
        >
          <option value={national}>{t('controls.nationalView')}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.short}
            </option>
          ))}
        </select>
      </label>
      <VintageSwitch />
      <SearchBox />
      {illustrative && (
        <span className="illustrative-badge" data-testid="illustrative-badge" title={t('app.illustrativeNote')}>
          {t('app.illustrativeBadge')}
        </span>
      )}
      <div className="locale-switch" role="group" aria-label={t('controls.language')}>
        {locales.map((l: Locale) => (
          <button key={l} type="button" aria-pressed={s.locale === l} onClick={() => atlas.setLocale(l)}>
            {l === 'vi' ? 'Tiếng Việt' : 'English'}
          </button>
        ))}
      </div>
    </header>
  );
}
