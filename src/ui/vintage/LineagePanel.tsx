import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlasMembers } from '../AtlasContext';
import { useSql } from '../use-sql';
import { formatPercent, type Locale } from '../../i18n';
import { formerCommunesSQL, successorsSQL } from '../../db/sql/reform';
import { formerNtmText, useFormerNtm } from './FormerNtm';
import { FIRST_POST_REFORM_YEAR } from '../../common/programme';
import { POST_REFORM, PRE_REFORM } from '../../common/vintage';
import './vintage.css';

interface Part {
  part_type: string;
  share: number;
  share_method: string;
}
interface Former extends Part {
  commune_code: string;
  commune_name: string;
  commune_type: string;
  district_name: string | null;
  province_name: string | null;
  last_tier: string | null;
  last_tier_year: number | null;
  last_poor_rate: number | null;
  last_poverty_year: number | null;
}
interface Successor extends Part {
  commune_code: string;
  commune_name: string;
  province_name: string;
}

const partText = (p: Part, t: (k: string, o?: Record<string, unknown>) => string, locale: Locale) =>
  p.share_method === 'whole' ? t('vintage.whole') : t('vintage.part', { share: formatPercent(p.share, locale, 0) });

/**
 * "Where did my commune go", both ways: a post-reform commune lists its former communes (each one's part, last
 * status and poor rate, and how many were NTM: never a status of its own); a pre-reform commune, or one traced from
 * search, lists the commune(s) it went to.
 */
export function LineagePanel() {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['locale', 'selectedCode', 'traced', 'vintage', 'year']);
  const { t } = useTranslation();
  const post = s.vintage === POST_REFORM;
  // the pre-reform commune whose successors are shown: traced on the post-reform map, or selected on the pre-reform one
  const from = post ? s.traced : s.selectedCode;
  const successors = useSql<Successor>(from ? successorsSQL : null, [from]).rows ?? [];
  const newCode = post && !s.traced ? s.selectedCode : null;
  const former = useSql<Former>(newCode ? formerCommunesSQL : null, [newCode, s.year]).rows ?? [];
  const formerYear = Math.min(s.year, FIRST_POST_REFORM_YEAR - 1);
  const ntm = useFormerNtm(newCode, formerYear);
  if (!from && !newCode) return null;
  const oldUnits = atlas.unitsOf(PRE_REFORM);
  const fromName = from && oldUnits ? oldUnits.name[oldUnits.indexOf.get(from) ?? -1] : from;
  return (
    <section className="lineage" data-testid="lineage" aria-live="polite">
      {from && (
        <>
          <h3>{t('vintage.wentTo', { name: fromName ?? from, vintage: t(`vintage.short.${PRE_REFORM}`) })}</h3>
          <ul data-testid="successors">
            {successors.map((r) => (
              <li key={r.commune_code} data-code={r.commune_code}>
                <button type="button" className="link" onClick={() => (post ? atlas.select(r.commune_code) : void atlas.traceFormer(from))}>
                  {r.commune_name}
                </button>{' '}
                ({r.province_name}) · <span className="part">{partText(r, t, s.locale)}</span>
              </li>
            ))}
          </ul>
          {!post && successors.length > 0 && (
            <button type="button" data-testid="show-on-new" onClick={() => void atlas.traceFormer(from)}>
              {t('vintage.showOnNew')}
            </button>
          )}
          {post && <p className="note">{t('vintage.lineageNote')}</p>}
        </>
      )}
      {newCode && (
        <>
          <h3>{t('vintage.formerCommunes')}</h3>
          {ntm && (
            <p data-testid="former-ntm">{formerNtmText(ntm, formerYear, t)}</p>
          )}
          {s.year < FIRST_POST_REFORM_YEAR && <p className="note">{t('vintage.noOwnStatus')}</p>}
          <table data-testid="former-communes">
            <thead>
              <tr>
                <th>{t('criteria.commune')}</th>
                <th>{t('vintage.lastStatus')}</th>
                <th>{t('vintage.lastPoor')}</th>
              </tr>
            </thead>
            <tbody>
              {former.map((r) => (
                <tr key={r.commune_code} data-code={r.commune_code}>
                  <td>
                    {r.commune_name}
                    <div className="note">
                      {r.district_name}, {r.province_name} · <span className="part">{partText(r, t, s.locale)}</span>
                    </div>
                  </td>
                  <td>{r.commune_type !== 'Xã' ? t('status.out_of_scope') : r.last_tier ? `${t(`status.${r.last_tier}`)} (${r.last_tier_year})` : '–'}</td>
                  <td>{r.last_poor_rate === null ? '–' : `${formatPercent(r.last_poor_rate, s.locale)} (${r.last_poverty_year})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t('vintage.lineageNote')}</p>
        </>
      )}
    </section>
  );
}
