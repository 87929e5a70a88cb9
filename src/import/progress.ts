// What an import is doing now, for the data panel's progress line: the phases of reading a file (in the worker) and
// of loading it (main thread), with the share done where it is known. Pure: the edition build runs the same
// pipeline in Node without a listener.

/**
 * read: the file's bytes read; units: waiting for the other vintage's unit list (still loading after start-up);
 * decode: text decoded or the workbook unpacked; header: the header and table found;
 * values: each row's values read; match: rows matched to units; validate: rows checked and the report built;
 * arrow: the accepted rows turned into Arrow tables; load: the tables loaded into DuckDB; save: kept in the
 * browser (IndexedDB); map: the map recoloured.
 */
export const IMPORT_PHASES = ['read', 'units', 'decode', 'header', 'values', 'match', 'validate', 'arrow', 'load', 'save', 'map'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Rows (or tables) done of all of them, for "matching 40,000 of 100,000 rows". */
export interface ProgressCount {
  done: number;
  total: number;
}

/** Told of each phase as it starts and, in long phases, as it goes (`fraction` 0..1 where known). */
export type ImportProgress = (phase: ImportPhase, fraction?: number, count?: ProgressCount) => void;

/** Reports of a loop over rows: at most this many per phase, so a 100,000-row file sends a few dozen messages. */
export const PROGRESS_REPORTS = 50;

/**
 * A counter for a loop over `total` items in `phase`: tick(i) before item i reports the share done, about
 * PROGRESS_REPORTS times in all (and once at 0). Without a listener it does nothing.
 */
export function rowProgress(progress: ImportProgress | undefined, phase: ImportPhase, total: number): (i: number) => void {
  if (!progress) return () => undefined;
  const every = Math.max(1, Math.ceil(total / PROGRESS_REPORTS));
  return (i) => {
    if (i % every === 0) progress(phase, total === 0 ? 0 : i / total, { done: i, total });
  };
}

/**
 * Passes a report on only when `ms` have gone by since the last one passed (or since the start), so a file read
 * in a blink says nothing and a long one a few times a second: each report redraws the panel.
 */
export function throttled(progress: ImportProgress, ms: number, now: () => number = () => performance.now()): ImportProgress {
  let last = now();
  return (phase, fraction, count) => {
    const t = now();
    if (t - last < ms) return;
    last = t;
    progress(phase, fraction, count);
  };
}
