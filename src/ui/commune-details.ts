import type { Atlas } from '../app/atlas';
import { statusClasses, type StatusClass } from '../db/sql/status';

export interface CommuneDetails {
  code: string | null;
  name: string;
  districtName: string | null;
  provinceName: string | null;
  coversCodes: string | null;
  status: StatusClass;
  criteriaMet: number | null;
  /** The mapped indicator's value in the current year (NaN = no data). */
  value: number;
}

/** What the app knows about one unit (by unit index) for tooltip and selection. */
export function unitDetails(atlas: Atlas, unit: number): CommuneDetails | null {
  const u = atlas.units;
  const st = atlas.statusOfUnit(unit);
  if (!u || !st) return null;
  return {
    code: u.code[unit],
    name: u.name[unit],
    districtName: u.districtName[unit],
    provinceName: u.provinceName[unit],
    coversCodes: null,
    status: statusClasses[st.status],
    criteriaMet: st.criteriaMet,
    value: atlas.valueOfUnit(unit),
  };
}

/** Details of a drawn feature: a unit, or a polygon that belongs to no single unit (2008 orphans, islands). */
export function featureDetails(atlas: Atlas, feature: number): CommuneDetails | null {
  const unit = atlas.unitOfFeature(feature);
  if (unit >= 0) return unitDetails(atlas, unit);
  const d = atlas.drawableLayer();
  if (!d) return null;
  return {
    code: null,
    name: d.name[feature] ?? '',
    districtName: null,
    provinceName: null,
    coversCodes: d.coversCodes[feature],
    status: 'unattributed',
    criteriaMet: null,
    value: NaN,
  };
}

export function detailsByCode(atlas: Atlas, code: string): CommuneDetails | null {
  const unit = atlas.units?.indexOf.get(code);
  return unit === undefined ? null : unitDetails(atlas, unit);
}
