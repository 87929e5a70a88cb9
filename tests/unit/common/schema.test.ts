// The one declaration of the model's tables: what the other parts look up in it.
import { describe, expect, test } from 'vitest';
import { assetColumns, importColumns, importTargets, seriesIds, seriesOfColumn, tableSpec, tablesOfSeries, TABLES, type TableName } from '../../../src/common/schema';

const tableNames = Object.keys(TABLES) as TableName[];

describe('the schema', () => {
  test('each column belongs to its series; reference tables to none', () => {
    expect(seriesOfColumn('commune_year', 'tier')).toBe('ntm');
    expect(seriesOfColumn('commune_year', 'criteria_met_count')).toBe('ntm');
    expect(seriesOfColumn('poverty_year', 'near_poor')).toBe('poverty');
    expect(seriesOfColumn('sponsorship', 'sponsor_org')).toBe('sponsorship');
    expect(seriesOfColumn('targets', 'value_num')).toBe('targets');
    expect(seriesOfColumn('unit_commune', 'commune_name')).toBeNull();
    expect(() => seriesOfColumn('commune_year', 'poor')).toThrow('commune_year.poor is not declared');
    expect(tablesOfSeries('ntm')).toEqual(['commune_year']);
    for (const s of seriesIds) expect(tablesOfSeries(s).length, s).toBeGreaterThan(0);
  });

  test('keys name declared columns; assets and imports are declared consistently', () => {
    for (const t of tableNames) {
      const spec = tableSpec(t);
      for (const k of spec.key ?? []) expect(Object.keys(spec.columns), `${t} key`).toContain(k);
      if (spec.asset) expect(spec.build, t).toBeDefined();
      if (spec.imports === 'overlay') expect(spec.key, `${t}: the view replaces sample rows by key`).toHaveLength(2);
      for (const [name, c] of Object.entries(spec.columns)) if (c.only === 'import') expect(spec.imports, `${t}.${name}`).toBe('overlay');
    }
  });

  test('asset-only and import-only columns', () => {
    expect(importColumns('sponsorship')).not.toContain('period');
    expect(assetColumns('sponsorship').map((c) => c.name)).toContain('period');
    expect(importColumns('poverty_year')).toContain('source');
    expect(assetColumns('poverty_year').map((c) => c.name)).not.toContain('source');
    expect(importTargets()).toEqual([
      { table: 'import_commune_year', shared: false },
      { table: 'import_poverty_year', shared: false },
      { table: 'sponsorship', shared: true },
      { table: 'import_dataset', shared: false },
      { table: 'import_scope', shared: false },
    ]);
  });
});
