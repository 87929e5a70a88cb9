import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { indicators } from '../../indicators/registry';
import { yearsRead } from '../../indicators/provenance';
import { POST_REFORM } from '../../common/vintage';
import './vintage.css';

/**
 * The legend's line on the units shown (which vintage), and, on the post-reform units, the approximate mark when a
 * value shown rests on a commune split in 2025 (its households apportioned by area).
 */
export function VintageNote() {
  const s = useStoreFields(useAtlas().state, ['compareYear', 'indicator', 'provenance', 'vintage', 'year']);
  const { t } = useTranslation();
  const read = yearsRead(s.indicator, s.year, s.compareYear);
  const approximate =
    s.vintage === POST_REFORM && indicators[s.indicator].series.includes('poverty') && read.some((y) => s.provenance?.approximateYears.includes(y) ?? false);
  return (
    <>
      <p className="vintage" data-testid="legend-vintage">
        {t(`vintage.name.${s.vintage}`)}
      </p>
      {approximate && (
        <p className="approximate" data-testid="legend-approximate">
          {t('vintage.approximate')}
        </p>
      )}
    </>
  );
}
