// The layout model: the subject fitted to each preset's frame independently of any screen, furniture boxes that
// never cover the subject or each other, labels without overlap, every sponsored commune inside and named.
import { describe, expect, test } from 'vitest';
import { composeLayout, type ComposedLayout } from '../../../src/export/composer';
import { presets, presetIds } from '../../../src/export/presets';
import { boxesOverlap, boxInside, type Box } from '../../../src/export/projection';
import { featureExtents } from '../../../src/export/scene-builder';
import { roughMeasure, scene, sceneUnits, sponsors, texts } from './scene-fixture';

const area = (b: Box) => b.width * b.height;
const furniture = (l: ComposedLayout): [string, Box][] => [
  ['title', l.title],
  ...(l.subtitle ? [['subtitle', l.subtitle] as [string, Box]] : []),
  ...(l.illustrative ? [['illustrative', l.illustrative] as [string, Box]] : []),
  ['legend', l.legend],
  ['source', l.source],
  ['dataDate', l.dataDate],
  ['vintage', l.vintage],
  ['exported', l.exported],
];

/** The projected extent of some features of a layer. */
function projectedExtent(l: ComposedLayout, layer: string, codes: readonly string[]): Box[] {
  const u = sceneUnits(layer);
  const ext = featureExtents(u.geometry);
  const p = l.projection;
  return codes.map((code) => {
    const f = u.code.indexOf(code);
    const [w, s, e, n] = ext.subarray(4 * f, 4 * f + 4);
    return { x: p.x(w), y: p.y(n), width: p.x(e) - p.x(w), height: p.y(s) - p.y(n) };
  });
}

describe('composeLayout', () => {
  const qt = scene({ province: '45' });

  test.each(presetIds.filter((id) => id !== 'sponsor'))('%s: every box on the page, furniture outside the frame and apart', (id) => {
    const l = composeLayout({ scene: qt, texts: texts(), preset: presets[id], measure: roughMeasure });
    const page = { x: 0, y: 0, ...l.page };
    const boxes = furniture(l);
    for (const [name, b] of [...boxes, ['frame', l.frame] as [string, Box]]) expect(boxInside(b, page), name).toBe(true);
    for (const [name, b] of boxes) expect(boxesOverlap(b, l.frame), `${name} over the frame`).toBe(false);
    for (const [i, [a, ba]] of boxes.entries()) for (const [b, bb] of boxes.slice(i + 1)) expect(boxesOverlap(ba, bb), `${a} and ${b}`).toBe(false);
    // scale bar and north arrow inside the frame, apart
    expect(boxInside(l.scaleBar, l.frame)).toBe(true);
    expect(boxInside(l.northArrow, l.frame)).toBe(true);
    expect(boxesOverlap(l.scaleBar, l.northArrow)).toBe(false);
    // the map is most of the page
    expect(area(l.frame) / area(page)).toBeGreaterThan(id === 'projector' ? 0.5 : 0.55);
  });

  test('A3 landscape: the province fills its frame (either way) and no part lies outside it or under the furniture', () => {
    const l = composeLayout({ scene: qt, texts: texts(), preset: presets['a3-landscape'], measure: roughMeasure });
    const [province] = projectedExtent(l, 'provinces', ['45']);
    expect(boxInside(province, l.frame)).toBe(true);
    expect(Math.max(province.width / l.frame.width, province.height / l.frame.height)).toBeGreaterThan(0.85);
    expect(l.title.lines.join(' ')).toContain('Quảng Trị');
    expect(l.scaleBar.metres).toBeGreaterThan(0);
  });

  test('labels: inside the frame, none overlapping another or the scale bar and north arrow; commune names present', () => {
    const l = composeLayout({ scene: qt, texts: texts(), preset: presets['a3-landscape'], measure: roughMeasure });
    const communes = l.labels.filter((x) => x.kind === 'commune');
    expect(communes.length).toBeGreaterThan(40);
    expect(l.labels.filter((x) => x.kind === 'district').length).toBeGreaterThan(5);
    for (const [i, a] of l.labels.entries()) {
      expect(boxInside(a, l.frame), a.text).toBe(true);
      for (const b of l.labels.slice(i + 1)) expect(boxesOverlap(a, b), `${a.text} / ${b.text}`).toBe(false);
      expect(boxesOverlap(a, l.scaleBar) || boxesOverlap(a, l.northArrow), a.text).toBe(false);
    }
  });

  test.each([
    ['hnd', ['Hướng Lộc', 'Triệu Độ']],
    ['lmhtx', ['Hải Thượng', 'Hải Ba', 'Hải Dương', 'Tân Liên']],
  ] as const)('sponsor %s: every sponsored commune inside the frame, clear of the furniture, and named', (id, names) => {
    const sc = scene({ province: '45', sponsorCodes: sponsors[id] });
    const l = composeLayout({ scene: sc, texts: texts(), preset: presets.sponsor, measure: roughMeasure, parts: 'map' });
    for (const b of projectedExtent(l, 'communes_45', sponsors[id])) {
      expect(boxInside(b, l.frame)).toBe(true);
      expect(boxesOverlap(b, l.scaleBar)).toBe(false);
      expect(boxesOverlap(b, l.northArrow)).toBe(false);
    }
    const named = l.labels.filter((x) => x.kind === 'commune').map((x) => x.text);
    for (const n of names) expect(named).toContain(n);
    // a sponsor's communes take most of the frame, not a corner of it
    const all = projectedExtent(l, 'communes_45', sponsors[id]);
    const x0 = Math.min(...all.map((b) => b.x)), x1 = Math.max(...all.map((b) => b.x + b.width));
    const y0 = Math.min(...all.map((b) => b.y)), y1 = Math.max(...all.map((b) => b.y + b.height));
    expect(Math.max((x1 - x0) / l.frame.width, (y1 - y0) / l.frame.height)).toBeGreaterThan(0.6);
    // map-only parts: no header or footer words
    expect(l.title.lines).toEqual([]);
    expect(l.source.lines).toEqual([]);
  });

  test('the legend lists every mark drawn: classes, sponsored outline, muted communes, lagging outline, boundaries, neighbours', () => {
    const sc = scene({ province: '45', sponsorCodes: sponsors.hnd, flagged: ['464'] });
    const labels = sc.legend.entries.map((e) => e.label);
    for (const w of ['Đạt chuẩn NTM', 'Xã được đỡ đầu', 'Xã khác', 'Huyện chậm so với lộ trình', 'Ranh giới tỉnh', 'Ranh giới huyện', 'Nước láng giềng']) expect(labels).toContain(w);
    expect(sc.layers.map((x) => x.id)).toEqual(expect.arrayContaining(['sponsored', 'flagged', 'basemap-land']));
  });

  test('national view: the whole country with Hoàng Sa and Trường Sa in the frame, archipelagos labelled as Việt Nam’s', () => {
    const l = composeLayout({ scene: scene({ province: null }), texts: texts(), preset: presets.projector, measure: roughMeasure });
    const [w, s, e, n] = l.projection.bounds;
    expect(w).toBeLessThanOrEqual(102.1);
    expect(e).toBeGreaterThanOrEqual(117.9);
    expect(s).toBeLessThanOrEqual(7.9);
    expect(n).toBeGreaterThanOrEqual(23.5);
    const sea = l.labels.filter((x) => x.kind === 'sea').map((x) => x.text);
    expect(sea).toEqual(expect.arrayContaining(['Quần đảo Hoàng Sa (Việt Nam)', 'Quần đảo Trường Sa (Việt Nam)']));
  });
});
