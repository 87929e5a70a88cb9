import { useCallback } from 'react';
import { useTranslation } from '../use-translation';
import { useStoreFields } from '../../state/store';
import { useAtlasMembers } from '../AtlasContext';
import { useSql } from '../use-sql';
import { communeSeriesSQL, communeSponsorsSQL } from '../../db/sql/profile';
import { communeSeries2025SQL, communeSponsors2025SQL } from '../../db/sql/vintage';
import { POST_REFORM } from '../../common/vintage';
import { LineagePanel } from '../vintage/LineagePanel';
import { districtLine } from '../commune-details';
import { criteriaNamesSQL } from '../../db/sql/criteria';
import { PlotFigure, type PlotModule } from '../charts/PlotFigure';
import { formatNumber, formatPercent } from '../../i18n';
import { isIllustrativeProvenance } from '../../db/sql/provenance';
import { IllustrativeMark } from '../IllustrativeMark';

interface SeriesRow {
  year: number; tier: string | null; criteria_set: string | null; criteria_met: number | null; criteria_total: number | null; mask: number | null;
  recognised_year: number | null; decision_no: string | null; fell_back: boolean | null; ntm_provenance: string | null; source: string | null;
  households: number | null; poor: number | null; near_poor: number | null; standard: string | null; poverty_provenance: string | null;
  /** a post-reform commune before 2026: its former communes NTM (no status of its own) */
  former_ntm?: number | null; former_rural?: number | null; former_illustrative?: boolean | null;
}
interface Sponsor { sponsor_id: string; sponsor_org: string; sponsor_short: string; from_year: number; to_year: number; basis: string; source: string }
interface Criterion { number: number; name_vi: string; name_en: string }
/** One empty list, so that the chart's callback keeps its identity while the series loads. */
const noSeries: SeriesRow[] = [];

