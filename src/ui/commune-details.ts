import type { AtlasFacade } from '../app/facade';
import type { AppState } from '../state/app-state';
import { i18n } from '../i18n';
import { POST_REFORM, type Vintage } from '../common/vintage';
import { FIRST_POST_REFORM_YEAR } from '../common/programme';
import { statusClasses, type StatusClass } from '../db/sql/status';
import { indicators } from '../indicators/registry';
import { yearsRead, type SeriesId } from '../indicators/provenance';

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
  /** Criteria in the set the unit's NTM row of the year was assessed with (null: no row, or not known yet). */
  criteriaTotal: number | null;
  /** Whether each line comes from an illustrative row: status and criteria (NTM series), the indicator's value. */
  illustrative: { ntm: boolean; value: boolean };
  /** A post-reform commune in a year before its own recognitions (2026): no status of its own yet, never inherited. */
  noOwnStatusYet: boolean;
}

/** The district a unit lies in; on the post-reform units (no districts) the former one, named as such. */
export function districtLine(name: string, vintage: Vintage): string | null {
  if (vintage !== POST_REFORM) return name;
  return name ? i18n.t('vintage.formerDistrictLabel', { name }) : null;
}

/**
 * The state fields a unit's details are read under, directly or through the atlas (the values shown follow the
 * legend, which each recolour sets; the units follow the vintage): a component showing details lists them, so that
 * it renders again when one changes.
 */
export const detailsReadUnder = ['compareYear', 'criterion', 'indicator', 'legend', 'provenance', 'province', 'vintage', 'year', 'years'] as const satisfies readonly (keyof AppState)[];

/** What the app knows about one unit (by unit index) for tooltip and selection. */
export function unitDetails(atlas: AtlasFacade, unit: number): CommuneDetails | null {
  const u = atlas.units;
  const st = atlas.statusOfUnit(unit);
  if (!u || !st) return null;
  const s = atlas.state.get();
  const rows = s.provenance?.province === s.province ? s.provenance.rows : null;
  const marked = (series: readonly SeriesId[], years: number[]) => rows?.illustrative(unit, series, years) ?? true;
  return {
    code: u.code[unit],
    name: u.name[unit],
    districtName: districtLine(u.districtName[unit], s.vintage),
    provinceName: u.provinceName[unit],
    coversCodes: null,
    status: statusClasses[st.status],
    criteriaMet: st.criteriaMet,
    value: atlas.valueOfUnit(unit),
    criteriaTotal: rows?.criteriaTotal(unit, s.year) ?? null,
    noOwnStatusYet: s.vintage === POST_REFORM && s.year < FIRST_POST_REFORM_YEAR && statusClasses[st.status] === 'no_data',
    illustrative: {
      ntm: marked(['ntm'], [s.year]),
      value: marked(indicators[s.indicator].series, yearsRead(s.indicator, s.year, s.compareYear)),
    },
  };
}

/** Details of a drawn feature: a unit, or a polygon that belongs to no single unit (2008 orphans, islands). */
export function featureDetails(atlas: AtlasFacade, feature: number): CommuneDetails | null {
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
    criteriaTotal: null,
    illustrative: { ntm: false, value: false },
    noOwnStatusYet: false,
  };
}

export function detailsByCode(atlas: AtlasFacade, code: string): CommuneDetails | null {
  const unit = atlas.units?.indexOf.get(code);
  return unit === undefined ? null : unitDetails(atlas, unit);
}
