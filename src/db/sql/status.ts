import { TIERS } from '../../common/schema';

/**
 * NTM status classes. The number is what the map colours by; order is the legend order.
 * unattributed = a 2008 polygon that belongs to no single current unit (see the data pack README).
 */
export const statusClasses = ['kieu_mau', 'nang_cao', 'dat_chuan', 'chua_dat', 'no_data', 'out_of_scope', 'unattributed'] as const;
export type StatusClass = (typeof statusClasses)[number];

const tiers: readonly StatusClass[] = TIERS;

/**
 * SQL expression giving the status class index for a commune row. `u` is unit_commune (NULL when the
 * boundary feature has no unit), `y` is the commune_year row of the chosen year. Rural scope = Xã.
 */
export function statusIndexSQL(u: string, y: string): string {
  const tierCases = tiers.map((t) => `WHEN ${y}.tier = '${t}' THEN ${statusClasses.indexOf(t)}`).join(' ');
  return `CASE WHEN ${u}.commune_code IS NULL THEN ${statusClasses.indexOf('unattributed')}
    WHEN ${u}.commune_type <> 'Xã' THEN ${statusClasses.indexOf('out_of_scope')}
    ${tierCases}
    ELSE ${statusClasses.indexOf('no_data')} END`;
}
