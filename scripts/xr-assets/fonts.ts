/**
 * The in-world font set, `xr/fonts/`: Noto Sans SC Regular and Bold as single-page MSDF atlases
 * (BMFont JSON + PNG, the format uikit's `fontFamilies` takes) holding exactly the characters of
 * `xrCharset` (src/xr/font.ts), plus the Regular subset as a TTF for troika. Subset with
 * subset-font (harfbuzz), rendered with msdfgen (msdf.ts), packed here. Fails, naming characters and
 * their sources, when a font lacks one, and when the glyphs do not fit one page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { XR_FONT_FILES, xrCharSources, xrGlyphProblems, xrTextSources, type XrBundle, type XrTextSource } from '../../src/xr/font.ts';
import { cachedSet, hashInputs, type AssetSet } from './cache.ts';
import { MSDF_WORKER, renderGlyphs, type GlyphBitmap } from './msdf.ts';
import { encodePngRgb } from './png.ts';
import { readSfnt } from './sfnt.ts';

/**
 * 40 px per em. Quest 3 shows about 25 pixels per degree: a 16 px uikit font at pixelSize 0.0015
 * (a 2.4 cm em) is about 50 px on the display at 0.7 m and 23 px at 1.5 m, so panel text is drawn
 * near atlas size, where MSDF is sharpest, rather than magnified. A 6 px distance range keeps edges
 * smooth when it is minified. One page of at most 2048² (uikit takes one texture per font; 16 MiB
 * of GPU memory as RGBA).
 */
export const XR_FONT_OPTIONS = { sizePx: 40, distanceRangePx: 6, maxPagePx: 2048, spacingPx: 1 } as const;

const require = createRequire(import.meta.url);
const NOTO = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));

export const XR_FONT_WEIGHTS = [
  { weight: 400, file: XR_FONT_FILES.normal, source: join(NOTO, '400Regular', 'NotoSansSC_400Regular.ttf'), troika: XR_FONT_FILES.troika },
  { weight: 700, file: XR_FONT_FILES.bold, source: join(NOTO, '700Bold', 'NotoSansSC_700Bold.ttf'), troika: null },
] as const;

/** The bundles `models/index.json` lists (an array or `{ vehicles }`, of ids or `{ id }`, as the kiosk reads it). */
export function readBundles(publicDir: string): XrBundle[] {
  const index = JSON.parse(readFileSync(join(publicDir, 'models', 'index.json'), 'utf8')) as unknown;
  const list = Array.isArray(index) ? index : ((index as { vehicles?: unknown[] }).vehicles ?? []);
  const ids = list.map((v) => (typeof v === 'string' ? v : String((v as { id?: unknown }).id))).filter((v) => /^[a-z0-9-]+$/.test(v));
  return ids.map((id) => ({ id, json: JSON.parse(readFileSync(join(publicDir, 'models', id, 'vehicle.json'), 'utf8')) as unknown }));
}

export interface PackedPage {
  width: number;
  height: number;
  /** Top-left corner of each input box, in input order. */
  positions: { x: number; y: number }[];
}

function shelfPack(boxes: readonly { width: number; height: number }[], order: readonly number[], W: number, H: number, gap: number): PackedPage | null {
  const positions: { x: number; y: number }[] = new Array(boxes.length);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const i of order) {
    const b = boxes[i]!;
    if (b.width > W) return null;
    if (x > 0 && x + b.width > W) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    if (y + b.height > H) return null;
    positions[i] = { x, y };
    x += b.width + gap;
    rowHeight = Math.max(rowHeight, b.height);
  }
  return { width: W, height: H, positions };
}

/**
 * Packs glyph boxes on the smallest power-of-two page (square or 2:1) up to `maxPx` square, in
 * shelves of decreasing height with `gap` pixels between boxes. Throws when they do not fit.
 */
