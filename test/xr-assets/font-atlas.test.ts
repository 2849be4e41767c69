import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Texture } from 'three';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssetSet } from '../../scripts/xr-assets/cache.ts';
import { fontKey, fontSet, makeXrFonts, packGlyphs, readBundles, XR_FONT_OPTIONS } from '../../scripts/xr-assets/fonts.ts';
import { XR_FONT_FILES, xrCharset, xrMissingChars, xrTextSources } from '../../src/xr/font.ts';
import { decodePng } from '../e2e/png.ts';

interface BmChar {
  id: number;
  char: string;
  x: number;
  y: number;
  width: number;
  height: number;
  page: number;
}
interface BmFont {
  pages: string[];
  chars: BmChar[];
  info: { size: number; face: string; charset: string[] };
  common: { scaleW: number; scaleH: number; lineHeight: number; base: number; pages: number };
  distanceField: { fieldType: string; distanceRange: number };
  kernings: { first: number; second: number; amount: number }[];
}

/** uikit's own parser: `Font` (dist/text/font.js), imported after the package index as uikit itself does. */
async function uikitFont(): Promise<new (info: unknown, page: Texture) => { getGlyphInfo(ch: string): { id: number; width: number } }> {
  await import('@pmndrs/uikit');
  // @ts-expect-error: a deep import of uikit's font parser, which the package does not declare
  return ((await import('@pmndrs/uikit/dist/text/font.js')) as { Font: never }).Font;
}

const bundles = readBundles('public');
const charset = xrCharset(bundles);

