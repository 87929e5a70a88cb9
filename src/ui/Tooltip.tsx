import { useStore, useStoreFields } from '../state/store';
import { useAtlasMembers } from './AtlasContext';
import { detailsReadUnder, featureDetails } from './commune-details';
import { CommuneFacts } from './CommuneFacts';

export function Tooltip() {
  const atlas = useAtlasMembers();
  const { event } = useStore(atlas.hover);
  const s = useStoreFields(atlas.state, [...detailsReadUnder, 'locale']);
  if (!event || event.featureIndex === null) return null;
  const d = featureDetails(atlas, event.featureIndex);
  if (!d) return null;
  return (
    <div className="map-tooltip" data-testid="tooltip" role="tooltip" style={{ left: event.x + 14, top: event.y + 14 }}>
      <CommuneFacts d={d} indicator={s.indicator} locale={s.locale} year={s.year} />
    </div>
  );
}
