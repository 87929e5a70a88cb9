import { useStore } from '../state/store';
import { useAtlas } from './AtlasContext';
import { featureDetails } from './commune-details';
import { CommuneFacts } from './CommuneFacts';

export function Tooltip() {
  const atlas = useAtlas();
  const { event } = useStore(atlas.hover);
  const s = useStore(atlas.state);
  if (!event || event.featureIndex === null) return null;
  const d = featureDetails(atlas, event.featureIndex);
  if (!d) return null;
  return (
    <div className="map-tooltip" data-testid="tooltip" role="tooltip" style={{ left: event.x + 14, top: event.y + 14 }}>
      <CommuneFacts d={d} indicator={s.indicator} locale={s.locale} year={s.year} />
    </div>
  );
}
