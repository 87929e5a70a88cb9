/**
 * Resolutions: the choices a person made in the import's fix-up list (the unit of an ambiguous or unmatched row,
 * a row left out, the version kept of a unit-year given twice), as a file that settles the same rows again: in
 * another browser, or when a province edition is built from the same files (edition/). Each choice names the row
 * and how the file wrote it, so a choice is never applied to a row that has changed. Pure: runs in the worker,
 * the app and Node.
 */
import type { ImportedRow, ImportResult } from './types';
import { keepDuplicate, resolve, type UnitIndex } from './match';
import { bucketOf } from './report';

export const RESOLUTIONS_FORMAT = 'ntm-atlas-resolutions';
export const RESOLUTIONS_VERSION = 1;

/** How a row named its unit and year in the file: a choice applies only to a row written the same way. */
export interface WrittenRow {
  code: string | null;
  name: string | null;
  district: string | null;
  year: number | null;
}

/** The unit chosen for a row (null: the row is left out). */
export interface UnitChoice {
  row: number;
  written: WrittenRow;
  unit: string | null;
}

/** Of rows giving one unit-year with different figures, the row kept (null: none of them). */
export interface VersionChoice {
  /** the versions, in file order */
  rows: number[];
  keep: number | null;
  unit: string;
  year: number | null;
}

export interface FileResolutions {
  file: string;
  sheet: string | null;
  units: UnitChoice[];
  versions: VersionChoice[];
}

export interface ResolutionsDocument {
  format: typeof RESOLUTIONS_FORMAT;
  version: typeof RESOLUTIONS_VERSION;
  files: FileResolutions[];
}

const written = (r: ImportedRow): WrittenRow => ({
  code: r.values.commune_code,
  name: r.values.commune_name,
  district: r.values.district_name ?? r.groupHeading,
  year: r.values.year,
});
const sameWriting = (a: WrittenRow, b: WrittenRow) => a.code === b.code && a.name === b.name && a.district === b.district && a.year === b.year;
const has = (r: ImportedRow, code: string) => r.messages.some((m) => m.code === code);

/** The choices made so far on a result (what the fix-up list shows as settled). */
export function resolutionsOf(result: Pick<ImportResult, 'file' | 'sheet' | 'rows'>): FileResolutions {
  const units: UnitChoice[] = [];
  const kept = new Map<number, number[]>();
  const dropped = new Set<number>();
  for (const r of result.rows) {
    if (r.match === 'manual') units.push({ row: r.sourceRow, written: written(r), unit: r.commune_code });
    else if (r.match === 'excluded' && has(r, 'excluded_manually')) units.push({ row: r.sourceRow, written: written(r), unit: null });
    else if (r.match === 'excluded' && r.duplicateOf === null) {
      const m = r.messages.find((x) => x.code === 'duplicate_dropped');
      const keep = m?.message.params?.kept;
      if (typeof keep === 'number') {
        kept.set(keep, [...(kept.get(keep) ?? []), r.sourceRow]);
        dropped.add(r.sourceRow);
      }
    }
  }
  const byRow = new Map(result.rows.map((r) => [r.sourceRow, r]));
  const versions: VersionChoice[] = [...kept].map(([keep, others]) => {
    const k = byRow.get(keep);
    return { rows: [keep, ...others].sort((a, b) => a - b), keep, unit: k?.commune_code ?? '', year: k?.values.year ?? null };
  });
  return { file: result.file, sheet: result.sheet, units: units.filter((u) => !dropped.has(u.row)), versions };
}

/** One file's resolutions as a document to save (the fix-up list's export). */
export const resolutionsDocument = (files: FileResolutions[]): ResolutionsDocument => ({ format: RESOLUTIONS_FORMAT, version: RESOLUTIONS_VERSION, files });

/** Rows that wait for a person's choice: ambiguous, unmatched, or one version of a unit-year given differently. */
export const waitingRows = (result: Pick<ImportResult, 'rows'>): ImportedRow[] =>
  result.rows.filter((r) => {
    const b = bucketOf(r);
    return b === 'ambiguous' || b === 'unmatched' || b === 'conflict';
  });

export interface Applied {
  result: ImportResult;
  /** choices applied */
  applied: number;
  /** choices whose row is no longer written as when the choice was made (not applied) */
  stale: { row: number; written: WrittenRow }[];
}

/**
 * Applies a file's resolutions to a freshly read result. A choice goes to its row when the row is written as it
 * was; otherwise to the one row still waiting that is written so; otherwise it is stale (reported, not applied).
 * Unit choices go first (a chosen unit can make a row conflict with another), then the versions kept; rows left
 * out that are versions of one unit-year leave the whole set out (as "keep none" did).
 */
