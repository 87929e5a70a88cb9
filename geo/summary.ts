// Per-province coverage summary and cross-checks between the unit list and the commune layers.
import { featureCode, featureKind, prop } from './features.ts';
import type { BoundaryLayer, Issue, UnitLists } from './types.ts';

export interface ProvinceSummary {
  name: string;
  districts: number;
  communes: number;
  communesWithPolygon: number;
  communesWithoutPolygon: string[];
  specialFeatures: number;
}

/** Codes of the commune features that carry their own code. */
export function polygonCodes(layer: BoundaryLayer): Set<string> {
  const codes = new Set<string>();
  for (const f of layer.features) {
    const code = featureCode(f, 'commune');
    if (code !== null) codes.add(code);
  }
  return codes;
}

export function summarizeProvinces(lists: UnitLists, communeLayer: BoundaryLayer): Record<string, ProvinceSummary> {
  const withPolygon = polygonCodes(communeLayer);
  const out: Record<string, ProvinceSummary> = {};
  for (const p of lists.provinces) {
    out[p.province_code] = { name: p.province_name, districts: 0, communes: 0, communesWithPolygon: 0, communesWithoutPolygon: [], specialFeatures: 0 };
  }
  for (const d of lists.districts) if (out[d.province_code]) out[d.province_code].districts++;
  for (const c of lists.communes) {
    const s = out[c.province_code];
    if (!s) continue;
    s.communes++;
    if (withPolygon.has(c.commune_code)) s.communesWithPolygon++;
    else s.communesWithoutPolygon.push(c.commune_code);
  }
  for (const f of communeLayer.features) {
    const s = out[prop(f, 'province_code') ?? ''];
    if (s && featureKind(f, 'commune') !== 'unit') s.specialFeatures++;
  }
  return out;
}

/** Warnings where the CSV's has_polygon or a focus layer disagrees with the national commune layer. */
export function coverageWarnings(lists: UnitLists, national: BoundaryLayer, focus: readonly BoundaryLayer[]): Issue[] {
  const issues: Issue[] = [];
  const withPolygon = polygonCodes(national);
  for (const c of lists.communes) {
    const listed = c.has_polygon?.toLowerCase() === 'true';
    if (c.has_polygon !== undefined && listed !== withPolygon.has(c.commune_code)) {
      issues.push({
        level: 'warning',
        file: lists.files.communes,
        code: c.commune_code,
        problem: `has_polygon is ${c.has_polygon} but ${national.file} ${withPolygon.has(c.commune_code) ? 'has' : 'lacks'} its polygon`,
      });
    }
  }
  const provinceOf = new Map(lists.communes.map((c) => [c.commune_code, c.province_code]));
  for (const layer of focus) {
    const inFocus = polygonCodes(layer);
    const inNational = [...withPolygon].filter((code) => provinceOf.get(code) === layer.provinceCode);
    const missing = inNational.filter((code) => !inFocus.has(code));
    const extra = [...inFocus].filter((code) => !withPolygon.has(code));
    if (missing.length || extra.length) {
      issues.push({
        level: 'warning',
        file: layer.file,
        code: `province ${layer.provinceCode}`,
        problem: `differs from ${national.file}: missing ${missing.join(',') || 'none'}; extra ${extra.join(',') || 'none'}`,
      });
    }
  }
  return issues;
}

function pad(value: string | number, width: number, right = false): string {
  const s = String(value);
  return right ? s.padStart(width) : s.padEnd(width);
}

/** Fixed-width table: one line per province. */
export function formatProvinceTable(summary: Record<string, ProvinceSummary>): string {
  const lines = [`${pad('code', 4)} ${pad('province', 26)} ${pad('distr', 5, true)} ${pad('comm', 5, true)} ${pad('w/poly', 6, true)} ${pad('special', 7, true)}  without polygon`];
  for (const [code, s] of Object.entries(summary).sort(([a], [b]) => a.localeCompare(b))) {
    const without = s.communesWithoutPolygon.length ? `${s.communesWithoutPolygon.length}: ${s.communesWithoutPolygon.slice(0, 6).join(' ')}${s.communesWithoutPolygon.length > 6 ? ' …' : ''}` : '';
    lines.push(
      `${pad(code, 4)} ${pad(s.name.slice(0, 26), 26)} ${pad(s.districts, 5, true)} ${pad(s.communes, 5, true)} ${pad(s.communesWithPolygon, 6, true)} ${pad(s.specialFeatures, 7, true)}  ${without}`,
    );
  }
  const all = Object.values(summary);
  const total = (f: (s: ProvinceSummary) => number) => all.reduce((sum, s) => sum + f(s), 0);
  lines.push(
    `${pad('all', 4)} ${pad(`${all.length} provinces`, 26)} ${pad(total((s) => s.districts), 5, true)} ${pad(total((s) => s.communes), 5, true)} ${pad(total((s) => s.communesWithPolygon), 6, true)} ${pad(total((s) => s.specialFeatures), 7, true)}  ${total((s) => s.communesWithoutPolygon.length)}`,
  );
  return lines.join('\n');
}