export function packGlyphs(boxes: readonly { width: number; height: number }[], maxPx: number, gap: number = XR_FONT_OPTIONS.spacingPx): PackedPage {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[b]!.height - boxes[a]!.height || boxes[b]!.width - boxes[a]!.width);
  const area = boxes.reduce((sum, b) => sum + b.width * b.height, 0);
  const sizes: [number, number][] = [];
  for (let w = 64; w <= maxPx; w *= 2) for (const h of [w / 2, w]) if (h >= 64 && w * h >= area) sizes.push([w, h]);
  sizes.sort((a, b) => a[0] * a[1] - b[0] * b[1] || a[0] - b[0]);
  for (const [w, h] of sizes) {
    const packed = shelfPack(boxes, order, w, h, gap);
    if (packed) return packed;
  }
  throw new Error(`${boxes.length} glyphs do not fit one ${maxPx}×${maxPx} page`);
}

export interface XrFontReport {
  weight: number;
  glyphs: number;
  /** Glyphs rendered for this run; the rest came from the glyph cache. */
  rendered: number;
  pageWidth: number;
  pageHeight: number;
  pngBytes: number;
  jsonBytes: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

function bmfont(face: string, weight: number, glyphs: GlyphBitmap[], page: PackedPage, boxIndex: Map<GlyphBitmap, number>, kernings: { first: number; second: number; amount: number }[], pageFile: string, metrics: { lineHeight: number; base: number }) {
  const pad = Math.floor(XR_FONT_OPTIONS.distanceRangePx / 2);
  return {
    generator: 'scripts/xr-assets/fonts.ts, run by every vite build; do not edit',
    pages: [pageFile],
    chars: glyphs.map((g, index) => {
      const at = boxIndex.has(g) ? page.positions[boxIndex.get(g)!]! : { x: 0, y: 0 };
      return { id: g.codePoint, index, char: g.char, width: g.width, height: g.height, xoffset: round(g.xoffset), yoffset: round(g.yoffset), xadvance: round(g.xadvance), chnl: 15, x: at.x, y: at.y, page: 0 };
    }),
    info: {
      face,
      size: XR_FONT_OPTIONS.sizePx,
      bold: weight >= 700 ? 1 : 0,
      italic: 0,
      charset: glyphs.map((g) => g.char),
      unicode: 1,
      stretchH: 100,
      smooth: 1,
      aa: 1,
      padding: [pad, pad, pad, pad],
      spacing: [XR_FONT_OPTIONS.spacingPx, XR_FONT_OPTIONS.spacingPx],
      outline: 0,
    },
    common: { lineHeight: round(metrics.lineHeight), base: round(metrics.base), scaleW: page.width, scaleH: page.height, pages: 1, packed: 0, alphaChnl: 0, redChnl: 0, greenChnl: 0, blueChnl: 0 },
    distanceField: { fieldType: 'msdf', distanceRange: XR_FONT_OPTIONS.distanceRangePx },
    kernings: kernings.map((k) => ({ ...k, amount: round(k.amount) })),
  };
}

/**
 * Writes `xr/fonts/…` under `outDir` for the characters of `sources`. Every weight is checked
 * before anything is written: a character a font lacks, or glyphs that do not fit one page, throw.
 */
export async function makeXrFonts(outDir: string, sources: readonly XrTextSource[], glyphCacheRoot?: string): Promise<XrFontReport[]> {
  const needed = xrCharSources(sources);
  const chars = [...needed.keys()].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const fonts = XR_FONT_WEIGHTS.map((w) => {
    const bytes = readFileSync(w.source);
    const info = readSfnt(bytes);
    const problem = xrGlyphProblems(needed, (ch) => info.codePoints.has(ch.codePointAt(0)!), `${info.familyName} (${w.source})`);
    if (problem) throw new Error(problem);
    return { ...w, bytes, info };
  });
  const made: { file: string; data: Buffer | string }[] = [];
  const reports: XrFontReport[] = [];
  const S = XR_FONT_OPTIONS.sizePx;
  // Each weight renders in its own worker thread, at once.
  const rendered = await Promise.all(
    fonts.map(async (f) => {
      const subset = await subsetFont(f.bytes, chars.join(''), { targetFormat: 'truetype' });
      const ascenderEm = f.info.typoAscender / f.info.unitsPerEm;
      const glyphCache = glyphCacheRoot ? join(glyphCacheRoot, glyphCacheKey(f.source)) : undefined;
      return { subset, ...(await renderGlyphs(subset, chars, { sizePx: S, distanceRangePx: XR_FONT_OPTIONS.distanceRangePx, ascenderEm, ...(glyphCache ? { glyphCache } : {}) })) };
    }),
  );
  for (const [k, f] of fonts.entries()) {
    const { subset, glyphs, kernings, rendered: fresh } = rendered[k]!;
    const em = f.info.unitsPerEm;
    const drawn = glyphs.filter((g) => g.rgb);
    let page: PackedPage;
    try {
      page = packGlyphs(drawn, XR_FONT_OPTIONS.maxPagePx);
    } catch (error) {
      throw new Error(`${f.info.familyName}: ${(error as Error).message} at ${S} px per em; XR texts need fewer distinct characters, or a smaller XR_FONT_OPTIONS.sizePx`);
    }
    const rgb = new Uint8Array(page.width * page.height * 3);
    drawn.forEach((g, i) => {
      const { x, y } = page.positions[i]!;
      for (let row = 0; row < g.height; row++) rgb.set(g.rgb!.subarray(row * g.width * 3, (row + 1) * g.width * 3), ((y + row) * page.width + x) * 3);
    });
    const png = encodePngRgb(page.width, page.height, rgb);
    const pngName = f.file.slice(f.file.lastIndexOf('/') + 1).replace(/\.json$/, '.png');
    const boxIndex = new Map(drawn.map((g, i) => [g, i] as const));
    const metrics = { lineHeight: ((f.info.typoAscender - f.info.typoDescender + f.info.typoLineGap) / em) * S, base: (f.info.typoAscender / em) * S };
    const json = JSON.stringify(bmfont(f.info.familyName, f.weight, glyphs, page, boxIndex, kernings, pngName, metrics));
    made.push({ file: f.file, data: json }, { file: join(dirname(f.file), pngName), data: png });
    if (f.troika) made.push({ file: f.troika, data: subset });
    reports.push({ weight: f.weight, glyphs: glyphs.length, rendered: fresh, pageWidth: page.width, pageHeight: page.height, pngBytes: png.length, jsonBytes: Buffer.byteLength(json) });
  }
  for (const m of made) {
    mkdirSync(dirname(join(outDir, m.file)), { recursive: true });
    writeFileSync(join(outDir, m.file), m.data);
  }
  return reports;
}

/** The glyph cache folder of one source font: its bytes, the options and the renderer. */
export function glyphCacheKey(source: string): string {
  return hashInputs([{ file: source }, JSON.stringify(XR_FONT_OPTIONS), { file: fileURLToPath(MSDF_WORKER) }]).slice(0, 24);
}

/** The cache key of the font set: the generator, the options, every text and both font files. */
export function fontKey(generatorKey: string, sources: readonly XrTextSource[]): string {
  return hashInputs([generatorKey, JSON.stringify(XR_FONT_OPTIONS), JSON.stringify(sources), ...XR_FONT_WEIGHTS.map((w) => ({ file: w.source }))]);
}

/** The font set for the cache, remade when a text, a font or the generator changes. */
export async function fontSet(cacheRoot: string, generatorKey: string, publicDir: string): Promise<AssetSet> {
  const sources = xrTextSources(readBundles(publicDir));
  return cachedSet(cacheRoot, 'fonts', fontKey(generatorKey, sources), async (dir) => {
    const reports = await makeXrFonts(dir, sources, join(cacheRoot, 'glyphs'));
    const r = reports[0]!;
    const fresh = reports.reduce((sum, x) => sum + x.rendered, 0);
    return `Noto Sans SC ${reports.map((x) => x.weight).join(' and ')}, ${r.glyphs} characters at ${XR_FONT_OPTIONS.sizePx} px (${fresh} glyphs rendered, the rest from the glyph cache), atlas ${reports.map((x) => `${x.pageWidth}×${x.pageHeight} (${(x.pngBytes / 1024).toFixed(0)} KiB)`).join(' and ')}`;
  });
}
