// Real geometry for the composer tests: the built boundary assets (public/generated, `npm run assets`) and the
// base map, read in Node, turned into scenes as the app would (src/app/export-scene.ts) with stand-in colours.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeGeometry } from '../../../src/common/geometry-format';
import { numberColumn, readArrowTable, stringColumn } from '../../../src/common/arrow-columns';
import { decodeBasemap } from '../../../src/geo/basemap-land';
import { basemapAssets } from '../../../src/common/basemap-assets';
import { buildScene, type SceneInput, type SceneUnits, type SceneWords } from '../../../src/export/scene-builder';
import type { MapScene, MapTexts } from '../../../src/export/map-scene';
import type { Measure } from '../../../src/export/composer';

const generated = resolve(import.meta.dirname, '../../../public/generated');
const read = (name: string) => new Uint8Array(readFileSync(resolve(generated, name)));

const unitsCache = new Map<string, SceneUnits>();
export function sceneUnits(layer: string): SceneUnits {
  let u = unitsCache.get(layer);
  if (!u) {
    const t = readArrowTable(read(`geom_${layer}.arrow`));
    u = {
      geometry: decodeGeometry(read(`geom_${layer}.bin`)),
      code: stringColumn(t, 'code'),
      name: stringColumn(t, 'name'),
      provinceCode: stringColumn(t, 'province_code'),
      labelLon: numberColumn(t, 'label_lon'),
      labelLat: numberColumn(t, 'label_lat'),
    };
    unitsCache.set(layer, u);
  }
  return u;
}

export const basemap = () => decodeBasemap(read(basemapAssets.geometry), read(basemapAssets.attributes), read(basemapAssets.labels));

export const classColours = [
  [0, 90, 50],
  [35, 139, 69],
  [116, 196, 118],
  [244, 165, 96],
] as const;

/** Colours as the app paints them: a class per feature (stand-in), other provinces hidden. */
export function paint(units: SceneUnits, province: string | null): Uint8Array {
  const out = new Uint8Array(units.geometry.nFeatures * 4);
  for (let f = 0; f < units.geometry.nFeatures; f++) {
    if (province !== null && units.provinceCode[f] !== province) continue;
    const c = classColours[(f * 7919) % classColours.length];
    out.set([c[0], c[1], c[2], 255], 4 * f);
  }
  return out;
}

export const words: SceneWords = {
  locale: 'vi',
  sea: 'Biển Đông',
  hoangSa: 'Quần đảo Hoàng Sa',
  truongSa: 'Quần đảo Trường Sa',
  ofVietnam: '(Việt Nam)',
  legendTitle: 'Tình trạng NTM',
  marks: {
    provinceLine: 'Ranh giới tỉnh',
    districtLine: 'Ranh giới huyện',
    flagged: 'Huyện chậm so với lộ trình',
    sponsored: 'Xã được đỡ đầu',
    muted: 'Xã khác',
    selected: 'Xã đang chọn',
    neighbours: 'Nước láng giềng',
  },
};

export const nationalBounds: [number, number, number, number] = [102.1, 7.9, 117.9, 23.5];

export function scene(opts: { province: string | null; layer?: string; sponsorCodes?: string[]; district?: string; flagged?: string[] }): MapScene {
  const communes = sceneUnits(opts.layer ?? (opts.province === '45' ? 'communes_45' : 'communes'));
  const input: SceneInput = {
    basemap: basemap(),
    provinces: sceneUnits('provinces'),
    districts: sceneUnits('districts'),
    communes,
    colours: paint(communes, opts.province),
    province: opts.province,
    district: opts.district ?? null,
    selectedCode: null,
    sponsorCodes: opts.sponsorCodes ? new Set(opts.sponsorCodes) : null,
    flagged: opts.flagged ?? [],
    classes: [
      { mark: 'fill', colour: classColours[0], label: 'NTM kiểu mẫu', count: 3 },
      { mark: 'fill', colour: classColours[1], label: 'NTM nâng cao', count: 20 },
      { mark: 'fill', colour: classColours[2], label: 'Đạt chuẩn NTM', count: 61 },
      { mark: 'fill', colour: classColours[3], label: 'Chưa đạt chuẩn', count: 42 },
    ],
    nationalBounds,
    words,
  };
  return buildScene(input);
}

export const texts = (over: Partial<MapTexts> = {}): MapTexts => ({
  title: 'Tình trạng NTM năm 2024 — Tỉnh Quảng Trị',
  subtitle: 'Chương trình MTQG xây dựng nông thôn mới và giảm nghèo bền vững',
  source: 'Nguồn: NTM Atlas (tổng hợp từ báo cáo tỉnh) · Ranh giới xã: Map Maker Vietnam (2011)',
  dataDate: 'Số liệu năm 2024',
  vintage: 'Đơn vị hành chính trước sắp xếp 2025',
  exported: 'Ngày xuất: 24/11/2025',
  illustrative: 'Dữ liệu minh họa',
  north: 'B',
  locale: 'vi',
  ...over,
});

/** A stand-in font metric: 0.55 em per character, bold 0.6. */
export const roughMeasure: Measure = (text, pt, bold) => [...text].length * pt * (25.4 / 72) * (bold ? 0.6 : 0.55);

/** Sponsored communes of the two Quảng Trị sponsors in the sample data. */
export const sponsors = { hnd: ['19474', '19636'], lmhtx: ['19708', '19687', '19711', '19465'] };
