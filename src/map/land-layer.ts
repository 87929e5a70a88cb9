import { SolidPolygonLayer } from '@deck.gl/layers';
import { hex } from '../classify/palettes';
import type { BasemapLand } from '../geo/basemap-land';
import { vertexColoursFor, writeVertexColours, type VertexColours } from './commune-layer';
import { palette } from './palette';

/** The style layer the land is drawn under: the neighbours' borders, then the provinces (style.ts). */
export const landBeforeId = 'basemap-borders';

/** The land's deck.gl data: positions and triangles as built by geo/basemap.ts, a colour per vertex. */
export type LandData = VertexColours['data'];

/**
 * The land around Việt Nam as deck.gl draws it: Việt Nam's own shape in the provinces' tone (under them, so seams
 * never show the sea), the neighbours a shade apart. Built once per page: the same object on every draw, so
 * deck.gl uploads it once.
 */
export function landData(land: BasemapLand): LandData {
  const own = hex(palette.landOther);
  const foreign = hex(palette.foreignLand);
  const featureColours = new Uint8Array(land.geometry.nFeatures * 4);
  land.vietnam.forEach((vietnam, f) => featureColours.set(vietnam ? own : foreign, f * 4));
  const colours = vertexColoursFor(land.geometry);
  writeVertexColours(colours, featureColours);
  colours.data.attributes.fillColors = { value: colours.rgba, size: 4, normalized: true };
  return colours.data;
}

/**
 * The land as a deck.gl layer rather than a MapLibre GeoJSON source: drawn from the triangles the build made, it
 * is there in the first frame, where MapLibre's worker took about 0.3 s to tile it after the style loaded (and the
 * first frame waited for that). Not pickable: hovering the sea or a neighbour picks nothing.
 */
export function landLayer(data: LandData) {
  return new SolidPolygonLayer({ id: 'basemap-land', beforeId: landBeforeId, data, _normalize: false } as never);
}
