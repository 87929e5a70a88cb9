/**
 * User imports live in import_* tables and are laid over the shipped series by two views, so every query of
 * the app reads commune_year / poverty_year and sees imports without knowing about them.
 * - "beside": an imported unit-year replaces the sample row of that unit-year; other sample rows stay.
 * - "replace": for the province-years an import covers, every sample row is hidden (only imported data shows).
 * Between two imports of the same unit-year, the later dataset wins.
 */
export const importSchemaSQL = [
  `CREATE TABLE IF NOT EXISTS import_dataset (dataset VARCHAR PRIMARY KEY, file VARCHAR, imported_at VARCHAR, mode VARCHAR, seq INTEGER)`,
  `CREATE TABLE IF NOT EXISTS import_scope (dataset VARCHAR, province_code VARCHAR, year INTEGER)`,
  `CREATE TABLE IF NOT EXISTS import_commune_year (dataset VARCHAR, commune_code VARCHAR, year INTEGER, criteria_set VARCHAR,
     criteria_met_count INTEGER, criteria_met_mask INTEGER, tier VARCHAR, recognised_year INTEGER, ntm_year INTEGER,
     decision_no VARCHAR, fell_back BOOLEAN, provenance VARCHAR, source VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS import_poverty_year (dataset VARCHAR, unit_code VARCHAR, unit_level VARCHAR, year INTEGER,
     households INTEGER, poor INTEGER, near_poor INTEGER, standard VARCHAR, provenance VARCHAR, source VARCHAR)`,
];

const latestImport = (table: string, key: string) => `
  SELECT i.* EXCLUDE (dataset) FROM ${table} i JOIN import_dataset d USING (dataset)
  QUALIFY row_number() OVER (PARTITION BY i.${key}, i.year ORDER BY d.seq DESC) = 1`;

const hiddenSample = (table: string, key: string) => `
  SELECT s.* FROM ${table} s
  WHERE NOT EXISTS (SELECT 1 FROM ${table.replace('sample_', 'import_')} i WHERE i.${key} = s.${key} AND i.year = s.year)
    AND NOT EXISTS (
      SELECT 1 FROM import_scope r JOIN import_dataset d USING (dataset) JOIN unit_commune u ON u.province_code = r.province_code
      WHERE d.mode = 'replace' AND r.year = s.year AND u.commune_code = s.${key})`;

/** The view that lays imports over a shipped series (commune_year over sample_commune_year, ...). */
export function importViewSQL(view: 'commune_year' | 'poverty_year'): string {
  const key = view === 'commune_year' ? 'commune_code' : 'unit_code';
  return `CREATE OR REPLACE VIEW ${view} AS ${latestImport(`import_${view}`, key)}
   UNION ALL BY NAME ${hiddenSample(`sample_${view}`, key)}`;
}

/** Sponsorships imported from a file carry their dataset, so removing the import removes them too. */
export const sponsorshipDatasetSQL = `ALTER TABLE sponsorship ADD COLUMN IF NOT EXISTS dataset VARCHAR`;
