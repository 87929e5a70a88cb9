import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { useSql } from '../use-sql';
import { criteriaMissingSQL, districtCriteriaMatrixSQL } from '../../db/sql/criteria';
import { shortDistrictName } from '../../common/vn-name';
import { formatNumber } from '../../i18n';
import { seriesIllustrative } from '../../indicators/provenance';
import { IllustrativeNote } from '../IllustrativeMark';

interface Missing { number: number; name_vi: string; name_en: string; criteria_set: string; missing: number; assessed: number }
interface MatrixRow { commune_code: string; commune_name: string; criteria_set: string | null; criteria_met: number | null; mask: number | null }

/** Criteria most often missing across the province, and a communes x criteria matrix for one district. */
export function CriteriaGaps() {
  const atlas = useAtlas();
  const s = useStore(atlas.state);
  const { t } = useTranslation();
  const missing = useSql<Missing>(criteriaMissingSQL, [s.province, s.year]).rows ?? [];
  const districts = s.planner.filter((r) => r.in_scope > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const district = s.district ?? chosen ?? districts[0]?.group_code ?? null;
  const matrix = useSql<MatrixRow>(s.province === null || !district ? null : districtCriteriaMatrixSQL, [district, s.year]).rows ?? [];
  const numbers = missing.map((m) => m.number).sort((a, b) => a - b);
  const name = (m: Missing) => (s.locale === 'vi' ? m.name_vi : m.name_en);
  return (
    <section className="criteria-gaps" data-testid="criteria-gaps">
      <h2>{t('criteria.mostMissing', { year: s.year })}</h2>
      <ol className="missing-list">
        {missing.map((m) => (
          <li key={m.number}>
            <button type="button" data-criterion={m.number} aria-pressed={s.indicator === 'criterion_missing' && s.criterion === m.number} onClick={() => void atlas.showCriterionGap(m.number)}>
              {t('criteria.numbered', { n: m.number, name: name(m) })}
            </button>{' '}
            <span className="count">
              {formatNumber(m.missing, s.locale)}/{formatNumber(m.assessed, s.locale)}
            </span>
          </li>
        ))}
      </ol>
      {s.province !== null && (
        <>
          <label>
            {t('criteria.district')}
            <select value={district ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="criteria-district">
              {districts.map((d) => (
                <option key={d.group_code} value={d.group_code}>
                  {shortDistrictName(d.group_name)}
                </option>
              ))}
            </select>
          </label>
          <div className="table-scroll">
            <table className="criteria-matrix" data-testid="criteria-matrix">
              <thead>
                <tr>
                  <th scope="col">{t('criteria.commune')}</th>
                  {numbers.map((n) => (
                    <th key={n} scope="col" title={name(missing.find((m) => m.number === n)!)}>
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.map((r) => (
                  <tr key={r.commune_code}>
                    <th scope="row">{r.commune_name}</th>
                    {numbers.map((n) => {
                      const state = r.mask === null ? 'no_data' : (r.mask >> (n - 1)) & 1 ? 'met' : 'missing';
                      return (
                        <td key={n} className={`c-${state}`} aria-label={t(`criteria.cell.${state}`)}>
                          {state === 'met' ? '✓' : state === 'missing' ? '✗' : '·'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {/* counts of the NTM rows of the year in the province */}
      <IllustrativeNote show={seriesIllustrative(s.provenance, s.province, ['ntm'], [s.year])} />
    </section>
  );
}
