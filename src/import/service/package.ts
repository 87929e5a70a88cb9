/**
 * Data packages: everything imported in this browser (each dataset's rows as the Arrow streams it is stored as,
 * which carry its NTM figures, poverty counts and sponsorships; the choices made in its fix-up list), the targets
 * entered in the scorecard and the slides, as one file to hand on. Opened in another browser, it gives the same data and so the same map and tables.
 *
 * The file is JSON: { format, version, id, checksum, payload }. The checksum is SHA-256 over the payload's JSON
 * text; the id is its first 12 hex digits (what links name). A file that is not a package, whose checksum does not
 * match (damaged, cut short, edited), or that a newer version wrote, is refused before anything changes.
 */
import { msg, type Message } from '../../i18n/message';
import { IMPORT_MODES } from '../../common/schema';
import { parseDeck, type SlideDeck } from '../../present/slides';
import type { FileResolutions } from '../resolutions';
import { importTableNames, type ImportTableName } from './import-rows';
import type { ImportService, StoredDataset } from './imports';
import type { UserTargetRow } from '../../db/sql/targets';

export const PACKAGE_FORMAT = 'ntm-atlas-package';
export const PACKAGE_VERSION = 1;
export const PACKAGE_EXTENSION = 'ntmpkg';
export const PACKAGE_MIME = 'application/json';

/** A stored dataset in a package: its Arrow streams as base64. */
interface PackagedDataset extends Omit<StoredDataset, 'arrow' | 'version'> {
  arrow: Record<ImportTableName, string | null>;
}

export interface PackagePayload {
  createdAt: string;
  /** the edition the package was made on (its datasets lie over that edition's data), or null */
  edition: string | null;
  datasets: PackagedDataset[];
  /** targets entered in the scorecard (src/app/user-targets.ts) */
  targets: UserTargetRow[];
  /** the slide deck (src/present/slides.ts), or null when there is none */
  slides: SlideDeck | null;
}

export interface PackageFile {
  format: typeof PACKAGE_FORMAT;
  version: number;
  id: string;
  checksum: string;
  payload: PackagePayload;
}

/** A package read and checked: its datasets ready to adopt, its slides. */
export interface OpenedPackage {
  id: string;
  edition: string | null;
  createdAt: string;
  datasets: StoredDataset[];
  targets: UserTargetRow[];
  slides: SlideDeck | null;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const packaged = (d: StoredDataset): PackagedDataset => {
  const { arrow, version: _version, ...rest } = d;
  return { ...rest, arrow: Object.fromEntries(importTableNames.map((n) => [n, arrow[n] ? toBase64(arrow[n]!) : null])) as PackagedDataset['arrow'] };
};

/** What a package holds, as this browser keeps it. */
export interface PackageContents {
  datasets: readonly StoredDataset[];
  targets: readonly UserTargetRow[];
  slides: SlideDeck | null;
  /** the site's edition (src/common/edition.ts), or null */
  edition: string | null;
}

/** The package of these datasets, targets and slides, as the bytes of its file, with its id. */
export async function makePackage(c: PackageContents, now = new Date()): Promise<{ id: string; bytes: Uint8Array }> {
  const slides = c.slides && c.slides.slides.length > 0 ? c.slides : null;
  const payload: PackagePayload = { createdAt: now.toISOString(), edition: c.edition, datasets: c.datasets.map(packaged), targets: [...c.targets], slides };
  const text = JSON.stringify(payload);
  const checksum = await sha256(text);
  const id = checksum.slice(0, 12);
  // the payload is written as the very text the checksum was computed over
  const file = `{"format":${JSON.stringify(PACKAGE_FORMAT)},"version":${PACKAGE_VERSION},"id":"${id}","checksum":"sha256:${checksum}","payload":${text}}`;
  return { id, bytes: new TextEncoder().encode(file) };
}

export type ReadPackage = { ok: true; package: OpenedPackage } | { ok: false; reason: Message };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function datasetOf(d: unknown): StoredDataset | null {
  if (!isObj(d) || !isStr(d.id) || !/^[\w:.-]{1,80}$/.test(d.id) || !isStr(d.file) || !isStr(d.importedAt) || !isCount(d.seq)) return null;
  if (!(IMPORT_MODES as readonly unknown[]).includes(d.mode) || !isObj(d.counts) || !isObj(d.arrow)) return null;
  const arrow = {} as StoredDataset['arrow'];
  const counts = {} as StoredDataset['counts'];
  for (const n of importTableNames) {
    const a = d.arrow[n];
    const c = d.counts[n];
    if (!(a === null || isStr(a)) || !isCount(c)) return null;
    arrow[n] = a === null ? null : fromBase64(a);
    counts[n] = c as number;
  }
  return {
    version: 2,
    id: d.id,
    file: d.file,
    importedAt: d.importedAt,
    mode: d.mode as StoredDataset['mode'],
    seq: d.seq as number,
    counts,
    skipped: Array.isArray(d.skipped) ? (d.skipped as StoredDataset['skipped']) : [],
    rows: isCount(d.rows) ? (d.rows as number) : undefined,
    resolutions: isObj(d.resolutions) ? (d.resolutions as unknown as FileResolutions) : undefined,
    arrow,
  };
}

const TARGET_TEXT = ['target_id', 'province_code', 'province_name', 'indicator', 'value', 'unit', 'note', 'source', 'entered_at'] as const;
const TARGET_NUMBER = ['value_num', 'value_min', 'value_max'] as const;
const isTarget = (t: unknown): t is UserTargetRow =>
  isObj(t) &&
  TARGET_TEXT.every((k) => isStr(t[k])) &&
  TARGET_NUMBER.every((k) => t[k] === null || typeof t[k] === 'number') &&
  Number.isInteger(t.target_year) &&
  (t.parent_id === null || isStr(t.parent_id));

/** The payload's text as written: between `"payload":` and the file's closing brace. */
function payloadText(text: string): string | null {
  const at = text.indexOf('"payload":');
  const end = text.trimEnd().lastIndexOf('}');
  return at < 0 || end < at ? null : text.slice(at + '"payload":'.length, end);
}

/** Reads and checks a package file; refused with the reason in the catalogue's words. Changes nothing. */
export async function readPackage(bytes: Uint8Array): Promise<ReadPackage> {
  const refuse = (key: 'not_package' | 'damaged' | 'newer' | 'unreadable', params?: Record<string, string | number>): ReadPackage => ({ ok: false, reason: msg(`dataPackage.reason.${key}`, params) });
  let text: string;
  let file: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    file = JSON.parse(text);
  } catch {
    // not text or not JSON: a package cut short or changed, or another kind of file
    return refuse(bytes.length > 0 && bytes[0] === 0x7b ? 'damaged' : 'not_package');
  }
  if (!isObj(file) || file.format !== PACKAGE_FORMAT) return refuse('not_package');
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return refuse('damaged');
  if (file.version > PACKAGE_VERSION) return refuse('newer', { version: file.version, supported: PACKAGE_VERSION });
  const written = payloadText(text);
  if (!isStr(file.checksum) || written === null || file.checksum !== `sha256:${await sha256(written)}`) return refuse('damaged');
  const p = file.payload;
  if (!isObj(p) || !isStr(p.createdAt) || !(p.edition === null || isStr(p.edition)) || !Array.isArray(p.datasets)) return refuse('damaged');
  let datasets: StoredDataset[];
  try {
    datasets = p.datasets.map((d) => {
      const one = datasetOf(d);
      if (!one) throw new Error('dataset');
      return one;
    });
  } catch {
    return refuse('damaged');
  }
  const targets = p.targets ?? [];
  if (!Array.isArray(targets) || !targets.every(isTarget)) return refuse('damaged');
  let slides: SlideDeck | null = null;
  if (p.slides !== null && p.slides !== undefined) {
    const deck = parseDeck(JSON.stringify(p.slides));
    if (!deck.ok) return refuse('damaged');
    slides = deck.deck;
  }
  return { ok: true, package: { id: String(file.id), edition: p.edition, createdAt: p.createdAt, datasets, targets, slides } };
}