export function applyResolutions(result: ImportResult, res: FileResolutions, units: UnitIndex): Applied {
  let current = result;
  let applied = 0;
  const stale: Applied['stale'] = [];
  const rowOf = (n: number) => current.rows.find((r) => r.sourceRow === n);
  /** The row a choice is for: its own, if written the same; else the one waiting row written so. */
  const target = (row: number, w: WrittenRow): ImportedRow | null => {
    const own = rowOf(row);
    if (own && sameWriting(written(own), w)) return own;
    const alike = waitingRows(current).filter((r) => sameWriting(written(r), w));
    return alike.length === 1 ? alike[0] : null;
  };
  const leftOut: ImportedRow[] = [];
  for (const c of res.units) {
    const r = target(c.row, c.written);
    if (!r) {
      stale.push({ row: c.row, written: c.written });
      continue;
    }
    if (c.unit === null && r.conflictWith) {
      leftOut.push(r); // one version of a unit-year: settled with its set below
      continue;
    }
    if (c.unit !== null && !units.byCode.has(c.unit)) {
      stale.push({ row: c.row, written: c.written });
      continue;
    }
    current = resolve(current, r.sourceRow, c.unit, units);
    applied++;
  }
  for (const v of res.versions) {
    const k = v.keep === null ? null : rowOf(v.keep);
    if (!k || !k.conflictWith || k.commune_code !== v.unit || k.values.year !== v.year) {
      stale.push({ row: v.keep ?? v.rows[0], written: { code: v.unit, name: null, district: null, year: v.year } });
      continue;
    }
    current = keepDuplicate(current, [k.sourceRow, ...k.conflictWith], k.sourceRow);
    applied++;
  }
  // "keep none": every version of a set was left out
  const out = new Set(leftOut.map((r) => r.sourceRow));
  const settled = new Set<number>();
  for (const r of leftOut) {
    const now = rowOf(r.sourceRow);
    if (!now?.conflictWith || settled.has(r.sourceRow)) continue;
    const set = [now.sourceRow, ...now.conflictWith];
    set.forEach((n) => settled.add(n));
    if (set.every((n) => out.has(n))) {
      current = keepDuplicate(current, set, null);
      applied += set.length;
    } else for (const n of set.filter((x) => out.has(x))) stale.push({ row: n, written: written(rowOf(n)!) });
  }
  return { result: current, applied, stale };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isRow = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';
const isYear = (v: unknown) => v === null || Number.isInteger(v);
const isWritten = (w: unknown) => isObj(w) && isStrOrNull(w.code) && isStrOrNull(w.name) && isStrOrNull(w.district) && isYear(w.year);

/** Why a resolutions file could not be read, or its contents. */
export type ParsedResolutions = { ok: true; document: ResolutionsDocument } | { ok: false; reason: 'not_json' | 'not_resolutions' | 'newer' | 'damaged'; version?: number };

/** Reads a resolutions file (JSON): says what is wrong instead of throwing. */
export function parseResolutions(text: string): ParsedResolutions {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (!isObj(raw) || raw.format !== RESOLUTIONS_FORMAT) return { ok: false, reason: 'not_resolutions' };
  if (typeof raw.version !== 'number' || raw.version > RESOLUTIONS_VERSION) return { ok: false, reason: 'newer', version: Number(raw.version) };
  const files = raw.files;
  const valid =
    Array.isArray(files) &&
    files.every(
      (f) =>
        isObj(f) &&
        typeof f.file === 'string' &&
        isStrOrNull(f.sheet ?? null) &&
        Array.isArray(f.units) &&
        f.units.every((u) => isObj(u) && isRow(u.row) && isWritten(u.written) && isStrOrNull(u.unit)) &&
        Array.isArray(f.versions) &&
        f.versions.every((v) => isObj(v) && Array.isArray(v.rows) && v.rows.every(isRow) && (v.keep === null || isRow(v.keep)) && typeof v.unit === 'string' && isYear(v.year)),
    );
  if (!valid) return { ok: false, reason: 'damaged' };
  return { ok: true, document: raw as unknown as ResolutionsDocument };
}

/** The resolutions of a file (by its name, and its sheet where given), merged over every document. */
export function resolutionsFor(documents: readonly ResolutionsDocument[], file: string, sheet: string | null): FileResolutions | null {
  const all = documents.flatMap((d) => d.files).filter((f) => f.file === file && (f.sheet === null || sheet === null || f.sheet === sheet));
  if (all.length === 0) return null;
  return { file, sheet, units: all.flatMap((f) => f.units), versions: all.flatMap((f) => f.versions) };
}
