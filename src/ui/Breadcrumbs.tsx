import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { useAtlasMembers } from './AtlasContext';

/** Toàn quốc › Tỉnh › Huyện › Xã: each crumb goes back up; the district's opens its communes in the panel. */
export function Breadcrumbs() {
  const atlas = useAtlasMembers();
  const s = useStoreFields(atlas.state, ['district', 'province', 'provinces', 'selectedCode']);
  const { t } = useTranslation();
  const u = atlas.units;
  const province = s.provinces.find((p) => p.code === s.province);
  const districtName = s.district && u ? u.districtName[u.districtCode.indexOf(s.district)] : null;
  const commune = s.selectedCode && u ? u.name[u.indexOf.get(s.selectedCode) ?? -1] : null;
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs.label')} data-testid="breadcrumbs">
      <button type="button" onClick={() => void atlas.setProvince(null)}>
        {t('controls.nationalView')}
      </button>
      {province && (
        <>
          <span aria-hidden="true">›</span>
          <button type="button" onClick={() => void atlas.setDistrict(null)}>
            {province.name}
          </button>
        </>
      )}
      {districtName && (
        <>
          <span aria-hidden="true">›</span>
          {/* the district's crumb opens its communes in the panel: the breadcrumb and the panel move together */}
          <button type="button" data-testid="crumb-district" onClick={() => atlas.setUiState({ panel: 'districts' })} aria-current={s.selectedCode ? undefined : 'location'}>
            {districtName}
          </button>
        </>
      )}
      {commune && (
        <>
          <span aria-hidden="true">›</span>
          <span aria-current="location">{commune}</span>
        </>
      )}
    </nav>
  );
}
