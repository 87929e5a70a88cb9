import { rowsOf, type SqlEngine } from '../db/engine';
import { formerCommunesSQL, successorsSQL } from '../db/sql/reform';
import { toGeoJSON } from '../geo/boundary-geometry';
import type { AtlasMap } from '../map/atlas-map';
import { POST_REFORM, type Vintage } from '../common/vintage';
import { stripUnitPrefix } from '../common/vn-name';
import { finestGeometry, loadDrawableLayer, type DrawableLayer } from './base-layers';

/** What the lineage outlines depend on. */
export interface LineageView {
  vintage: Vintage;
  year: number;
  selectedCode: string | null;
  traced: string | null;
}

/** The codes "where did my commune go" outlines: pre-reform communes (2024 codes) and post-reform ones. */
export async function lineageCodes(engine: SqlEngine, v: LineageView): Promise<{ former: string[]; successors: string[] }> {
  if (v.vintage !== POST_REFORM) return { former: [], successors: [] };
  if (v.traced) {
    const to = rowsOf<{ commune_code: string }>(await engine.query(successorsSQL, [v.traced]));
    return { former: [v.traced], successors: to.map((r) => r.commune_code) };
  }
  if (v.selectedCode) {
    const from = rowsOf<{ commune_code: string }>(await engine.query(formerCommunesSQL, [v.selectedCode, v.year]));
    return { former: from.map((r) => r.commune_code), successors: [v.selectedCode] };
  }
  return { former: [], successors: [] };
}

/**
 * Post-reform map: outlines the former communes (dashed, with their names) of the selected commune, or the
 * successors (bold) of a traced pre-reform commune with its own outline. Nothing on the pre-reform map.
 */
export async function drawLineageSource(map: AtlasMap, engine: SqlEngine | null, view: () => LineageView, drawn: () => DrawableLayer | null): Promise<void> {
  const v = view();
  const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (!engine || v.vintage !== POST_REFORM || (!v.traced && !v.selectedCode)) {
    await map.setBaseSource('lineage', empty);
    return;
  }
  const [codes, old] = await Promise.all([lineageCodes(engine, v), loadDrawableLayer('communes')]);
  const layer = drawn();
  if (!layer) return;
  const [oldGeometry, newGeometry] = await Promise.all([finestGeometry(old), finestGeometry(layer)]);
  const former = new Set(codes.former);
  const successors = new Set(codes.successors);
  const formerFeatures = toGeoJSON(
    oldGeometry,
    (i) => ({ role: 'former', code: old.code[i], label: stripUnitPrefix(old.name[i] ?? '') }),
    (i) => former.has(old.code[i] ?? ''),
  );
  const successorFeatures = toGeoJSON(newGeometry, (i) => ({ role: 'successor', code: layer.code[i] }), (i) => successors.has(layer.code[i] ?? ''));
  await map.setBaseSource('lineage', { type: 'FeatureCollection', features: [...successorFeatures.features, ...formerFeatures.features] });
}
