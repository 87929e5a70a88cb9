// The old→new crosswalk of the July 2025 reform, from our pre-reform units (the 2024 list, which the programme series
// are keyed by) to the post-reform communes, with the share of each old commune that each new commune received.
//
// The pack's crosswalk is keyed by the 2025-03 list. A 2024 code reaches it either directly (the code still exists in
// 2025-03) or through the 2024→2025 merger it was absorbed by (geometry_lineage.csv, action "absorb": mergers transfer
// whole communes). Shares, the stated rule:
//  - one target: share 1, exact ("whole");
//  - several targets (a split): the area of the old commune's polygon that falls in each target, over the area that
//    falls in any target ("area"); an old commune without a polygon, or whose polygon meets none of its targets,
//    is split equally ("equal"). Both are approximate and flagged as such wherever shown.
// A 2024 commune the pack's lists cannot place (e.g. a ward dropped from the 2025 lists without a recorded merger) is
// placed by its polygon: the new communes it overlaps, by area ("area", viaCode empty); without a polygon it is unmapped.
// Shares of one old commune always sum to 1, so apportioned households add up to the old commune's own.
import { area, bbox, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type ShareMethod = 'whole' | 'area' | 'equal';

export interface PackCrosswalkRow {
  readonly old_commune_code: string;
  readonly new_commune_code: string;
  readonly part_type: string;
}

export interface CrosswalkRow {
  /** 2024 commune code (pre-reform vintage) */
  readonly oldCode: string;
  /** the 2025-03 code it is listed under in the pack's crosswalk (itself, or the commune that absorbed it) */
  readonly viaCode: string;
  /** post-reform commune code (2025-07 vintage) */
  readonly newCode: string;
  /** the pack's own flag for the 2025-03 commune: 'full' or 'partial' */
  readonly partType: 'full' | 'partial';
  readonly nTargets: number;
  readonly share: number;
  readonly method: ShareMethod;
}

export interface CrosswalkInputs {
  /** 2024 commune codes */
  readonly oldCodes: readonly string[];
  /** 2025-03 commune codes */
  readonly codes2025_03: ReadonlySet<string>;
  /** 2024 code → 2025-03 code that absorbed it */
  readonly absorbedInto: ReadonlyMap<string, string>;
  readonly pack: readonly PackCrosswalkRow[];
  /** polygons of 2024 communes by code */
  readonly oldPolygons: ReadonlyMap<string, PolygonalGeometry>;
  /** polygons of post-reform communes by code */
  readonly newPolygons: ReadonlyMap<string, PolygonalGeometry>;
}

export type PolygonalGeometry = Polygon | MultiPolygon;

export interface CrosswalkResult {
  readonly rows: CrosswalkRow[];
  /** 2024 codes that reach no post-reform commune, with why */
  readonly unmapped: { code: string; reason: string }[];
}

const feature = (geometry: PolygonalGeometry): Feature<PolygonalGeometry> => ({ type: 'Feature', properties: {}, geometry });

/** Area (m²) of the part of `a` inside `b`; 0 when they do not meet or the clipper fails on bad geometry. */
export function overlapArea(a: PolygonalGeometry, b: PolygonalGeometry): number {
  try {
    const part = intersect({ type: 'FeatureCollection', features: [feature(a), feature(b)] });
    return part ? area(part) : 0;
  } catch {
    return 0;
  }
}

export function buildCrosswalk(input: CrosswalkInputs): CrosswalkResult {
  const targetsOf = new Map<string, PackCrosswalkRow[]>();
  for (const r of input.pack) {
    if (!r.old_commune_code) continue; // district-level rows (island districts without communes)
    const list = targetsOf.get(r.old_commune_code) ?? [];
    list.push(r);
    targetsOf.set(r.old_commune_code, list);
  }
  const rows: CrosswalkRow[] = [];
  const unmapped: { code: string; reason: string }[] = [];
  for (const oldCode of input.oldCodes) {
    const viaCode = input.codes2025_03.has(oldCode) ? oldCode : input.absorbedInto.get(oldCode);
    const targets = viaCode === undefined ? undefined : targetsOf.get(viaCode);
    if (viaCode === undefined || !targets || targets.length === 0) {
      const placed = placeByPolygon(oldCode, input);
      if (placed.length > 0) rows.push(...placed);
      else unmapped.push({ code: oldCode, reason: viaCode === undefined ? 'not in the 2025-03 list, no recorded merger and no polygon' : `2025-03 commune ${viaCode} has no row in the crosswalk` });
      continue;
    }
    const partType = targets.some((t) => t.part_type === 'partial') ? 'partial' : 'full';
    if (targets.length === 1) {
      rows.push({ oldCode, viaCode, newCode: targets[0].new_commune_code, partType, nTargets: 1, share: 1, method: 'whole' });
      continue;
    }
    const own = input.oldPolygons.get(oldCode);
    const areas = targets.map((t) => {
      const target = input.newPolygons.get(t.new_commune_code);
      return own && target ? overlapArea(own, target) : 0;
    });
    const total = areas.reduce((s, a) => s + a, 0);
    const method: ShareMethod = total > 0 ? 'area' : 'equal';
    targets.forEach((t, i) => {
      const share = method === 'area' ? areas[i] / total : 1 / targets.length;
      rows.push({ oldCode, viaCode, newCode: t.new_commune_code, partType, nTargets: targets.length, share, method });
    });
  }
  return { rows, unmapped };
}

type Box = [number, number, number, number];
const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The new communes an old polygon overlaps, with area shares (for old communes the lists cannot place). */
function placeByPolygon(oldCode: string, input: CrosswalkInputs): CrosswalkRow[] {
  const own = input.oldPolygons.get(oldCode);
  if (!own) return [];
  const box = bbox(own) as Box;
  const hits: { code: string; area: number }[] = [];
  for (const [code, polygon] of input.newPolygons) {
    if (!boxesMeet(box, bbox(polygon) as Box)) continue;
    const a = overlapArea(own, polygon);
    if (a > 0) hits.push({ code, area: a });
  }
  const total = hits.reduce((s, h) => s + h.area, 0);
  const partType = hits.length > 1 ? 'partial' : 'full';
  return hits.map((h) => ({ oldCode, viaCode: '', newCode: h.code, partType, nTargets: hits.length, share: h.area / total, method: 'area' as const }));
}
