import { useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlasMembers } from '../AtlasContext';
import { TARGET_MEASURES } from '../../db/sql/scorecard';
import { PROGRAMME_YEARS } from '../../common/programme';
import { shortProvinceName } from '../../common/vn-name';
import { vietnameseCollator } from '../../i18n/collate';
import { TargetInputError } from '../../app/user-targets';
import { indicatorName } from './target-text';

const NATIONAL = '00';

/**
 * Entering a target (another province's, the country's, or one of 2026-2030): kept in this browser and scored
 * like the published ones. The province shown is preselected.
 */
export function TargetForm() {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['province', 'provinces']);
  const { t } = useTranslation();
  const [province, setProvince] = useState<string | null>(null);
  const [indicator, setIndicator] = useState('target_share_communes_ntm');
  const [year, setYear] = useState(String(PROGRAMME_YEARS.last));
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [source, setSource] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const chosen = province ?? s.province ?? NATIONAL;
  const provinces = [...s.provinces].sort((a, b) => vietnameseCollator.compare(shortProvinceName(a.name), shortProvinceName(b.name)));
  const submit = async () => {
    if (!atlas.targets) return;
    const name = chosen === NATIONAL ? t('scorecard.national') : shortProvinceName(s.provinces.find((p) => p.code === chosen)?.name ?? chosen);
    try {
      await atlas.targets.add({ province_code: chosen, province_name: name, indicator, target_year: Number(year), value, note, source });
      setMessage({ error: false, text: t('scorecard.form.added', { name: indicatorName(indicator, t), place: name }) });
      setValue('');
    } catch (e) {
      const reason = e instanceof TargetInputError ? e.reason : 'value';
      setMessage({ error: true, text: t(`scorecard.form.error.${reason}`, { first: PROGRAMME_YEARS.first, last: PROGRAMME_YEARS.last }) });
    }
  };
  return (
    <details className="target-form" data-testid="target-form">
      <summary>{t('scorecard.form.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('scorecard.form.province')}
          <select value={chosen} onChange={(e) => setProvince(e.target.value)} data-testid="target-province">
            <option value={NATIONAL}>{t('scorecard.national')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {shortProvinceName(p.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scorecard.form.indicator')}
          <select value={indicator} onChange={(e) => setIndicator(e.target.value)} data-testid="target-indicator">
            {Object.keys(TARGET_MEASURES).map((k) => (
              <option key={k} value={k}>
                {indicatorName(k, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scorecard.form.year')}
          <input type="number" min={PROGRAMME_YEARS.first} max={PROGRAMME_YEARS.last} value={year} onChange={(e) => setYear(e.target.value)} data-testid="target-year" />
        </label>
        <label>
          {t('scorecard.form.value', { unit: t(`scorecard.publishedUnit.${TARGET_MEASURES[indicator].unit.replace(/ /g, '_')}`, { defaultValue: TARGET_MEASURES[indicator].unit }) })}
          <input value={value} onChange={(e) => setValue(e.target.value)} placeholder="75 · 1800-2200" data-testid="target-value" />
        </label>
        <label>
          {t('scorecard.form.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <label>
          {t('scorecard.form.source')}
          <input value={source} onChange={(e) => setSource(e.target.value)} data-testid="target-source" />
        </label>
        <button type="submit" disabled={!atlas.targets} data-testid="target-add">
          {t('scorecard.form.add')}
        </button>
        {message && (
          <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <p className="small">{t('scorecard.form.kept')}</p>
      </form>
    </details>
  );
}
