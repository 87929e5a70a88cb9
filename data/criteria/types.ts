/** A versioned NTM criteria set (Bộ tiêu chí quốc gia về xã nông thôn mới) and its criteria. */
export interface CriteriaGroup {
  code: string; // roman numeral of the decision's appendix, e.g. 'II'
  name_vi: string;
  name_en: string;
}

export interface CriterionDef {
  number: number; // 1..n, as numbered in the decision
  name_vi: string;
  name_en: string;
  group: string | null; // CriteriaGroup.code, null where unknown
  /** 'brief' = name given in the project brief (docs/domain.md); 'to_verify' = not checked against the decision text. */
  name_status: 'brief' | 'to_verify';
}

export interface CriteriaSetDef {
  id: string; // stable ASCII id; criterion ids are `${id}.${number}`
  decision: string;
  decision_date: string | null; // ISO date, null where not verified
  period_from: number;
  period_to: number;
  /** Years of the illustrative commune_year table assessed against this set (null = not used there). */
  data_years_from: number | null;
  data_years_to: number | null;
  n_indicators: number | null;
  title_vi: string;
  title_en: string;
  note: string;
  groups: CriteriaGroup[];
  criteria: CriterionDef[];
}