/** The slides of a package added to a deck: slides already there (same id) are not added twice. */
export function mergeSlides(current: SlideDeck, incoming: SlideDeck | null): { deck: SlideDeck; added: number } {
  if (!incoming) return { deck: current, added: 0 };
  const have = new Set(current.slides.map((s) => s.id));
  const added = incoming.slides.filter((s) => !have.has(s.id));
  return { deck: { ...current, title: current.title || incoming.title, slides: [...current.slides, ...added] }, added: added.length };
}

/** Where a package's targets and slides go (the app's entered targets, the saved deck). */
export interface PackageTargets {
  targets: { adopt(rows: readonly UserTargetRow[]): Promise<number> } | null;
  deck: { load(): SlideDeck; save(d: SlideDeck): void };
}

/**
 * Loads a checked package: its datasets (each tagged with the package's id, kept after this browser's imports),
 * its entered targets, its slides. On a failure, what was loaded from it is taken out again and any dataset it
 * replaced is put back: the data before stays as it was.
 */
export async function adoptPackage(imports: ImportService, pkg: OpenedPackage, to: PackageTargets): Promise<{ datasets: number; targets: number; slides: number }> {
  const before = new Map((await imports.stored()).map((d) => [d.id, d]));
  const adopted: string[] = [];
  let targets = 0;
  try {
    for (const d of [...pkg.datasets].sort((a, b) => a.seq - b.seq)) {
      adopted.push(d.id);
      await imports.adopt({ ...d, package: pkg.id });
    }
    if (to.targets) targets = await to.targets.adopt(pkg.targets);
  } catch (e) {
    for (const id of adopted) {
      await imports.remove(id).catch(() => undefined);
      const old = before.get(id);
      if (old) await imports.adopt(old).catch(() => undefined);
    }
    throw e;
  }
  const { deck: merged, added } = mergeSlides(to.deck.load(), pkg.slides);
  if (added > 0) to.deck.save(merged);
  return { datasets: adopted.length, targets, slides: added };
}

const madeKey = 'ntm-atlas:packages-made';

/** Packages exported from this browser, with the datasets each holds: a link naming one is this browser's data. */
export function packagesMadeHere(): Map<string, string[]> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(madeKey) ?? '{}');
    if (!isObj(raw)) return new Map();
    return new Map(Object.entries(raw).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every(isStr)));
  } catch {
    return new Map();
  }
}

/** Remembers a package exported from here (the last 20). */
export function rememberPackage(id: string, datasets: readonly string[]): void {
  const made = [...packagesMadeHere()].filter(([k]) => k !== id).slice(-19);
  try {
    localStorage.setItem(madeKey, JSON.stringify(Object.fromEntries([...made, [id, [...datasets]]])));
  } catch {
    /* storage unavailable: links naming the package are then reported as made elsewhere */
  }
}
