import { useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { indicators } from '../../indicators/registry';
import type { ClassMethod } from '../../classify/classify';
import { YearSelect } from './YearSelect';
import { IndicatorSelect } from './IndicatorSelect';
import { CriteriaBands } from './CriteriaBands';
import { useChoice } from './use-choice';

const methods: ClassMethod[] = ['jenks', 'quantile', 'equal', 'manual'];

/** Indicator, comparison year and classification. */
export function IndicatorControls() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['classCount', 'classMethod', 'compareYear', 'indicator', 'phase']);
  const { t } = useTranslation();
  const def = indicators[s.indicator];
  const [breaksText, setBreaksText] = useState('');
  const [method, chooseMethod] = useChoice(s.classMethod, (m) => void atlas.setClassification(m, s.classCount));
  const [count, chooseCount] = useChoice(s.classCount, (k) => void atlas.setClassification(s.classMethod, k));
  const disabled = s.phase !== 'ready';
  const applyManual = () => {
    const breaks = breaksText
      .split(/[;\s]+/)
      .map((x) => Number(x.replace(',', '.')))
      .filter(Number.isFinite)
      .map((x) => (def.percent ? x / 100 : x));
    void atlas.setClassification('manual', breaks.length + 1, breaks);
  };
  return (
    <div className="indicator-controls">
      <IndicatorSelect testId="indicator-picker" value={s.indicator} disabled={disabled} onChange={(id) => void atlas.setIndicator(id)} />
      <CriteriaBands />
      {def.change && (
        <YearSelect label={t('controls.compareYear')} testId="compare-year" value={s.compareYear} onChange={(y) => void atlas.setCompareYear(y)} />
      )}
      {def.kind === 'numeric' && (
        <>
          <label>
            {t('controls.classMethod')}
            <select data-testid="class-method" value={method} disabled={disabled} onChange={(e) => chooseMethod(e.target.value as ClassMethod)}>
              {methods.map((m) => (
                <option key={m} value={m}>
                  {t(`classify.short.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {method !== 'manual' ? (
            <label>
              {t('controls.classCount')}
              <select value={count} disabled={disabled} onChange={(e) => chooseCount(Number(e.target.value))}>
                {[3, 4, 5, 6, 7].map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {t('controls.manualBreaks')}
              <span className="row">
                <input value={breaksText} placeholder={def.percent ? '5; 10; 20' : '12; 15; 19'} onChange={(e) => setBreaksText(e.target.value)} />
                <button type="button" onClick={applyManual}>
                  {t('controls.apply')}
                </button>
              </span>
            </label>
          )}
        </>
      )}
    </div>
  );
}
