// Shapes shared by the geo build steps. Unit rows are the CSV columns as strings (codes keep leading zeros).

export type Position = readonly number[];
export type PolygonCoords = readonly (readonly Position[])[];

export type PolygonalGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: PolygonCoords }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly PolygonCoords[] };

/** Properties of the pack's boundary GeoJSON; which ones are present depends on the layer. */
export type FeatureProps = Readonly<Record<string, string | number | null | undefined>>;

export interface BoundaryFeature {
  readonly type?: string;
  readonly properties: FeatureProps | null;
  readonly geometry: { readonly type: string; readonly coordinates: unknown } | null;
}

export type Level = 'province' | 'district' | 'commune';

export interface BoundaryLayer {
  /** Output name: geom_<name>.arrow / .bin */
  readonly name: string;
  /** Path relative to the data pack; used in messages and the manifest. */
  readonly file: string;
  readonly level: Level;
  /** Focus layers hold one province only. */
  readonly provinceCode?: string;
  readonly features: readonly BoundaryFeature[];
}

export type Row = Readonly<Record<string, string>>;

export interface UnitLists {
  readonly provinces: readonly Row[];
  readonly districts: readonly Row[];
  readonly communes: readonly Row[];
  /** Paths relative to the data pack, for messages. */
  readonly files: { readonly provinces: string; readonly districts: string; readonly communes: string };
}

export interface Issue {
  readonly level: 'error' | 'warning';
  readonly file: string;
  /** Unit code, or "feature #i" for features without one. */
  readonly code: string;
  readonly problem: string;
}

export function formatIssue(issue: Issue): string {
  return `${issue.file}: ${issue.code}: ${issue.problem}`;
}
