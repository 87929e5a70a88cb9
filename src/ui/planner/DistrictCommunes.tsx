import { useMemo } from 'react';
import { useTranslation } from '../use-translation';
import { useStore, useStoreFields } from '../../state/store';
import { useAtlasMembers } from '../AtlasContext';
import { useSql } from '../use-sql';
import { districtCommunesSQL, type DistrictCommuneRow } from '../../db/sql/district-communes';
import { isIllustrativeProvenance } from '../../db/sql/provenance';
import { exportDistrictCommunes } from '../../export/district-communes';
import { shortDistrictName } from '../../common/vn-name';
import { formatPercent } from '../../i18n';
import { IllustrativeMark, IllustrativeNote } from '../IllustrativeMark';
import { nextSort, sortRows, tableView } from './table-view';
import '../decisions.css';

type Key = 'commune_name' | 'tier' | 'criteria_met' | 'missing' | 'poor_rate' | 'sponsors';
/** Sort ranks of the tiers, not yet first. */
const tierRank: Record<string, number> = { chua_dat: 0, dat_chuan: 1, nang_cao: 2, kieu_mau: 3 };

/**
 * Drill-down to a district: its communes with status, criteria met of their set (x/N) and the ones missing, poor
 * rate and sponsors, sortable, exported as CSV or XLSX. A row selects its commune on the map. The breadcrumb names
 * the district; going back up (here or there) returns to the district table.
 */
export function DistrictCommunes({ district }: { district: string }) {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['locale', 'planner', 'selectedCode', 'year']);
  const view = useStore(tableView);
  const { t } = useTranslation();
  const rows = useSql<DistrictCommuneRow>(districtCommunesSQL, [district, s.year]).rows;
  const u = atlas.units;
  const name = s.planner.find((r) => r.group_code === district)?.group_name ?? (u ? u.districtName[u.districtCode.indexOf(district)] : undefined) ?? district;
  const sorted = useMemo(
    () => (rows ? sortRows(rows.map((r) => ({ ...r, tier_rank: r.in_scope ? (tierRank[r.tier ?? ''] ?? null) : null })), view.communes.key === 'tier' ? { ...view.communes, key: 'tier_rank' } : view.communes) : []),
    [rows, view.communes],
  );
  const sortBy = (key: Key) => tableView.set({ communes: nextSort(view.communes, key, key === 'poor_rate') });
  const ariaSort = (key: Key) => (view.communes.key === key ? (view.communes.desc ? 'descending' : 'ascending') : 'none');
  const header = (key: Key) => (
    <th scope="col" aria-sort={ariaSort(key)} data-key={key}>
      <button type="button" onClick={() => sortBy(key)}>
        {t(`drilldown.col.${key}`)}
      </button>
    </th>
  );
  const marks = (r: DistrictCommuneRow) => ({ ntm: r.in_scope && isIllustrativeProvenance(r.ntm_provenance), poverty: isIllustrativeProvenance(r.poverty_provenance) });
  const exportAs = (format: 'csv' | 'xlsx') =>
    rows && void exportDistrictCommunes(sorted, { district: name, year: s.year, locale: s.locale, format, t });
  return (
    <section className="district-communes" data-testid="district-communes">
      <div className="row">
        <button type="button" className="link" onClick={() => void atlas.setDistrict(null)} data-testid="drilldown-back">
          ← {t('drilldown.back')}
        </button>
      </div>
      <h2>{t('drilldown.title', { district: shortDistrictName(name), year: s.year })}</h2>
      <div className="row no-print">
        <button type="button" data-testid="communes-csv" onClick={() => exportAs('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" data-testid="communes-xlsx" onClick={() => exportAs('xlsx')}>
          {t('export.xlsx')}
        </button>
      </div>
      {rows === null ? (
        <p>{t('app.loading')}</p>
      ) : (
        <div className="table-scroll sticky-first">
          <table className="communes-table">
            <thead>
              <tr>
                {header('commune_name')}
                {header('tier')}
                {header('criteria_met')}
                {header('missing')}
                {header('poor_rate')}
                {header('sponsors')}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.commune_code} data-code={r.commune_code} className={s.selectedCode === r.commune_code ? 'selected' : undefined} onClick={() => atlas.select(r.commune_code)}>
                  <th scope="row">
                    <button type="button" onClick={(e) => { e.stopPropagation(); atlas.select(r.commune_code); }}>
                      {r.commune_name}
                    </button>
                  </th>
                  <td data-key="tier">
                    {r.in_scope ? (r.tier ? t(`status.${r.tier}`) : t('status.no_data')) : t('status.out_of_scope')}
                    <IllustrativeMark show={marks(r).ntm} compact />
                  </td>
                  <td data-key="criteria_met">{r.criteria_met === null ? '–' : t('tooltip.criteriaValue', { met: r.criteria_met, total: r.criteria_total ?? '?' })}</td>
                  <td data-key="missing" className="missing-cell">{r.missing ?? (r.in_scope && r.criteria_met !== null ? '–' : '')}</td>
                  <td data-key="poor_rate">
                    {r.poor_rate === null ? '–' : formatPercent(r.poor_rate, s.locale)}
                    <IllustrativeMark show={r.poor_rate !== null && marks(r).poverty} compact />
                  </td>
                  <td data-key="sponsors" className="sponsors-cell">{r.sponsors ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small">{t('drilldown.missingHelp')}</p>
      <IllustrativeNote show={(rows ?? []).some((r) => marks(r).ntm || marks(r).poverty)} marked />
    </section>
  );
}
