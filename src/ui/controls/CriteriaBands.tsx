import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { criteriaBandsOf, OFFICIAL_CRITERIA_BANDS } from '../../indicators/registry';
import { criteriaSetOfYear } from '../../common/programme';
import '../decisions.css';

/**
 * One click to the criteria map a planner reads: the official bands (19; 15-18; 10-14; 5-9; under 5), or the
 * communes under the planner's floor. Offered with the NTM indicators, for the 19-criteria sets (to 2025).
 */
export function CriteriaBands() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['classMethod', 'floor', 'indicator', 'manualBreaks', 'year']);
  const { t } = useTranslation();
  if ((s.indicator !== 'status' && s.indicator !== 'criteria') || criteriaSetOfYear(s.year) === 'qd51_2025') return null;
  const shown = s.indicator === 'criteria' && s.classMethod === 'manual' ? criteriaBandsOf(s.manualBreaks, s.floor) : null;
  const apply = async (breaks: number[]) => {
    if (s.indicator !== 'criteria') await atlas.setIndicator('criteria');
    await atlas.setClassification('manual', breaks.length + 1, breaks);
  };
  return (
    <div className="class-shortcuts" role="group" aria-label={t('controls.bands.label')}>
      <button type="button" aria-pressed={shown === 'official'} onClick={() => void apply([...OFFICIAL_CRITERIA_BANDS])} data-testid="bands-official">
        {t('controls.bands.official')}
      </button>
      <button type="button" aria-pressed={shown === 'floor'} onClick={() => void apply([s.floor])} data-testid="bands-floor">
        {t('controls.bands.floor', { floor: s.floor })}
      </button>
    </div>
  );
}