describe('the in-world MSDF font', () => {
  let cache: string;
  let set: AssetSet;
  let out: string;
  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'xr-font-'));
    set = await fontSet(cache, 'generator', 'public');
    out = set.dir;
    console.log(`xr fonts: ${set.summary}; ${set.bytes} B in ${set.files.length} files, made in ${set.ms!.toFixed(0)} ms`);
  }, 120_000);
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  const read = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8')) as BmFont;

  it.each([XR_FONT_FILES.normal, XR_FONT_FILES.bold])('%s parses in uikit and has a glyph for every character the scene needs', async (file) => {
    const Font = await uikitFont();
    const warn = vi.spyOn(console, 'warn');
    try {
      const font = new Font(read(file), new Texture());
      for (const ch of charset) expect(font.getGlyphInfo(ch).id, `${ch} U+${ch.codePointAt(0)!.toString(16)}`).toBe(ch.codePointAt(0));
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it.each([XR_FONT_FILES.normal, XR_FONT_FILES.bold])('%s is one MSDF page at the chosen glyph size, every glyph inside it and none overlapping', (file) => {
    const json = read(file);
    expect(json.pages).toHaveLength(1);
    expect(json.common.pages).toBe(1);
    expect(json.distanceField).toEqual({ fieldType: 'msdf', distanceRange: XR_FONT_OPTIONS.distanceRangePx });
    expect(json.info.size).toBeGreaterThanOrEqual(32);
    expect(json.info.size).toBeLessThanOrEqual(40);
    const png = decodePng(readFileSync(join(out, 'xr/fonts', json.pages[0]!)));
    expect([png.width, png.height]).toEqual([json.common.scaleW, json.common.scaleH]);
    const boxes = json.chars.filter((c) => c.width > 0).sort((a, b) => a.y - b.y || a.x - b.x);
    for (const c of boxes) {
      expect(c.x + c.width <= png.width && c.y + c.height <= png.height && c.x >= 0 && c.y >= 0, c.char).toBe(true);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && boxes[j]!.y < boxes[i]!.y + boxes[i]!.height; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x, `${a.char} and ${b.char} overlap`).toBe(true);
      }
    }
  });

  it('draws ink where a glyph is and nothing for a space', () => {
    const json = read(XR_FONT_FILES.normal);
    const png = decodePng(readFileSync(join(out, 'xr/fonts', json.pages[0]!)));
    const inside = (c: BmChar) => {
      let n = 0;
      for (let y = c.y; y < c.y + c.height; y++) {
        for (let x = c.x; x < c.x + c.width; x++) {
          const i = (y * png.width + x) * 4;
          const [r, g, b] = [png.rgba[i]!, png.rgba[i + 1]!, png.rgba[i + 2]!];
          if (Math.max(Math.min(r, g), Math.min(Math.max(r, g), b)) > 127) n++;
        }
      }
      return n / (c.width * c.height);
    };
    const dian = json.chars.find((c) => c.char === '电')!;
    expect(inside(dian)).toBeGreaterThan(0.1);
    expect(inside(dian)).toBeLessThan(0.6);
    expect(json.chars.find((c) => c.char === ' ')).toMatchObject({ width: 0, height: 0 });
  });

  it('lists exactly the needed characters, so a character outside it is reported', () => {
    const json = read(XR_FONT_FILES.normal);
    expect([...json.info.charset].sort()).toEqual([...charset].sort());
    expect(xrMissingChars('续航 412 公里 😀 龘', json.info.charset.join(''))).toEqual(['😀', '龘']);
  });

  it('ships the same subset as a TTF for troika', () => {
    const ttf = readFileSync(join(out, XR_FONT_FILES.troika));
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    expect(ttf.length).toBeLessThan(1_000_000);
  });

  it('fails naming the character and its source when the font has no glyph for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xr-font-bad-'));
    try {
      const sources = [...xrTextSources(bundles), { where: 'models/x/vehicle.json twin.hotspots[3].body.zh-CN', text: '藏文 ཀ 字' }];
      await expect(makeXrFonts(dir, sources)).rejects.toThrow(/"ཀ" U\+0F40 \(models\/x\/vehicle\.json twin\.hotspots\[3\]\.body\.zh-CN\)/);
      expect(existsSync(join(dir, XR_FONT_FILES.normal))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails when the glyphs do not fit one page', () => {
    const glyphs = Array.from({ length: 200 }, () => ({ width: 46, height: 46 }));
    expect(() => packGlyphs(glyphs, 256)).toThrow(/200 glyphs do not fit one 256×256 page/);
    const packed = packGlyphs(glyphs.slice(0, 4), 256);
    expect([packed.width, packed.height]).toEqual([128, 128]);
  });

  it('is reused from the cache while its inputs stay the same', async () => {
    const mtimes = set.files.map((f) => [f, statSync(join(set.dir, f)).mtimeMs]);
    const again = await fontSet(cache, 'generator', 'public');
    expect(again.ms).toBeNull();
    expect(again.files.map((f) => [f, statSync(join(again.dir, f)).mtimeMs])).toEqual(mtimes);
  });

  it('keeps rendered glyphs: the same texts render none and give the same files; a new character renders one glyph a weight', async () => {
    const again = mkdtempSync(join(tmpdir(), 'xr-font-again-'));
    try {
      const same = await makeXrFonts(again, xrTextSources(bundles), join(cache, 'glyphs'));
      expect(same.map((r) => r.rendered)).toEqual([0, 0]);
      for (const f of set.files) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
      const more = await makeXrFonts(again, [...xrTextSources(bundles), { where: 'test', text: '龘' }], join(cache, 'glyphs'));
      expect(more.map((r) => r.rendered)).toEqual([1, 1]);
      expect((JSON.parse(readFileSync(join(again, XR_FONT_FILES.bold), 'utf8')) as BmFont).info.charset).toContain('龘');
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 60_000);

  it('is remade when a text, the generator or a font changes (its key)', () => {
    const sources = xrTextSources(bundles);
    const key = fontKey('generator', sources);
    expect(fontKey('generator', xrTextSources(bundles))).toBe(key);
    expect(fontKey('generator 2', sources)).not.toBe(key);
    const edited = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}新` } : s));
    expect(fontKey('generator', edited)).not.toBe(key);
  });
});
