import type { StyleSpecification, ExpressionSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import { boldFont, mapFontFaces, regularFont } from './fonts';

const empty = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

/** Layer ids the commune overlay is slotted under (deck.gl draws interleaved, before this layer). */
export const overlayBeforeId = 'commune-lines';

export const palette = {
  sea: '#c6dbe9',
  land: '#f4f1ea',
  landOther: '#e7e3da',
  districtLine: '#5b5b5b',
  provinceLine: '#222222',
  label: '#1d1d1d',
  halo: '#ffffff',
};

const labelText = (field: string): ExpressionSpecification => ['get', field];

/**
 * The offline base map: sea as background, provinces as land, district and province outlines, and labels
 * from self-hosted fonts. No tiles, no glyph server, no sprite: every source is GeoJSON built in the app.
 */
export function offlineStyle(): StyleSpecification {
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
      islands: empty(),
      sponsored: empty(),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': palette.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'provinces',
        paint: { 'fill-color': ['case', ['boolean', ['get', 'selected'], false], palette.land, palette.landOther] },
      },
      {
        id: 'commune-lines',
        type: 'line',
        source: 'commune-lines',
        paint: { 'line-color': '#ffffff', 'line-opacity': 0.85, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.3, 11, 1] },
      },
      {
        // Small islands (Hoàng Sa, Trường Sa...) are sub-pixel at national zoom: mark each with a dot.
        id: 'islands',
        type: 'circle',
        source: 'islands',
        paint: { 'circle-color': '#8a8a8a', 'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 8, 2.5], 'circle-stroke-width': 0 },
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
        paint: { 'line-color': '#c51b7d', 'line-width': 3.2, 'line-dasharray': [2, 1] },
      },
      {
        id: 'province-flagged',
        type: 'line',
        source: 'provinces',
        filter: ['in', ['get', 'code'], ['literal', []]],
        paint: { 'line-color': '#c51b7d', 'line-width': 2.4, 'line-dasharray': [2, 1] },
      },
      {
        id: 'sponsored-lines',
        type: 'line',
        source: 'sponsored',
        paint: { 'line-color': '#6a3d9a', 'line-width': 2.6 },
      },
      {
        id: 'sponsored-labels',
        type: 'symbol',
        source: 'sponsored',
        layout: { 'text-field': ['get', 'label'], 'text-font': [boldFont], 'text-size': 11, 'text-offset': [0, 1.1], 'text-allow-overlap': false },
        paint: { 'text-color': '#4a1486', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
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
        layout: { 'text-field': labelText('name'), 'text-font': [regularFont], 'text-size': 12, 'text-padding': 2 },
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
