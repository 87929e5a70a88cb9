import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlas } from '../AtlasContext';
import { useSql } from '../use-sql';
import { sponsoredComparisonSQLOf } from '../../db/sql/sponsor';
import { formatPercent, formatNumber } from '../../i18n';
import { SponsorView } from './SponsorView';
import { useSponsors } from './sponsor-data';
import { seriesIllustrative } from '../../indicators/provenance';
import { IllustrativeNote } from '../IllustrativeMark';

interface Comparison { sponsored: boolean; communes: number; ntm_share: number; ntm_share_base: number; avg_criteria: number; avg_criteria_base: number }

/** Sponsor list, the "sponsored communes" map layer, and sponsored vs not-sponsored progress. */
export function SponsorPanel() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['compareYear', 'locale', 'provenance', 'province', 'showSponsored', 'sponsor', 'vintage', 'year']);
  const { t } = useTranslation();
  const sponsors = useSponsors(s.vintage);
  const comparison = useSql<Comparison>(s.province ? sponsoredComparisonSQLOf(s.vintage) : null, [s.province, s.year, s.compareYear]).rows ?? [];
  if (s.sponsor) return <SponsorView />;
  const here = sponsors.filter((sp) => s.province === null || sp.province_code === s.province);
  return (
    <section className="sponsors" data-testid="sponsors">
      <h2>{t('sponsor.listTitle')}</h2>
      <label className="row">
        <input type="checkbox" checked={s.showSponsored} onChange={(e) => void atlas.setShowSponsored(e.target.checked)} data-testid="show-sponsored" />
        {t('sponsor.showOnMap')}
      </label>
      {here.length === 0 ? (
        <p>{t('sponsor.none')}</p>
      ) : (
        <ul className="sponsor-list">
          {here.map((sp) => (
            <li key={sp.sponsor_id}>
              <a href={`?sponsor=${encodeURIComponent(sp.sponsor_id)}`} onClick={(e) => { e.preventDefault(); void atlas.setSponsor(sp.sponsor_id); }}>
                {sp.sponsor_org}
              </a>{' '}
              ({sp.sponsor_short}) · {t('sponsor.communeCount', { count: sp.communes })} · {sp.from_year}–{sp.to_year}
              <div className="source">{sp.basis}</div>
            </li>
          ))}
        </ul>
      )}
      {comparison.length > 0 && (
        <>
          <h3>{t('sponsor.comparisonTitle', { base: s.compareYear, year: s.year })}</h3>
          <table className="comparison" data-testid="sponsored-comparison">
            <thead>
              <tr>
                <th />
                <th>{t('sponsor.communes')}</th>
                <th>% NTM {s.compareYear}</th>
                <th>% NTM {s.year}</th>
                <th>{t('planner.col.avg_criteria')}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.map((c) => (
                <tr key={String(c.sponsored)}>
                  <th scope="row">{t(c.sponsored ? 'sponsor.sponsored' : 'sponsor.notSponsored')}</th>
                  <td>{formatNumber(c.communes, s.locale)}</td>
                  <td>{formatPercent(c.ntm_share_base, s.locale)}</td>
                  <td>{formatPercent(c.ntm_share, s.locale)}</td>
                  <td>
                    {formatNumber(c.avg_criteria_base, s.locale, 1)} → {formatNumber(c.avg_criteria, s.locale, 1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {/* the comparison reads the province's NTM rows of both years */}
      <IllustrativeNote show={comparison.length > 0 && seriesIllustrative(s.provenance, s.province, ['ntm'], [s.year, s.compareYear])} />
    </section>
  );
}
