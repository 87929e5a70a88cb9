import { useTranslation } from './use-translation';
import type { CommuneDetails } from './commune-details';
import { indicators, type IndicatorId } from '../indicators/registry';
import { formatIndicatorValue } from '../indicators/format';
import type { Locale } from '../i18n';
import { IllustrativeMark } from './IllustrativeMark';
import { FormerNtmLine } from './vintage/FormerNtm';

/** The lines shared by the hover tooltip and the selection panel; each line marked when its row is illustrative. */
interface Props {
  d: CommuneDetails;
  indicator: IndicatorId;
  locale: Locale;
  /** the year shown: a post-reform commune before 2026 tells how many of its former communes were NTM then */
  year: number;
}

export function CommuneFacts({ d, indicator, locale, year }: Props) {
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
        {t('tooltip.status')}: <span className="status">{d.noOwnStatusYet ? t('vintage.noOwnStatus') : t(`status.${d.status}`)}</span>
        {inScope && d.status !== 'no_data' && <IllustrativeMark show={d.illustrative.ntm} />}
      </div>
      {d.noOwnStatusYet && d.code && <FormerNtmLine code={d.code} year={year} />}
      {inScope && d.criteriaMet !== null && (
        <div>
          {t('tooltip.criteria')}: {d.criteriaTotal === null ? d.criteriaMet : t('tooltip.criteriaValue', { met: d.criteriaMet, total: d.criteriaTotal })}
          <IllustrativeMark show={d.illustrative.ntm} />
        </div>
      )}
      {indicators[indicator].kind === 'numeric' && indicator !== 'criteria' && (
        <div data-testid="indicator-value">
          {t(`indicator.${indicator}`)}: {formatIndicatorValue(indicator, d.value, locale)}
          {Number.isFinite(d.value) && <IllustrativeMark show={d.illustrative.value} />}
        </div>
      )}
      {d.coversCodes && <div className="covers">{t('tooltip.noBoundaryFor', { names: d.coversCodes.replaceAll(';', ', ') })}</div>}
    </>
  );
}
