/**
 * Coarse regional priors for provinces without published figures (ILLUSTRATIVE, not facts):
 * NTM progress offset (logit scale) and the 2016 poverty rate (QĐ 59 standard, %) by socio-economic region.
 */
export type Region =
  | 'red_river_delta'
  | 'northern_highlands'
  | 'northern_midlands'
  | 'north_central_coast'
  | 'central_highlands'
  | 'south_east'
  | 'mekong_delta';

const REGION_OF: Record<Region, string[]> = {
  red_river_delta: ['01', '22', '26', '27', '30', '31', '33', '34', '35', '36', '37'],
  northern_highlands: ['02', '04', '06', '10', '11', '12', '14'],
  northern_midlands: ['08', '15', '17', '19', '20', '24', '25'],
  north_central_coast: ['38', '40', '42', '44', '45', '46', '48', '49', '51', '52', '54', '56', '58', '60'],
  central_highlands: ['62', '64', '66', '67', '68'],
  south_east: ['70', '72', '74', '75', '77', '79'],
  mekong_delta: ['80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'],
};

export interface RegionPrior {
  ntmOffset: number; // added to the logit of the province's share of communes NTM
  poorRate2016: number; // %, QĐ 59 standard
  householdsMedian: number; // households of a typical rural commune
}

export const REGION_PRIORS: Record<Region, RegionPrior> = {
  red_river_delta: { ntmOffset: 1.8, poorRate2016: 3.5, householdsMedian: 2300 },
  northern_highlands: { ntmOffset: -2.0, poorRate2016: 28, householdsMedian: 1100 },
  northern_midlands: { ntmOffset: -0.5, poorRate2016: 12, householdsMedian: 1500 },
  north_central_coast: { ntmOffset: 0.2, poorRate2016: 9, householdsMedian: 1600 },
  central_highlands: { ntmOffset: -0.7, poorRate2016: 11, householdsMedian: 1700 },
  south_east: { ntmOffset: 1.3, poorRate2016: 1.2, householdsMedian: 2600 },
  mekong_delta: { ntmOffset: 0.4, poorRate2016: 6.5, householdsMedian: 2400 },
};

export function regionOf(provinceCode: string): Region {
  for (const [region, codes] of Object.entries(REGION_OF)) if (codes.includes(provinceCode)) return region as Region;
  throw new Error(`Province ${provinceCode} has no region prior`);
}
