// Reading codes, names and kinds off the pack's boundary features.
import type { BoundaryFeature, Level } from './types.ts';

export const codeField: Record<Level, string> = {
  province: 'province_code',
  district: 'district_code',
  commune: 'commune_code',
};

export const nameField: Record<Level, string> = {
  province: 'province_name',
  district: 'district_name',
  commune: 'commune_name',
};

export type FeatureKind = 'unit' | 'orphan_2008_polygon' | 'district_without_communes' | 'archipelago';

/** geom_method of commune-layer features that have no commune_code (README section 3). */
const specialKinds: Record<string, FeatureKind> = {
  orphan_2008_polygon: 'orphan_2008_polygon',
  district_without_communes: 'district_without_communes',
  official_district_polygon_gis_chinhphu: 'archipelago',
};

/** A property as an NFC string, or null when absent/empty. */
export function prop(feature: BoundaryFeature, key: string): string | null {
  const value = feature.properties?.[key];
  if (value === null || value === undefined || value === '') return null;
  return String(value).normalize('NFC');
}

export function featureCode(feature: BoundaryFeature, level: Level): string | null {
  return prop(feature, codeField[level]);
}

/** 'unit' for features with their own code; the special kind otherwise, or null when geom_method is unknown. */
export function featureKind(feature: BoundaryFeature, level: Level): FeatureKind | null {
  if (featureCode(feature, level) !== null) return 'unit';
  if (level !== 'commune') return null;
  return specialKinds[prop(feature, 'geom_method') ?? ''] ?? null;
}

/** Unit name, or for special features the name of their district. */
export function featureName(feature: BoundaryFeature, level: Level): string | null {
  return featureCode(feature, level) !== null ? prop(feature, nameField[level]) : prop(feature, 'district_name');
}

/** How messages refer to a feature: its code, or its index when it has none. */
export function featureLabel(feature: BoundaryFeature, level: Level, index: number): string {
  return featureCode(feature, level) ?? `feature #${index}`;
}
