import type { FontFacesSpecification } from 'maplibre-gl';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import vietnamese400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import vietnamese700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?url';

// Unicode ranges of the @fontsource subsets, so MapLibre picks the Vietnamese file for ơ, ư, đ, ạ...
const latinRange = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F'];
const vietnameseRange = [
  'U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0',
  'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB',
];

export const regularFont = 'Noto Sans Regular';
export const boldFont = 'Noto Sans Bold';

const absolute = (url: string) => new URL(url, window.location.href).href;

/** Self-hosted fonts for map labels: no glyph server, no system fonts, the same rendering everywhere. */
export function mapFontFaces(): FontFacesSpecification {
  return {
    [regularFont]: [
      { url: absolute(vietnamese400), 'unicode-range': vietnameseRange },
      { url: absolute(latin400), 'unicode-range': latinRange },
    ],
    [boldFont]: [
      { url: absolute(vietnamese700), 'unicode-range': vietnameseRange },
      { url: absolute(latin700), 'unicode-range': latinRange },
    ],
  };
}
