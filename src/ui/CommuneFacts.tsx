import { useTranslation } from 'react-i18next';
import type { CommuneDetails } from './commune-details';
import { indicators, type IndicatorId } from '../indicators/registry';
import { formatIndicatorValue } from '../indicators/format';
import type { Locale } from '../i18n';

/** The lines shared by the hover tooltip and the selection panel. */
interface Props {
  d: CommuneDetails;
  illustrative: boolean;
  indicator: IndicatorId;
  locale: Locale;
}

export function CommuneFacts({ d, illustrative, indicator, locale }: Props) {
  const { t } = useTranslation();
  const inScope = d.status !== 'out_of_scope' && d.status !== 'unattributed';
  return (
    <>
      <strong className="name">{d.name}</strong>
      {d.districtName && (
        <div>
          {d.districtName}, {d.provinceName}
        </div>
      )}
      <div>
        {t('tooltip.status')}: <span className="status">{t(`status.${d.status}`)}</span>
      </div>
      {inScope && d.criteriaMet !== null && (
        <div>
          {t('tooltip.criteria')}: {t('tooltip.criteriaValue', { met: d.criteriaMet, total: 19 })}
          {illustrative && <em className="illustrative"> ({t('tooltip.illustrative')})</em>}
        </div>
      )}
      {indicators[indicator].kind === 'numeric' && indicator !== 'criteria' && (
        <div data-testid="indicator-value">
          {t(`indicator.${indicator}`)}: {formatIndicatorValue(indicator, d.value, locale)}
          {illustrative && <em className="illustrative"> ({t('tooltip.illustrative')})</em>}
        </div>
      )}
      {d.coversCodes && <div className="covers">{t('tooltip.noBoundaryFor', { names: d.coversCodes.replaceAll(';', ', ') })}</div>}
    </>
  );
}
