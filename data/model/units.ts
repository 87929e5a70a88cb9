/** The unit-list and facts rows the generator needs (as read by geo/lib/csv.ts: all strings, NFC). */
export interface CommuneUnit {
  commune_code: string;
  commune_name: string;
  commune_type: string; // 'Xã' | 'Phường' | 'Thị trấn'
  district_code: string;
  district_name: string;
  province_code: string;
  province_name: string;
}

export interface DistrictUnit {
  district_code: string;
  district_name: string;
  district_type: string;
  province_code: string;
  province_name: string;
}

export type CsvRow = Record<string, string>;

/** Raw rows of the four facts CSVs. */
export interface FactsInput {
  published_figures: CsvRow[];
  district_recognitions: CsvRow[];
  commune_recognitions: CsvRow[];
  sponsorships: CsvRow[];
}

export const RURAL_COMMUNE_TYPE = 'Xã';
export const FOCUS_PROVINCES = ['45', '08', '83'] as const;
