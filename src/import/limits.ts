/**
 * What one import may be, stated in the data panel before a file is chosen and enforced before anything is
 * parsed (a file over a limit is refused with the limit named, within a second, instead of exhausting the
 * worker's memory). A 100,000-row table imports in about a second; twice that is the most one file may hold.
 */
export const IMPORT_LIMITS = {
  /** bytes of the file */
  maxBytes: 50 * 1024 * 1024,
  /** rows of the table (CSV records, sheet rows) */
  maxRows: 200_000,
  /** columns of the table */
  maxColumns: 500,
  /** bytes an XLSX may unpack to, all its parts together */
  maxUnpackedBytes: 512 * 1024 * 1024,
  /**
   * An XLSX part that unpacks to more than 100 times its packed size (and to more than 8 MB) is a "zip bomb":
   * real sheets pack 5 to 30 times.
   */
  maxPackRatio: 100,
  minBombBytes: 8 * 1024 * 1024,
  /** Above this many unpacked bytes of the sheet, the XLSX is read as a stream (the workbook is never built whole). */
  streamAboveSheetBytes: 4 * 1024 * 1024,
} as const;
