/**
 * Prototype for the app (measured by bench/raster.ts, colour mode 'texture'): colours of a binary SolidPolygonLayer
 * read from a small RGBA texture, one texel per polygon, instead of a per-vertex colour attribute.
 *
 * deck.gl's getFillColor accessor writes 4 bytes for every vertex (344k at full detail) and re-uploads the whole
 * attribute on every recolour. Here the vertex shader finds its polygon's texel from the polygon index deck.gl
 * already passes for picking (geometry.pickingColor = index + 1, base 256), so a recolour writes nPolygons texels
 * (10,639 x 4 bytes = 42 KB) and no attribute is touched: the per-switch cost no longer grows with the geometry.
 */
import { LayerExtension, type Layer } from '@deck.gl/core';
import type { Device, Texture } from '@luma.gl/core';

const featureColourModule = {
  name: 'featureColour',
  vs: /* glsl */ `uniform sampler2D featureColour_texture;\n`,
  inject: {
    'vs:DECKGL_FILTER_COLOR': /* glsl */ `
  {
    float polygonIndex = geometry.pickingColor.r + geometry.pickingColor.g * 256.0 + geometry.pickingColor.b * 65536.0 - 1.0;
    int i = int(polygonIndex + 0.5);
    int w = textureSize(featureColour_texture, 0).x;
    vec4 texel = texelFetch(featureColour_texture, ivec2(i % w, i / w), 0);
    color = vec4(texel.rgb, texel.a * color.a);
  }`,
  },
  getUniforms: (props: { texture?: Texture }) => (props.texture ? { featureColour_texture: props.texture } : {}),
};

export class FeatureColourExtension extends LayerExtension {
  static extensionName = 'FeatureColourExtension';

  getShaders() {
    return { modules: [featureColourModule] };
  }

  draw(this: Layer<{ featureColourTexture?: Texture }>) {
    this.setShaderModuleProps({ featureColour: { texture: this.props.featureColourTexture } } as never);
  }
}

/** One RGBA texel per polygon, rows of `width`; write() takes per-feature colours and the polygon → feature map. */
export class PolygonColourTexture {
  readonly texture: Texture;
  private readonly data: Uint8Array;
  private readonly width: number;

  constructor(device: Device, private readonly polygonFeature: Uint32Array, width = 2048) {
    this.width = width;
    const height = Math.max(1, Math.ceil(polygonFeature.length / width));
    this.data = new Uint8Array(width * height * 4);
    this.texture = device.createTexture({
      width,
      height,
      format: 'rgba8unorm',
      mipLevels: 1,
      sampler: { minFilter: 'nearest', magFilter: 'nearest', addressModeU: 'clamp-to-edge', addressModeV: 'clamp-to-edge' },
    });
  }

  /** featureColours: RGBA per feature (the app's featureColours array). */
  write(featureColours: Uint8Array): void {
    const src32 = new Uint32Array(featureColours.buffer, featureColours.byteOffset, featureColours.byteLength / 4);
    const dst32 = new Uint32Array(this.data.buffer);
    const pf = this.polygonFeature;
    for (let p = 0; p < pf.length; p++) dst32[p] = src32[pf[p]];
    this.texture.writeData(this.data, { width: this.width, height: this.data.length / 4 / this.width });
  }
}
