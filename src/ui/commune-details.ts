import type { Atlas } from '../app/atlas';
import { statusClasses, type StatusClass } from '../db/sql/status';
import type { FeatureInfo } from '../state/app-state';

export interface CommuneDetails {
  info: FeatureInfo;
  status: StatusClass;
  criteriaMet: number | null;
}

/** What the map knows about one drawn feature (from the last SQL answers), for tooltip and selection. */
export function featureDetails(atlas: Atlas, featureIndex: number): CommuneDetails | null {
  const data = atlas.layerData();
  const info = data?.info[featureIndex];
  if (!data || !info) return null;
  const c = data.criteriaMet[featureIndex];
  return { info, status: statusClasses[data.status[featureIndex]], criteriaMet: c >= 0 ? c : null };
}

export function detailsByCode(atlas: Atlas, code: string): CommuneDetails | null {
  const i = atlas.drawableLayer()?.code.indexOf(code) ?? -1;
  return i >= 0 ? featureDetails(atlas, i) : null;
}
