import { expect, test, vi } from 'vitest';
import { offlineStyle } from '../../../src/map/style';

test("every layer with a source starts hidden: MapLibre loads no tiles of an empty source before 'load' (the first frame waits for it)", () => {
  vi.stubGlobal('window', { location: { href: 'http://127.0.0.1/' } }); // the style's font URLs are absolute
  const style = offlineStyle();
  vi.unstubAllGlobals();
  const shown = style.layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none').map((l) => l.id);
  expect(shown).toEqual(['sea']);
  for (const source of Object.values(style.sources)) expect(source).toMatchObject({ type: 'geojson', data: { features: [] } });
});
