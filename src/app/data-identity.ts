import { i18n } from '../i18n';

/**
 * The identity of the data a view shows, carried by links as `data=`: the province edition the site was built
 * with (`e.<id>`), each data package its imports came from (`p.<id>`), and each import made in this browser
 * (`i.<dataset id>`), joined by "~". A link opened where some of that data is missing says so, instead of
 * silently showing other numbers. Nothing here is trusted: a token only names data, it never loads any.
 */

/** What this browser has: the site's edition, the imports (each with the package it came from), packages made here. */
export interface LocalData {
  edition: string | null;
  datasets: readonly { id: string; package?: string }[];
  /** packages exported from this browser and the datasets each holds (src/import/service/package.ts) */
  madeHere: ReadonlyMap<string, readonly string[]>;
}

const TOKEN = /^([eip])\.([a-z0-9:-]{1,64})$/;

/** The `data=` value of the data shown (null: the sample site without imports, which links need not name). */
export function dataIdentity(local: Pick<LocalData, 'edition' | 'datasets'>): string | null {
  const tokens = [
    ...(local.edition ? [`e.${local.edition}`] : []),
    ...new Set(local.datasets.map((d) => (d.package ? `p.${d.package}` : `i.${d.id}`))),
  ];
  return tokens.length > 0 ? tokens.join('~') : null;
}

export interface MissingData {
  edition: string | null;
  packages: string[];
  /** imports made in another browser, not brought here by a package */
  imports: number;
}

/** What a link's data identity names that is not here (null: all of it is here, or the link names none). */
export function missingData(requested: string | null | undefined, local: LocalData): MissingData | null {
  if (!requested) return null;
  const ids = new Set(local.datasets.map((d) => d.id));
  const packages = new Set(local.datasets.flatMap((d) => (d.package ? [d.package] : [])));
  const madeHere = (p: string) => local.madeHere.get(p)?.every((id) => ids.has(id)) ?? false;
  const missing: MissingData = { edition: null, packages: [], imports: 0 };
  for (const token of requested.split('~')) {
    const m = TOKEN.exec(token);
    if (!m) continue;
    const [, kind, id] = m;
    if (kind === 'e' && id !== local.edition) missing.edition = id;
    else if (kind === 'p' && !packages.has(id) && !madeHere(id)) missing.packages.push(id);
    else if (kind === 'i' && !ids.has(id)) missing.imports++;
  }
  return missing.edition || missing.packages.length > 0 || missing.imports > 0 ? missing : null;
}

/** The start-up notice for data a link was made with and this browser lacks. */
export function missingDataNotice(m: MissingData): string {
  const what = [
    ...(m.edition ? [i18n.t('dataLink.edition', { id: m.edition })] : []),
    ...m.packages.map((id) => i18n.t('dataLink.package', { id })),
    ...(m.imports > 0 ? [i18n.t('dataLink.imports', { count: m.imports })] : []),
  ];
  return i18n.t('dataLink.missing', { what: what.join('; ') });
}