/** Everything about one commune: status history, criteria by year, poverty series, sponsors, sources. */
export function CommuneProfile() {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['locale', 'selectedCode', 'vintage', 'year']);
  const { t } = useTranslation();
  const code = s.selectedCode;
  // a post-reform commune: its own rows from 2026, poverty before carried through the crosswalk, sponsors of its former communes
  const post = s.vintage === POST_REFORM;
  const series = useSql<SeriesRow>(code ? (post ? communeSeries2025SQL : communeSeriesSQL) : null, [code]).rows ?? noSeries;
  const sponsors = useSql<Sponsor & { former_name?: string | null }>(code ? (post ? communeSponsors2025SQL : communeSponsorsSQL) : null, [code]).rows ?? [];
  const current = series.find((r) => r.year === s.year);
  const names = useSql<Criterion>(current?.criteria_set ? criteriaNamesSQL : null, [current?.criteria_set]).rows ?? [];
  const chart = useCallback((Plot: PlotModule) => {
    const data = series.filter((r) => r.households).flatMap((r) => [
      { year: r.year, rate: (r.poor! / r.households!) * 100, kind: t('profile.poor') },
      { year: r.year, rate: (r.near_poor! / r.households!) * 100, kind: t('profile.nearPoor') },
    ]);
    return Plot.plot({
      width: 270,
      height: 160,
      y: { label: '%', grid: true, zero: true },
      x: { label: null, tickFormat: 'd' },
      color: { legend: true, range: ['#d7301f', '#0570b0'] },
      marks: [Plot.lineY(data, { x: 'year', y: 'rate', stroke: 'kind', marker: 'circle' }), Plot.ruleY([0])],
    });
  }, [series, t]);
  if (!code) return <p>{t('selection.none')}</p>;
  const u = atlas.units!;
  const i = u.indexOf.get(code)!;
  const missingNow = current?.mask === null || current?.mask === undefined ? [] : names.filter((c) => !((current.mask! >> (c.number - 1)) & 1));
  // published facts, and rows a province edition publishes (their source names the office, the file and the row)
  const facts = series.filter((r) => r.ntm_provenance === 'fact' || r.ntm_provenance === 'published');
  // each row's values are marked by the provenance of the row they come from, series by series
  const ntmMarked = (r: SeriesRow) => isIllustrativeProvenance(r.ntm_provenance);
  const povertyMarked = (r: SeriesRow) => isIllustrativeProvenance(r.poverty_provenance);
  const anyMarked = series.some((r) => ntmMarked(r) || povertyMarked(r) || !!r.former_illustrative);
  return (
    <section className="profile" data-testid="profile">
      <h2>{u.name[i]}</h2>
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t('export.print')}
      </button>
      <p>
        {[districtLine(u.districtName[i], s.vintage), u.provinceName[i]].filter(Boolean).join(', ')} · {t('selection.code')} {code}
      </p>
      <h3>{t('profile.history')}</h3>
      <table className="history">
        <thead>
          <tr>
            <th>{t('controls.year')}</th>
            <th>{t('tooltip.status')}</th>
            <th>{t('tooltip.criteria')}</th>
            <th>{t('profile.poorRate')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((r) => (
            <tr key={r.year} data-year={r.year} className={r.year === s.year ? 'current' : undefined}>
              <td>{r.year}</td>
              <td data-series="ntm">
                {r.tier
                  ? t(`status.${r.tier}`)
                  : r.former_rural != null
                    ? t('vintage.formerNtm', { k: r.former_ntm ?? 0, n: r.former_rural, year: r.year })
                    : '–'}
                {r.fell_back ? ` (${t('status.fell_back')})` : ''}
                <IllustrativeMark show={ntmMarked(r) || (!r.tier && !!r.former_illustrative)} compact />
              </td>
              <td data-series="ntm">
                {r.criteria_met === null ? '–' : r.criteria_total === null ? r.criteria_met : t('tooltip.criteriaValue', { met: r.criteria_met, total: r.criteria_total })}
                <IllustrativeMark show={ntmMarked(r)} compact />
              </td>
              <td data-series="poverty">
                {r.households ? formatPercent(r.poor! / r.households, s.locale) : '–'}
                <IllustrativeMark show={povertyMarked(r)} compact />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('profile.missingIn', { year: s.year })}</h3>
      {missingNow.length === 0 ? (
        <p>{current?.mask === null || !current ? '–' : t('profile.noneMissing')}</p>
      ) : (
        <ul data-testid="profile-missing">
          {missingNow.map((c) => (
            <li key={c.number}>{t('criteria.numbered', { n: c.number, name: s.locale === 'vi' ? c.name_vi : c.name_en })}</li>
          ))}
        </ul>
      )}
      <h3>{t('profile.povertySeries')}</h3>
      <PlotFigure build={chart} label={t('profile.povertySeries')} />
      {current?.households ? (
        <p className="small">
          {t('profile.households', { households: formatNumber(current.households, s.locale), poor: formatNumber(current.poor ?? 0, s.locale), nearPoor: formatNumber(current.near_poor ?? 0, s.locale) })} · {current.standard}
          <IllustrativeMark show={povertyMarked(current)} />
        </p>
      ) : null}
      <LineagePanel />
      <h3>{t('profile.sponsors')}</h3>
      {sponsors.length === 0 ? (
        <p>–</p>
      ) : (
        <ul>
          {sponsors.map((sp) => (
            <li key={sp.sponsor_id + sp.from_year}>
              {sp.sponsor_org} ({sp.from_year}–{sp.to_year}) · {sp.basis}
              {sp.former_name && ` · ${t('vintage.sponsoredFormer', { name: sp.former_name })}`}
              <div className="source">{t('legend.source')}: {sp.source}</div>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('profile.sources')}</h3>
      <ul className="sources">
        {facts.map((r) => (
          <li key={r.year}>
            {r.year}: {r.tier ? t(`status.${r.tier}`) : ''} — {r.source}
          </li>
        ))}
        {anyMarked && <li className="illustrative">* {t('app.illustrativeNote')}</li>}
      </ul>
    </section>
  );
}
