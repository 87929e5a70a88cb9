import type { StyleSpecification, ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { boldFont, mapFontFaces, regularFont } from './fonts';
import { palette } from './palette';

const empty = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

/** Layer ids the commune overlay is slotted under (deck.gl draws interleaved, before this layer). */
export const overlayBeforeId = 'commune-lines';

/** The outline layers of flagged districts and provinces: drawn only while something is flagged. */
export const flaggedLayerIds = { district: 'district-flagged', province: 'province-flagged' } as const;

/**
 * Layers with nothing to draw start hidden, and every source starts empty: the map shows a layer once its source
 * has something (AtlasMap.setBaseSource), the flagged outlines once something is flagged.
 * - A shown line or fill layer whose source differs from the one drawn before it makes MapLibre draw that source's
 *   tile clipping masks again, in each of its two passes: empty overlays cost about 40 of a recolour frame's 135
 *   draw calls.
 * - MapLibre loads the tiles of every source a shown layer uses, empty or not, and fires 'load' (which the first
 *   frame waits for) only once they are in: a dozen empty sources made about a hundred round trips to its worker.
 */
const hiddenAtStart = (layer: LayerSpecification): boolean => 'source' in layer || Object.values<string>(flaggedLayerIds).includes(layer.id);

export { palette };

const labelText = (field: string): ExpressionSpecification => ['get', field];

/**
 * The offline base map: sea as background, the neighbours' land (Natural Earth: drawn by deck.gl, land-layer.ts, with
 * their borders here), provinces as land, the islands,
 * district and province outlines, and labels
 * from self-hosted fonts. No tiles, no glyph server, no sprite: every source is GeoJSON built in the app.
 */
export function offlineStyle(): StyleSpecification {
  const style = styleWithEveryLayerShown();
  style.layers = style.layers.map((l) => (hiddenAtStart(l) ? ({ ...l, layout: { ...l.layout, visibility: 'none' } } as LayerSpecification) : l));
  return style;
}

function styleWithEveryLayerShown(): StyleSpecification {
  return {
    version: 8,
    'font-faces': mapFontFaces(),
    sources: {
      provinces: empty(),
      districts: empty(),
      'province-labels': empty(),
      'district-labels': empty(),
      'sea-labels': empty(),
      'commune-lines': empty(),
      // tolerance 0: the tiler would drop islands smaller than its tolerance at small zooms (they are a few pixels)
      islands: { ...empty(), tolerance: 0 },
      'basemap-land': empty(),
      'basemap-labels': empty(),
      sponsored: empty(),
      selected: empty(),
      lineage: empty(),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': palette.sea } },
      // here, under the neighbours' borders: the Natural Earth land (geo/basemap.ts), drawn by deck.gl (land-layer.ts)
      {
        // the neighbours' outlines, from the same land: set with the other base layers, after the first frame
        id: 'basemap-borders',
        type: 'line',
        source: 'basemap-land',
        filter: ['!', ['boolean', ['get', 'vietnam'], false]],
        paint: { 'line-color': palette.foreignBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1] },
      },
      {
        id: 'land',
        type: 'fill',
        source: 'provinces',
        // no antialiased edge (a second draw of every tile): the communes cover these edges, drawn over them
        paint: { 'fill-color': ['case', ['boolean', ['get', 'selected'], false], palette.land, palette.landOther], 'fill-antialias': false },
      },
      {
        // Hoàng Sa and Trường Sa from the data pack's island shapes, under the communes drawn over them.
        id: 'islands',
        type: 'fill',
        source: 'islands',
        // edged by 'islands-outline' above the communes (no antialiased edge drawn here, under them)
        paint: { 'fill-color': palette.land, 'fill-antialias': false },
      },
      {
        id: 'commune-lines',
        type: 'line',
        source: 'commune-lines',
        paint: { 'line-color': '#ffffff', 'line-opacity': 0.85, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.3, 11, 1] },
      },
      {
        // The islands are a few pixels at national zoom: an outline keeps each one visible at every zoom.
        id: 'islands-outline',
        type: 'line',
        source: 'islands',
        paint: { 'line-color': palette.island, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 9, 1.4] },
      },
      {
        id: 'district-lines',
        type: 'line',
        source: 'districts',
        minzoom: 6.5,
        paint: { 'line-color': palette.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.6, 11, 1.6] },
      },
      {
        id: 'province-lines',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': palette.provinceLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 2.2] },
      },
      {
        id: 'district-flagged',
        type: 'line',
        source: 'districts',
        filter: ['in', ['get', 'code'], ['literal', []]],
        paint: { 'line-color': palette.flagged, 'line-width': 3.2, 'line-dasharray': [2, 1] },
      },
      {
        id: 'province-flagged',
        type: 'line',
        source: 'provinces',
        filter: ['in', ['get', 'code'], ['literal', []]],
        paint: { 'line-color': palette.flagged, 'line-width': 2.4, 'line-dasharray': [2, 1] },
      },
      {
        id: 'sponsored-lines',
        type: 'line',
        source: 'sponsored',
        paint: { 'line-color': palette.sponsored, 'line-width': 2.6 },
      },
      {
        // the selected commune: outlined (white casing, dark line) so that its own colour stays visible
        id: 'selected-casing',
        type: 'line',
        source: 'selected',
        paint: { 'line-color': '#ffffff', 'line-width': 5.5 },
      },
      {
        id: 'selected-line',
        type: 'line',
        source: 'selected',
        paint: { 'line-color': palette.selected, 'line-width': 3 },
      },
      {
        id: 'sponsored-labels',
        type: 'symbol',
        source: 'sponsored',
        layout: { 'text-field': ['get', 'label'], 'text-font': [boldFont], 'text-size': 11, 'text-offset': [0, 1.1], 'text-allow-overlap': false },
        paint: { 'text-color': '#4a1486', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
      },
      {
        // post-reform map, "where did my commune go": the successors bold, the former (2024) communes dashed
        id: 'lineage-successors',
        type: 'line',
        source: 'lineage',
        filter: ['==', ['get', 'role'], 'successor'],
        paint: { 'line-color': '#08306b', 'line-width': 3.2 },
      },
      {
        id: 'lineage-former',
        type: 'line',
        source: 'lineage',
        filter: ['==', ['get', 'role'], 'former'],
        paint: { 'line-color': '#b35806', 'line-width': 1.8, 'line-dasharray': [2, 1.5] },
      },
      {
        id: 'lineage-labels',
        type: 'symbol',
        source: 'lineage',
        filter: ['==', ['get', 'role'], 'former'],
        layout: { 'text-field': ['get', 'label'], 'text-font': [regularFont], 'text-size': 11, 'text-allow-overlap': false },
        paint: { 'text-color': '#7f3b08', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
      },
      {
        id: 'basemap-labels',
        type: 'symbol',
        source: 'basemap-labels',
        layout: { 'text-field': labelText('name'), 'text-font': [regularFont], 'text-size': 13, 'text-letter-spacing': 0.12, 'text-transform': 'uppercase' },
        paint: { 'text-color': palette.foreignLabel, 'text-halo-color': palette.foreignLand, 'text-halo-width': 1 },
      },
      {
        id: 'sea-labels',
        type: 'symbol',
        source: 'sea-labels',
        layout: {
          'text-field': labelText('name'),
          'text-font': [regularFont],
          'text-size': ['coalesce', ['get', 'size'], 13],
          'text-letter-spacing': 0.08,
        },
        paint: { 'text-color': '#3d6a8a', 'text-halo-color': palette.sea, 'text-halo-width': 1 },
      },
      {
        id: 'district-labels',
        type: 'symbol',
        source: 'district-labels',
        minzoom: 7,
        layout: {
          'text-field': labelText('name'),
          'text-font': [regularFont],
          'text-size': 12,
          'text-padding': 2,
          // where the centre collides with a neighbour's name, beside it rather than not at all
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.6,
        },
        paint: { 'text-color': palette.label, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'province-labels',
        type: 'symbol',
        source: 'province-labels',
        maxzoom: 8,
        layout: { 'text-field': labelText('name'), 'text-font': [boldFont], 'text-size': 12 },
        paint: { 'text-color': palette.label, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}
