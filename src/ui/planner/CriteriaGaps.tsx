import { useState } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { useSql } from '../use-sql';
import { criteriaMissingSQL, districtCriteriaMatrixSQL } from '../../db/sql/criteria';
import { shortDistrictName, stripUnitPrefix } from '../../common/vn-name';
import { formatNumber } from '../../i18n';
import { seriesIllustrative } from '../../indicators/provenance';
import { IllustrativeNote } from '../IllustrativeMark';
import '../decisions.css';

interface Missing { number: number; name_vi: string; name_en: string; criteria_set: string; missing: number; assessed: number }
interface MatrixRow { commune_code: string; commune_name: string; criteria_set: string | null; criteria_met: number | null; mask: number | null }

const missesCriterion = (r: MatrixRow, n: number) => r.mask !== null && ((r.mask >> (n - 1)) & 1) === 0;

/**
 * Criteria most often missing across the province, and a communes x criteria matrix for one district that fits
 * the panel (numbered headers, the full name on hover); a column or a missing cell opens the communes of the
 * district missing that criterion, and maps the criterion.
 */
export function CriteriaGaps() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['criterion', 'district', 'indicator', 'locale', 'planner', 'provenance', 'province', 'year']);
  const { t } = useTranslation();
  const missing = useSql<Missing>(criteriaMissingSQL, [s.province, s.year]).rows ?? [];
  const districts = s.planner.filter((r) => r.in_scope > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const district = s.district ?? chosen ?? districts[0]?.group_code ?? null;
  const matrix = useSql<MatrixRow>(s.province === null || !district ? null : districtCriteriaMatrixSQL, [district, s.year]).rows ?? [];
  const numbers = missing.map((m) => m.number).sort((a, b) => a - b);
  const name = (m: Missing) => (s.locale === 'vi' ? m.name_vi : m.name_en);
  const nameOf = (n: number) => {
    const m = missing.find((x) => x.number === n);
    return m ? name(m) : String(n);
  };
  const pick = (n: number) => {
    setPicked(n);
    void atlas.showCriterionGap(n);
  };
  const without = picked === null ? [] : matrix.filter((r) => missesCriterion(r, picked));
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
          <div className="table-scroll sticky-first">
            <table className="criteria-matrix" data-testid="criteria-matrix">
              <thead>
                <tr>
                  <th scope="col">{t('criteria.commune')}</th>
                  {numbers.map((n) => (
                    <th key={n} scope="col" title={t('criteria.numbered', { n, name: nameOf(n) })} data-criterion={n} className={picked === n ? 'picked' : undefined}>
                      <button type="button" onClick={() => pick(n)} aria-label={t('criteria.numbered', { n, name: nameOf(n) })} aria-pressed={picked === n}>
                        {n}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.map((r) => (
                  <tr key={r.commune_code}>
                    <th scope="row" title={r.commune_name}>
                      {stripUnitPrefix(r.commune_name)}
                    </th>
                    {numbers.map((n) => {
                      const state = r.mask === null ? 'no_data' : missesCriterion(r, n) ? 'missing' : 'met';
                      const label = `${r.commune_name}: ${t('criteria.numbered', { n, name: nameOf(n) })}: ${t(`criteria.cell.${state}`)}`;
                      return (
                        <td key={n} className={`c-${state}`} title={label}>
                          {state === 'missing' ? (
                            <button type="button" onClick={() => pick(n)} aria-label={label}>
                              ✗
                            </button>
                          ) : (
                            <span aria-label={label} role="img">
                              {state === 'met' ? '✓' : '·'}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {picked !== null && (
            <div className="criterion-communes" data-testid="criterion-communes" data-criterion={picked}>
              <h3>{t('criteria.missingIn', { n: picked, name: nameOf(picked), district: shortDistrictName(districts.find((d) => d.group_code === district)?.group_name ?? '') })}</h3>
              {without.length === 0 ? (
                <p className="small">{t('criteria.noneMissing')}</p>
              ) : (
                <ul>
                  {without.map((r) => (
                    <li key={r.commune_code}>
                      <button type="button" className="link" onClick={() => void atlas.focusCommune(r.commune_code)}>
                        {r.commune_name}
                      </button>{' '}
                      <span className="small">{t('tooltip.criteriaValue', { met: r.criteria_met ?? '–', total: numbers.length })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
      {/* counts of the NTM rows of the year in the province */}
      <IllustrativeNote show={seriesIllustrative(s.provenance, s.province, ['ntm'], [s.year])} />
    </section>
  );
}
