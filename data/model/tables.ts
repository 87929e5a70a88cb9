/**
 * Column-oriented tables produced by the generator and the facts loaders.
 * Every table is a plain object of equally long columns; TABLE_SCHEMAS gives each column's Arrow type.
 * Codes are strings (leading zeros kept). Nullable integers are (number | null)[] and become nullable Int32.
 */
export type Tier = 'chua_dat' | 'dat_chuan' | 'nang_cao' | 'kieu_mau';
export const TIERS: readonly Tier[] = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];
export type Provenance = 'fact' | 'illustrative';

export interface CriteriaSetsTable {
  criteria_set_id: string[];
  decision: string[];
  decision_date: (string | null)[];
  period_from: Int32Array;
  period_to: Int32Array;
  data_years_from: (number | null)[];
  data_years_to: (number | null)[];
  n_criteria: Int32Array;
  n_indicators: (number | null)[];
  title_vi: string[];
  title_en: string[];
  note: string[];
}

export interface CriteriaTable {
  criterion_id: string[]; // `${criteria_set_id}.${number}`, e.g. 'qd318.11'
  criteria_set_id: string[];
  number: Int32Array;
  name_vi: string[];
  name_en: string[];
  group_code: (string | null)[];
  group_name_vi: (string | null)[];
  group_name_en: (string | null)[];
  name_status: string[];
}

export interface CommuneYearTable {
  commune_code: string[];
  year: Int32Array;
  criteria_set: string[]; // criteria_set_id
  criteria_met_count: Int32Array;
  criteria_met_mask: Int32Array; // bit (n-1) set = criterion n met
  tier: Tier[];
  recognised_year: (number | null)[]; // year of the decision that granted the current tier
  ntm_year: (number | null)[]; // first year recognised as meeting the NTM standard (may be < 2016)
  decision_no: (string | null)[];
  fell_back: boolean[];
  provenance: Provenance[];
  source: (string | null)[];
}

export interface PovertyYearTable {
  unit_code: string[];
  unit_level: string[]; // 'commune' (all communes, wards and towns)
  year: Int32Array;
  households: Int32Array;
  poor: Int32Array;
  near_poor: Int32Array;
  standard: string[];
  provenance: Provenance[];
}

export interface PublishedFiguresTable {
  province_code: string[];
  province_name: string[];
  ref_date: string[];
  year: Int32Array;
  indicator: string[];
  value: string[];
  value_num: (number | null)[]; // null when the value is a range
  value_min: (number | null)[];
  value_max: (number | null)[];
  unit: string[];
  scope_note: string[];
  source: string[];
}

export interface DistrictRecognitionTable {
  province_code: string[];
  district_code: string[];
  district_name: string[]; // as in the facts file
  district_name_official: string[]; // as in the unit list
  level: string[]; // huyen_ntm | hoan_thanh_nhiem_vu
  year: Int32Array;
  decision: (string | null)[];
  source: string[];
}

export interface SponsorshipTable {
  sponsor_id: string[];
  sponsor_org: string[];
  sponsor_short: string[];
  province_code: string[];
  commune_code: string[];
  commune_name: string[];
  district_name: string[];
  period: string[];
  from_year: Int32Array;
  to_year: Int32Array;
  basis: string[];
  source: string[];
}

export interface TargetsTable {
  target_id: string[];
  province_code: string[];
  province_name: string[];
  target_year: Int32Array;
  indicator: string[];
  value: string[];
  value_num: (number | null)[];
  value_min: (number | null)[];
  value_max: (number | null)[];
  unit: string[];
  note: string[];
  source: string[];
}

export interface DataTables {
  criteria_sets: CriteriaSetsTable;
  criteria: CriteriaTable;
  commune_year: CommuneYearTable;
  poverty_year: PovertyYearTable;
  district_recognition: DistrictRecognitionTable;
  sponsorship: SponsorshipTable;
  targets: TargetsTable;
  published_figures: PublishedFiguresTable;
}

export type ArrowColumnType = 'utf8' | 'int32' | 'int32_nullable' | 'float64_nullable' | 'bool';
type Schema<T> = { [K in keyof T]: ArrowColumnType };

export const TABLE_SCHEMAS: { [K in keyof DataTables]: Schema<DataTables[K]> } = {
  criteria_sets: {
    criteria_set_id: 'utf8', decision: 'utf8', decision_date: 'utf8', period_from: 'int32', period_to: 'int32',
    data_years_from: 'int32_nullable', data_years_to: 'int32_nullable', n_criteria: 'int32', n_indicators: 'int32_nullable',
    title_vi: 'utf8', title_en: 'utf8', note: 'utf8',
  },
  criteria: {
    criterion_id: 'utf8', criteria_set_id: 'utf8', number: 'int32', name_vi: 'utf8', name_en: 'utf8',
    group_code: 'utf8', group_name_vi: 'utf8', group_name_en: 'utf8', name_status: 'utf8',
  },
  commune_year: {
    commune_code: 'utf8', year: 'int32', criteria_set: 'utf8', criteria_met_count: 'int32', criteria_met_mask: 'int32',
    tier: 'utf8', recognised_year: 'int32_nullable', ntm_year: 'int32_nullable', decision_no: 'utf8', fell_back: 'bool',
    provenance: 'utf8', source: 'utf8',
  },
  poverty_year: {
    unit_code: 'utf8', unit_level: 'utf8', year: 'int32', households: 'int32', poor: 'int32', near_poor: 'int32',
    standard: 'utf8', provenance: 'utf8',
  },
  district_recognition: {
    province_code: 'utf8', district_code: 'utf8', district_name: 'utf8', district_name_official: 'utf8', level: 'utf8',
    year: 'int32', decision: 'utf8', source: 'utf8',
  },
  sponsorship: {
    sponsor_id: 'utf8', sponsor_org: 'utf8', sponsor_short: 'utf8', province_code: 'utf8', commune_code: 'utf8',
    commune_name: 'utf8', district_name: 'utf8', period: 'utf8', from_year: 'int32', to_year: 'int32', basis: 'utf8', source: 'utf8',
  },
  targets: {
    target_id: 'utf8', province_code: 'utf8', province_name: 'utf8', target_year: 'int32', indicator: 'utf8', value: 'utf8',
    value_num: 'float64_nullable', value_min: 'float64_nullable', value_max: 'float64_nullable', unit: 'utf8', note: 'utf8', source: 'utf8',
  },
  published_figures: {
    province_code: 'utf8', province_name: 'utf8', ref_date: 'utf8', year: 'int32', indicator: 'utf8', value: 'utf8',
    value_num: 'float64_nullable', value_min: 'float64_nullable', value_max: 'float64_nullable', unit: 'utf8', scope_note: 'utf8', source: 'utf8',
  },
};

export function rowCount(table: object): number {
  const first = Object.values(table)[0] as ArrayLike<unknown> | undefined;
  return first ? first.length : 0;
}
