/**
 * What the illustrative generator is calibrated to. Entries written 'fact' are read from published_figures at run
 * time (so the data follows the facts file); plain numbers are ILLUSTRATIVE choices that make a plausible path
 * between the published points. Arrays are indexed like YEARS.
 */
import { povertyStandardOfYear } from '../../src/common/programme.ts';
export const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
export const FIRST_YEAR = YEARS[0];
export const LAST_YEAR = YEARS[YEARS.length - 1];
/** First data years in which the higher tiers are awarded. */
export const ADVANCED_FROM = 2018;
export const MODEL_FROM = 2019;
export const DEFAULT_SEED = 20250701;

export type FactOr<T> = T | 'fact';

/** Criteria-count distribution of the rural communes NOT yet NTM in the anchor year (sorted high → low into bands). */
export interface CriteriaAnchor {
  year: number;
  bands: { count: number | 'rest'; min: number; max: number }[];
  center: number; // mean the values are drawn around
  spread: number; // standard deviation of the draw
  exactMean?: number; // adjust values (within their band) so the mean is this, rounded to the nearest integer sum
}

export interface FocusCalibration {
  province_code: string;
  /** Cumulative Xã with tier ≠ chua_dat at year end; 'fact' = published communes_ntm of that year. */
  ntm: FactOr<number>[];
  /** Cumulative Xã at nang_cao or kieu_mau. */
  advanced: number[];
  /** Cumulative Xã at kieu_mau. */
  model: number[];
  anchor: CriteriaAnchor;
  /** Province poor / near-poor rate (%, all units); 'fact' = published poor_rate / near_poor_rate of that year. */
  poorRate: FactOr<number>[];
  nearPoorRate: FactOr<number>[];
  /** Published combined (poor + near-poor) rates: the total is matched exactly, split with poorShare. */
  combined?: { year: number; poorShare: number }[];
  /** A district whose published poor rate is matched exactly in one year; its share of provincial poor is kept in other years. */
  districtPoor?: { indicator: string; district_name: string; year: number };
  householdGrowth: number;
  /** Households of a typical rural commune, when the regional prior does not fit the published totals. */
  householdsMedian?: number;
}

export const FOCUS: FocusCalibration[] = [
  {
    province_code: '45', // Quảng Trị: 101 Xã
    ntm: [24, 'fact', 38, 45, 51, 54, 'fact', 63, 'fact', 72],
    advanced: [0, 0, 0, 2, 4, 6, 15, 18, 22, 26], // 2022: +9 = the nâng cao batch of commune_recognitions.csv
    model: [0, 0, 0, 0, 0, 0, 1, 2, 3, 4],
    // Published: "average 14.5 criteria" beside 69/101 NTM. Read over all 101 Xã this would need the 32 others at ~4.8
    // criteria, which contradicts "none below 12" planning; it is taken as the average of the communes not yet NTM.
    anchor: { year: 2024, bands: [{ count: 'rest', min: 12, max: 18 }, { count: 4, min: 8, max: 11 }], center: 15, spread: 2, exactMean: 14.5 },
    poorRate: [11.2, 9.9, 8.4, 7.0, 5.7, 4.9, 'fact', 'fact', 6.5, 5.3],
    nearPoorRate: [7.8, 7.4, 6.9, 6.4, 5.9, 5.5, 'fact', 'fact', 5.0, 4.6],
    districtPoor: { indicator: 'poor_rate_district_dakrong', district_name: 'Huyện Đakrông', year: 2023 },
    householdGrowth: 0.008,
    householdsMedian: 1250, // ~180,600 households over 125 units (published 2022 counts and rates)
  },
  {
    province_code: '08', // Tuyên Quang: 122 Xã
    ntm: [26, 32, 38, 43, 'fact', 'fact', 'fact', 68, 73, 79],
    advanced: [0, 0, 0, 2, 4, 8, 11, 14, 18, 22], // 2021: 7 nâng cao + 1 kiểu mẫu (published scope note)
    model: [0, 0, 0, 0, 0, 1, 1, 2, 3, 5], // 2021: Xã Thái Bình
    anchor: { year: 2025, bands: [{ count: 'rest', min: 5, max: 18 }], center: 13, spread: 2.5 },
    poorRate: [19.8, 17.4, 15.6, 14.3, 13.5, 13.3, 12.4, 10.3, 8.2, 6.1],
    nearPoorRate: [11.5, 11.2, 10.9, 10.6, 10.4, 10.15, 8.3, 7.6, 7.0, 6.4],
    combined: [{ year: 2021, poorShare: 13.3 / 23.45 }],
    householdGrowth: 0.009,
    householdsMedian: 1250, // ~220,000 households (about 800,000 people)
  },
  {
    province_code: '83', // Bến Tre: 139 Xã
    ntm: [15, 21, 'fact', 38, 52, 64, 'fact', 95, 105, 112],
    advanced: [0, 0, 0, 3, 7, 12, 20, 26, 32, 38], // 2022: 20 advanced (published scope note), no kiểu mẫu yet
    model: [0, 0, 0, 0, 0, 0, 0, 2, 4, 6],
    // Published 11/2022: 24 communes at 15-18 criteria, 38 at 10-14, none below 10 (80+24+38 = 142 > 139 Xã here):
    // the 24 are kept, the remaining 35 are put at 10-14.
    anchor: { year: 2022, bands: [{ count: 24, min: 15, max: 18 }, { count: 'rest', min: 10, max: 14 }], center: 14, spread: 2 },
    poorRate: [8.4, 6.9, 5.6, 4.5, 3.6, 2.9, 'fact', 3.35, 2.55, 1.9],
    nearPoorRate: [6.3, 5.8, 5.3, 4.8, 4.3, 3.9, 'fact', 3.9, 3.5, 3.1],
    householdGrowth: 0.006,
  },
];

/**
 * National path for the other 60 provinces (share of ALL Xã of the unit list, focus provinces included).
 * 2025 is read from the national published row (6,084 / 7,669 NTM; 2,567 advanced; 743 model; average 17.5 criteria):
 * that row counts the 2025 post-merger communes, so only the shares are matched.
 */
export const NATIONAL = {
  ntmShare: [0.37, 0.43, 0.5, 0.57, 0.64, 0.67, 0.71, 0.75, 0.775, 'fact'] as FactOr<number>[],
  advancedShare: [0, 0, 0.01, 0.03, 0.07, 0.1, 0.15, 0.22, 0.3, 'fact'] as FactOr<number>[],
  modelShare: [0, 0, 0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.07, 'fact'] as FactOr<number>[],
  householdGrowth: 0.009,
};

/** Poverty standard of a data year (the annual review at the end of that year); the rule is src/common/programme.ts. */
export function povertyStandard(year: number): string {
  const standard = povertyStandardOfYear(year);
  if (standard === null) throw new Error(`No poverty standard is declared for ${year}`);
  return standard;
}

export function yearIndex(year: number): number {
  const i = year - FIRST_YEAR;
  if (i < 0 || i >= YEARS.length) throw new Error(`Year ${year} outside ${FIRST_YEAR}-${LAST_YEAR}`);
  return i;
}
