import type { CommuneUnit, DistrictUnit } from '../model/units.ts';
import { REGION_PRIORS, regionOf, type RegionPrior } from './regions.ts';
import { Rng } from './rng.ts';

/** Province-level latent values (illustrative): NTM logit offset and the regional priors, shifted by a random effect. */
export interface ProvinceLatent {
  z: number;
  ntmLogit: number;
  prior: RegionPrior;
}

export function provinceLatent(seed: number, provinceCode: string): ProvinceLatent {
  const rng = new Rng(seed, `province:${provinceCode}`);
  const z = rng.normal();
  const prior = REGION_PRIORS[regionOf(provinceCode)];
  return { z, ntmLogit: prior.ntmOffset + 0.6 * z, prior };
}

const URBAN_DISTRICT_TYPES = new Set(['Quận', 'Thành phố', 'Thị xã']);

/**
 * "Development" of every unit of a province (higher = earlier NTM, less poverty): district effect + unit noise.
 * districtBoost adds to chosen districts (recognised NTM districts up, the published poorest district down).
 */
export function unitDevelopment(
  seed: number,
  provinceCode: string,
  units: readonly CommuneUnit[],
  districts: readonly DistrictUnit[],
  districtBoost: ReadonlyMap<string, number>,
): Map<string, number> {
  const rng = new Rng(seed, `development:${provinceCode}`);
  const districtEffect = new Map<string, number>();
  for (const d of districts) {
    const urban = URBAN_DISTRICT_TYPES.has(d.district_type) ? 0.5 : 0;
    districtEffect.set(d.district_code, 0.6 * rng.normal() + urban + (districtBoost.get(d.district_code) ?? 0));
  }
  const dev = new Map<string, number>();
  for (const u of units) {
    const typeBonus = u.commune_type === 'Phường' ? 0.8 : u.commune_type === 'Thị trấn' ? 0.5 : 0;
    dev.set(u.commune_code, (districtEffect.get(u.district_code) ?? 0) + 0.8 * rng.normal() + typeBonus);
  }
  return dev;
}
