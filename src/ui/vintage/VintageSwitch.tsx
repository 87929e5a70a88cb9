import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { POST_REFORM, VINTAGES } from '../../common/vintage';
import './vintage.css';

/**
 * Which administrative units the atlas shows: before the July 2025 reform (63 provinces, districts) or after it
 * (34 provinces, communes only). The choice is remembered; on the post-reform units the former districts can be
 * outlined as a historical grouping.
 */
export function VintageSwitch() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['phase', 'showFormerDistricts', 'vintage']);
  const { t } = useTranslation();
  const disabled = s.phase !== 'ready';
  return (
    <div className="vintage-switch" role="group" aria-label={t('vintage.label')} data-testid="vintage-switch">
      <span className="vintage-label">{t('vintage.label')}</span>
      <span className="row">
        {VINTAGES.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={s.vintage === v}
            title={t(`vintage.name.${v}`)}
            data-vintage={v}
            disabled={disabled}
            onClick={() => void atlas.setVintage(v)}
          >
            {t(`vintage.short.${v}`)}
          </button>
        ))}
        {s.vintage === POST_REFORM && (
          <label className="former-districts">
            <input
              type="checkbox"
              data-testid="former-districts"
              checked={s.showFormerDistricts}
              disabled={disabled}
              onChange={(e) => void atlas.setShowFormerDistricts(e.target.checked)}
            />
            {t('vintage.formerDistricts')}
          </label>
        )}
      </span>
    </div>
  );
}
