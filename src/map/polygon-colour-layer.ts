import { SolidPolygonLayer } from '@deck.gl/layers';
import type { DecodedGeometry } from '../common/geometry-format';

/** Polygons per texture row: WebGL2 guarantees 2048 texels, the national communes take 11 rows of 1024. */
const TEXTURE_WIDTH = 1024;

/**
 * RGBA per polygon of one geometry, laid out as the rows of the texture the layer samples, and the deck.gl data
 * object created once with it: a recolour changes neither, so deck.gl re-tessellates and re-uploads no geometry.
 */
export interface PolygonColours {
  geometry: DecodedGeometry;
  /** width * height * 4 bytes; polygon p at texel p (the padding after the last polygon is never sampled) */
  rgba: Uint8Array;
  width: number;
  height: number;
  data: {
    length: number;
    startIndices: Uint32Array;
    attributes: Record<string, unknown>;
  };
}

export function polygonColoursFor(geometry: DecodedGeometry): PolygonColours {
  const n = geometry.polygonFeature.length;
  const width = Math.max(1, Math.min(n, TEXTURE_WIDTH));
  const height = Math.max(1, Math.ceil(n / width));
  return {
    geometry,
    rgba: new Uint8Array(width * height * 4),
    width,
    height,
    data: {
      length: n,
      startIndices: geometry.polygonStarts,
      attributes: { getPolygon: { value: geometry.positions, size: 2 }, indices: geometry.triangles },
    },
  };
}

/** Writes each polygon's RGBA from its feature's (nFeatures * 4): one 32-bit copy per polygon. */
export function writePolygonColours(target: PolygonColours, featureColours: Uint8Array): void {
  const out = new Uint32Array(target.rgba.buffer, target.rgba.byteOffset, target.rgba.length / 4);
  const byFeature = new Uint32Array(featureColours.buffer, featureColours.byteOffset, featureColours.length / 4);
  const feature = target.geometry.polygonFeature;
  for (let p = 0; p < feature.length; p++) out[p] = byFeature[feature[p]];
}

/**
 * The polygon's colour, fetched by its row (deck.gl's per-vertex `rowIndexes`, the polygon index for binary data)
 * from a texture of one texel per polygon.
 */
const polygonColoursModule = {
  name: 'polygonColours',
  vs: /* glsl */ `\
uniform sampler2D polygonColours_texture;
vec4 polygonColours_of(float row) {
  int i = int(row + 0.5);
  int w = textureSize(polygonColours_texture, 0).x;
  return texelFetch(polygonColours_texture, ivec2(i % w, i / w), 0);
}
`,
  getUniforms: (props: { texture?: unknown }) => ({ polygonColours_texture: props.texture }),
  uniformTypes: {},
};

interface PolygonColourLayerProps {
  colours: PolygonColours;
  /** Bumped whenever `colours.rgba` was rewritten: the texture is uploaded again, nothing else. */
  colourVersion: number;
}

type DeviceTexture = { width: number; height: number; writeData(data: Uint8Array): void; destroy(): void };

/**
 * A binary SolidPolygonLayer coloured from a texture of one RGBA texel per polygon. A recolour uploads 4 bytes per
 * polygon (43 KB for the national communes) where a per-vertex colour attribute took 4 bytes per vertex
 * (487 KB) and a JS pass over every vertex first.
 */
export class PolygonColourLayer extends SolidPolygonLayer<unknown, PolygonColourLayerProps> {
  static layerName = 'PolygonColourLayer';
  static defaultProps = {
    colours: { type: 'object', value: null, compare: false },
    colourVersion: 0,
  } as never;

  declare state: SolidPolygonLayer['state'] & { colourTexture?: DeviceTexture };

  getShaders(type: 'top' | 'side') {
    const shaders = super.getShaders(type);
    return {
      ...shaders,
      modules: [...shaders.modules, polygonColoursModule],
      inject: {
        ...shaders.inject,
        // after DECKGL_FILTER_COLOR: the picking module read no colour, and the layer's opacity still applies
        'vs:#main-end': 'vec4 polygonColour = polygonColours_of(rowIndexes);\nvColor = vec4(polygonColour.rgb, polygonColour.a * layer.opacity);',
      },
    };
  }

  updateState(params: Parameters<SolidPolygonLayer['updateState']>[0]) {
    super.updateState(params as never);
    const props = params.props as unknown as PolygonColourLayerProps;
    const oldProps = params.oldProps as unknown as Partial<PolygonColourLayerProps>;
    const { colours } = props;
    let texture = this.state.colourTexture;
    let upload = props.colourVersion !== oldProps.colourVersion || colours !== oldProps.colours;
    if (!texture || texture.width !== colours.width || texture.height !== colours.height) {
      texture?.destroy();
      texture = this.context.device.createTexture({
        format: 'rgba8unorm',
        width: colours.width,
        height: colours.height,
        mipLevels: 1,
        sampler: { minFilter: 'nearest', magFilter: 'nearest' },
      }) as unknown as DeviceTexture;
      this.setState({ colourTexture: texture });
      upload = true;
    }
    if (upload) texture.writeData(colours.rgba);
  }

  draw(opts: Parameters<SolidPolygonLayer['draw']>[0]) {
    for (const model of this.getModels()) model.shaderInputs.setProps({ polygonColours: { texture: this.state.colourTexture } } as never);
    super.draw(opts);
  }

  finalizeState(context: Parameters<SolidPolygonLayer['finalizeState']>[0]) {
    super.finalizeState(context);
    this.state.colourTexture?.destroy();
  }
}
