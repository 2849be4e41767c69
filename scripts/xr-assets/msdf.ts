/**
 * Multi-channel signed distance fields of glyphs, one bitmap per character, from msdfgen compiled
 * to WebAssembly. msdf-bmfont-xml 2.8.0 ships a native msdfgen for Linux that needs glibc 2.38
 * (Debian 12 has 2.36: it does not start here), so this uses the msdfgen wasm build that
 * @zappar/msdf-generator 1.2.4 ships (installed as @pmndrs/uikit's run-time TTF loader), called
 * directly: its own packer writes past the atlas when the glyphs do not fit, so packing is ours
 * (fonts.ts), as are the metrics, which follow msdf-bmfont-xml's BMFont conventions. The work runs
 * in a worker thread (msdf-worker.mjs) so that two weights render at once.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface GlyphBitmap {
  char: string;
  codePoint: number;
  /** Bitmap size in pixels (0 × 0 for a glyph without outline, such as a space). */
  width: number;
  height: number;
  /** BMFont offsets: from the pen position, and from the line's top, to the bitmap's top left. */
  xoffset: number;
  yoffset: number;
  xadvance: number;
  /** width × height × 3 bytes, row 0 at the top; null when empty. */
  rgb: Uint8Array | null;
}

export interface MsdfOptions {
  /** Pixels per em in the atlas. */
  sizePx: number;
  /** Distance range in pixels; half of it is the padding around each glyph. */
  distanceRangePx: number;
  /** OS/2 typographic ascender over units per em: the baseline's distance from the line's top, in em. */
  ascenderEm: number;
  /**
   * Folder of rendered glyphs to reuse and add to. It must be specific to the source font, the
   * options above and the renderer (see `glyphCacheDir` in fonts.ts).
   */
  glyphCache?: string;
}

export interface RenderedGlyphs {
  glyphs: GlyphBitmap[];
  kernings: { first: number; second: number; amount: number }[];
  /** Glyphs rendered now (the others came from the glyph cache). */
  rendered: number;
}

/** The worker's file, part of the glyph cache's key. */
export const MSDF_WORKER = new URL('./msdf-worker.mjs', import.meta.url);

const require = createRequire(import.meta.url);

/**
 * Renders `chars` from `fontBytes`, which should be a small subset: the wasm takes its input a
 * byte at a time through embind.
 */
export function renderGlyphs(fontBytes: Uint8Array, chars: readonly string[], o: MsdfOptions): Promise<RenderedGlyphs> {
  const wasmPath = require.resolve('@zappar/msdf-generator/msdfgen_wasm.wasm');
  const workerData = { wasmPath, jsPath: join(dirname(wasmPath), 'msdfgen_wasm.js'), fontBytes, chars, ...o };
  return new Promise((resolve, reject) => {
    const worker = new Worker(MSDF_WORKER, { workerData });
    let result: RenderedGlyphs | null = null;
    worker.once('message', (message: RenderedGlyphs) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`msdf worker exited with code ${code} and no glyphs`))));
  });
}
