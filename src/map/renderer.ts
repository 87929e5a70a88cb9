let software: boolean | null = null;

/**
 * True when WebGL is rasterised on the CPU (SwiftShader, llvmpipe: no GPU, a blocklisted driver, a remote
 * desktop). Asked once, of a throw-away context, before the map creates its own.
 */
export function softwareRendering(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return software;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    software = /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // no WebGL at all: the map reports that itself
  }
  return software;
}
