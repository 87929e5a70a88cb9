import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { useChoice } from './use-choice';
import { indicatorIds, indicatorOnVintage, type IndicatorId } from '../../indicators/registry';

/**
 * A labelled select over the indicators. The criterion-gap indicator is chosen from the criteria list, not here:
 * it is listed only while it is the value.
 */
export function IndicatorSelect({ value, onChange, testId, disabled }: { value: IndicatorId; onChange: (id: IndicatorId) => void; testId: string; disabled?: boolean }) {
  const s = useStoreFields(useAtlas().state, ['criterion', 'vintage']);
  const { t } = useTranslation();
  const [shown, choose] = useChoice(value, onChange);
  return (
    <label>
      {t('controls.indicator')}
      <select data-testid={testId} value={shown} disabled={disabled} onChange={(e) => choose(e.target.value as IndicatorId)}>
        {indicatorIds
          .filter((id) => (id !== 'criterion_missing' || shown === id) && (indicatorOnVintage(id, s.vintage) || shown === id))
          .map((id) => (
            <option key={id} value={id}>
              {t(`indicator.${id}`, { n: s.criterion })}
            </option>
          ))}
      </select>
    </label>
  );
}
