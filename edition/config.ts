/**
 * Which edition a build makes, and of what: `NTM_EDITION=/path` (a folder holding edition.json, or the settings
 * file itself), else an `edition.config.json` at the repository root naming the folder (and any settings), else
 * none (the sample site). `NTM_EDITION=off` builds the sample site even where a config file exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { IMPORT_MODES, type ImportMode } from '../src/common/schema';
import { msg, type Message } from '../src/i18n/message';

/** One file of the edition, with what a person would choose in the import panel for it. */
export interface EditionFileSpec {
  /** absolute path */
  path: string;
  /** the file's name as the report, the rows' sources and the resolutions name it */
  name: string;
  /** the year for a file that gives none (the import panel's year box) */
  year?: number;
  /** the province the rows are matched in (code or name); default: the edition's */
  province?: string;
  /** the sheet of a workbook (default: the first with content) */
  sheet?: string;
}

export interface EditionConfig {
  /** the folder of the office's files */
  folder: string;
  name: string;
  office: string;
  dataDate: string;
  mode: ImportMode;
  sample: boolean;
  province?: string;
  year?: number;
  files: EditionFileSpec[];
  /** resolutions files (exported from the app's fix-up list), absolute paths */
  resolutions: string[];
}

/** A configuration that cannot be used: the build stops with the message (in the catalogue's words). */
export class EditionConfigError extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
  }
}

export const CONFIG_FILE = 'edition.config.json';
export const SETTINGS_FILE = 'edition.json';
const TABLE_FILE = /\.(csv|tsv|xlsx)$/i;
const RESOLUTIONS_FILE = /(^|\.)resolutions\.json$/i;
/** The words a person may use for the two import modes ("over" the sample is the panel's "beside"). */
const MODE_WORDS: Record<string, ImportMode> = { beside: 'beside', over: 'beside', replace: 'replace' };

function readJson(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new EditionConfigError(msg('edition.config.unreadable', { path, detail: e instanceof Error ? e.message : String(e) }));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EditionConfigError(msg('edition.config.unreadable', { path, detail: 'not an object' }));
  return value as Record<string, unknown>;
}

/** The settings and folder NTM_EDITION or the config file point at; null: no edition. */
function locate(root: string, env: NodeJS.ProcessEnv): { folder: string; settings: Record<string, unknown>; from: string } | null {
  const named = env.NTM_EDITION?.trim();
  if (named !== undefined && named !== '') {
    if (/^(off|none|0|false)$/i.test(named)) return null;
    const path = resolve(root, named);
    if (!existsSync(path)) throw new EditionConfigError(msg('edition.config.missing', { path }));
    if (statSync(path).isDirectory()) {
      const file = join(path, SETTINGS_FILE);
      return { folder: path, settings: existsSync(file) ? readJson(file) : {}, from: existsSync(file) ? file : path };
    }
    const settings = readJson(path);
    const folder = typeof settings.folder === 'string' ? resolve(dirname(path), settings.folder) : dirname(path);
    return { folder, settings, from: path };
  }
  const config = join(root, CONFIG_FILE);
  if (!existsSync(config)) return null;
  const settings = readJson(config);
  if (typeof settings.folder !== 'string') throw new EditionConfigError(msg('edition.config.noFolder', { path: config }));
  const folder = resolve(root, settings.folder);
  const inFolder = join(folder, SETTINGS_FILE);
  // the folder's own settings, overridden by what the config file says
  return { folder, settings: { ...(existsSync(inFolder) ? readJson(inFolder) : {}), ...settings }, from: config };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const year = (v: unknown) => (Number.isInteger(v) ? (v as number) : typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? Number(v) : undefined);

/** The edition this build makes, read and checked; null when none is asked for. */
export function findEdition(root: string, env: NodeJS.ProcessEnv = process.env): EditionConfig | null {
  const found = locate(root, env);
  if (!found) return null;
  const { folder, settings, from } = found;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new EditionConfigError(msg('edition.config.missing', { path: folder }));
  const required = (key: 'name' | 'office' | 'dataDate') => {
    const v = text(settings[key]);
    if (!v) throw new EditionConfigError(msg('edition.config.required', { key, path: from }));
    return v;
  };
  const modeWord = text(settings.mode) ?? 'beside';
  const mode = MODE_WORDS[modeWord.toLowerCase()];
  if (!mode) throw new EditionConfigError(msg('edition.config.mode', { value: modeWord, modes: [...IMPORT_MODES, 'over'].join(', ') }));
  if (settings.sample !== undefined && typeof settings.sample !== 'boolean') throw new EditionConfigError(msg('edition.config.sample', { path: from }));
  const fileOf = (entry: unknown): EditionFileSpec => {
    const spec = typeof entry === 'string' ? { file: entry } : (entry as Record<string, unknown> | null);
    const file = text(spec?.file);
    if (!spec || !file) throw new EditionConfigError(msg('edition.config.fileEntry', { path: from }));
    const path = isAbsolute(file) ? file : join(folder, file);
    if (!existsSync(path)) throw new EditionConfigError(msg('edition.config.missing', { path }));
    return { path, name: basename(path), year: year(spec.year), province: text(spec.province), sheet: text(spec.sheet) };
  };
  const listed = Array.isArray(settings.files) ? settings.files.map(fileOf) : null;
  // without a list: every table file of the folder, in name order
  const files = listed ?? readdirSync(folder).filter((f) => TABLE_FILE.test(f)).sort().map(fileOf);
  if (files.length === 0) throw new EditionConfigError(msg('edition.config.noFiles', { path: folder }));
  const named = settings.resolutions;
  const resolutions = (named === undefined ? readdirSync(folder).filter((f) => RESOLUTIONS_FILE.test(f)).sort() : Array.isArray(named) ? named : [named]).map((f) => {
    if (typeof f !== 'string') throw new EditionConfigError(msg('edition.config.fileEntry', { path: from }));
    const path = isAbsolute(f) ? f : join(folder, f);
    if (!existsSync(path)) throw new EditionConfigError(msg('edition.config.missing', { path }));
    return path;
  });
  return {
    folder,
    name: required('name'),
    office: required('office'),
    dataDate: required('dataDate'),
    mode,
    sample: settings.sample !== false,
    province: text(settings.province),
    year: year(settings.year),
    files,
    resolutions,
  };
}
