import { useTranslation } from './use-translation';
import { useStoreFields } from '../state/store';
import { useAtlas } from './AtlasContext';
import { Legend } from './Legend';
import { SelectionPanel } from './SelectionPanel';
import { DistrictTable } from './planner/DistrictTable';
import { Scorecard } from './scorecard/Scorecard';
import { CriteriaGaps } from './planner/CriteriaGaps';
import { CommuneProfile } from './profile/CommuneProfile';
import { SponsorPanel } from './sponsor/SponsorPanel';
import { ImportPanel } from './data/ImportPanel';
import { SlidesPanel } from './present/SlidesPanel';
import { PackagePanel } from './data/PackagePanel';
import type { AppState } from '../state/app-state';

const tabs: AppState['panel'][] = ['legend', 'scorecard', 'districts', 'criteria', 'profile', 'sponsors', 'data', 'slides'];

export function SidePanel() {
  const atlas = useAtlas();
  const s = useStoreFields(atlas.state, ['panel']);
  const { t } = useTranslation();
  return (
    <aside className={`side side-${s.panel}`}>
      <div className="tabs" role="tablist" aria-label={t('panel.label')}>
        {tabs.map((p) => (
          <button key={p} type="button" role="tab" id={`tab-${p}`} aria-controls={`panel-${p}`} aria-selected={s.panel === p} data-testid={`tab-${p}`} onClick={() => atlas.setUiState({ panel: p })}>
            {t(`panel.${p}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${s.panel}`} aria-labelledby={`tab-${s.panel}`} className="panel-body">
        {s.panel === 'legend' && (
          <>
            <Legend />
            <SelectionPanel />
          </>
        )}
        {s.panel === 'scorecard' && <Scorecard />}
        {s.panel === 'districts' && <DistrictTable />}
        {s.panel === 'criteria' && <CriteriaGaps />}
        {s.panel === 'profile' && <CommuneProfile />}
        {s.panel === 'sponsors' && <SponsorPanel />}
        {s.panel === 'data' && (
          <>
            <ImportPanel />
            <PackagePanel />
          </>
        )}
        {s.panel === 'slides' && <SlidesPanel />}
      </div>
    </aside>
  );
}
