import { useTranslation } from 'react-i18next';
import type { CommuneDetails } from './commune-details';

/** The lines shared by the hover tooltip and the selection panel. */
export function CommuneFacts({ d, illustrative }: { d: CommuneDetails; illustrative: boolean }) {
  const { t } = useTranslation();
  const inScope = d.status !== 'out_of_scope' && d.status !== 'unattributed';
  return (
    <>
      <strong className="name">{d.info.name}</strong>
      {d.info.districtName && (
        <div>
          {d.info.districtName}, {d.info.provinceName}
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
      {d.info.coversCodes && <div className="covers">{t('tooltip.noBoundaryFor', { names: d.info.coversCodes.replaceAll(';', ', ') })}</div>}
    </>
  );
}
