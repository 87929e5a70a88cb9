/**
 * The tables the app works on, each filled from one Arrow IPC asset under /generated/.
 * After loading, every declared column is checked for its type, so a renamed or retyped column in an
 * asset fails loudly at start-up instead of colouring the map wrong. Codes are VARCHAR (leading zeros kept).
 */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface TableSpec {
  asset: string;
  columns: Record<string, ColumnType>;
}

const label = { label_lon: 'DOUBLE', label_lat: 'DOUBLE' } as const;

export const unitTables: Record<string, TableSpec> = {
  unit_province: {
    asset: 'units_provinces.arrow',
    columns: { province_code: 'VARCHAR', province_name: 'VARCHAR', province_type: 'VARCHAR', ...label },
  },
  unit_district: {
    asset: 'units_districts.arrow',
    columns: { district_code: 'VARCHAR', district_name: 'VARCHAR', district_type: 'VARCHAR', province_code: 'VARCHAR', ...label },
  },
  unit_commune: {
    asset: 'units_communes.arrow',
    columns: {
      commune_code: 'VARCHAR', commune_name: 'VARCHAR', commune_type: 'VARCHAR', district_code: 'VARCHAR',
      province_code: 'VARCHAR', has_polygon: 'BOOLEAN', ...label,
    },
  },
};

/** Boundary layers: geometry in geom_<layer>.bin, attributes in geom_<layer>.arrow (one row per feature). */
export const boundaryLayers = ['provinces', 'districts', 'communes', 'communes_45', 'communes_08', 'communes_83'] as const;
export type BoundaryLayer = (typeof boundaryLayers)[number];

export const boundaryColumns: Record<string, ColumnType> = {
  feature_index: 'INTEGER', code: 'VARCHAR', kind: 'VARCHAR', name: 'VARCHAR', district_code: 'VARCHAR',
  province_code: 'VARCHAR', covers_codes: 'VARCHAR', ...label,
};

/** Focus provinces drawn from their full-detail commune layer instead of the national one. */
export const focusLayerOf: Record<string, BoundaryLayer> = { '45': 'communes_45', '08': 'communes_08', '83': 'communes_83' };

/**
 * Programme tables (built by data/build.ts). Only the columns the app reads are declared. The shipped series
 * load as sample_*; commune_year and poverty_year are views that lay the user's imports over them (sql/imported.ts).
 */
export const programmeTables: Record<string, TableSpec> = {
  sample_commune_year: {
    asset: 'commune_year.arrow',
    columns: {
      commune_code: 'VARCHAR', year: 'INTEGER', criteria_set: 'VARCHAR', criteria_met_count: 'INTEGER',
      criteria_met_mask: 'INTEGER', tier: 'VARCHAR', provenance: 'VARCHAR',
    },
  },
  sample_poverty_year: {
    asset: 'poverty_year.arrow',
    columns: { unit_code: 'VARCHAR', year: 'INTEGER', households: 'INTEGER', poor: 'INTEGER', near_poor: 'INTEGER' },
  },
  criteria_sets: { asset: 'criteria_sets.arrow', columns: {} },
  criteria: { asset: 'criteria.arrow', columns: {} },
  district_recognition: { asset: 'district_recognition.arrow', columns: {} },
  sponsorship: { asset: 'sponsorship.arrow', columns: { commune_code: 'VARCHAR' } },
  targets: { asset: 'targets.arrow', columns: { province_code: 'VARCHAR' } },
  published_figures: { asset: 'published_figures.arrow', columns: { province_code: 'VARCHAR' } },
};
