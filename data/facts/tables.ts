import type {
  DistrictRecognitionTable, PublishedFiguresTable, SponsorshipTable, TargetsTable,
} from '../model/tables.ts';
import type { Facts } from './parse.ts';
import { noteTargets, targetId } from './target-notes.ts';

const i32 = (xs: number[]): Int32Array => Int32Array.from(xs);

export function publishedFiguresTable(f: Facts): PublishedFiguresTable {
  const p = f.published;
  return {
    province_code: p.map((r) => r.province_code), province_name: p.map((r) => r.province_name), ref_date: p.map((r) => r.ref_date),
    year: i32(p.map((r) => r.year)), indicator: p.map((r) => r.indicator), value: p.map((r) => r.value),
    value_num: p.map((r) => r.value_num), value_min: p.map((r) => r.value_min), value_max: p.map((r) => r.value_max),
    unit: p.map((r) => r.unit), scope_note: p.map((r) => r.scope_note), source: p.map((r) => r.source),
  };
}

export function districtRecognitionTable(f: Facts): DistrictRecognitionTable {
  const d = f.districtRecognitions;
  return {
    province_code: d.map((r) => r.province_code), district_code: d.map((r) => r.district_code),
    district_name: d.map((r) => r.district_name), district_name_official: d.map((r) => r.district_name_official),
    level: d.map((r) => r.level), year: i32(d.map((r) => r.year)), decision: d.map((r) => r.decision), source: d.map((r) => r.source),
  };
}

export function sponsorshipTable(f: Facts): SponsorshipTable {
  const s = f.sponsorships;
  return {
    sponsor_id: s.map((r) => r.sponsor_id), sponsor_org: s.map((r) => r.sponsor_org), sponsor_short: s.map((r) => r.sponsor_short),
    province_code: s.map((r) => r.province_code), commune_code: s.map((r) => r.commune_code), commune_name: s.map((r) => r.commune_name),
    district_name: s.map((r) => r.district_name), period: s.map((r) => r.period), from_year: i32(s.map((r) => r.from_year)),
    to_year: i32(s.map((r) => r.to_year)), basis: s.map((r) => r.basis), source: s.map((r) => r.source),
  };
}

/**
 * Targets = published_figures rows whose indicator starts with 'target_', then the sub-targets their notes state
 * (target-notes.ts, each with its parent's id). Users add their own in the app (user_targets).
 */
export function targetsTable(f: Facts): TargetsTable {
  const t = [...f.published.filter((r) => r.indicator.startsWith('target_')).map((r) => ({ ...r, parent_id: null as string | null })), ...noteTargets(f.published)];
  return {
    target_id: t.map((r) => targetId(r.province_code, r.year, r.indicator)),
    province_code: t.map((r) => r.province_code), province_name: t.map((r) => r.province_name), target_year: i32(t.map((r) => r.year)),
    indicator: t.map((r) => r.indicator), value: t.map((r) => r.value), value_num: t.map((r) => r.value_num),
    value_min: t.map((r) => r.value_min), value_max: t.map((r) => r.value_max), unit: t.map((r) => r.unit),
    note: t.map((r) => r.scope_note), source: t.map((r) => r.source), parent_id: t.map((r) => r.parent_id),
  };
}
