/**
 * The tables produced by the generator and the facts loaders, as src/common/schema.ts declares them (columns,
 * types, order): every table is a plain object of equally long columns. Non-null integers are Int32Array;
 * nullable ones are (number | null)[] and become nullable Int32.
 */
import { TIERS, type AssetColumns, type DataTableName, type RowProvenance, type Tier } from '../../src/common/schema.ts';

export { TIERS, type Tier };
/** What the build writes (imports add 'imported', a province edition 'published'). */
export type Provenance = Exclude<RowProvenance, 'imported' | 'published'>;

export type CriteriaSetsTable = AssetColumns<'criteria_sets'>;
export type CriteriaTable = AssetColumns<'criteria'>;
export type CommuneYearTable = AssetColumns<'commune_year'>;
export type PovertyYearTable = AssetColumns<'poverty_year'>;
export type PublishedFiguresTable = AssetColumns<'published_figures'>;
export type DistrictRecognitionTable = AssetColumns<'district_recognition'>;
export type SponsorshipTable = AssetColumns<'sponsorship'>;
export type TargetsTable = AssetColumns<'targets'>;

export type DataTables = { [T in DataTableName]: AssetColumns<T> };

export function rowCount(table: object): number {
  const first = Object.values(table)[0] as ArrayLike<unknown> | undefined;
  return first ? first.length : 0;
}
