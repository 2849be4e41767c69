/**
 * The in-world font: Noto Sans SC as a single-page MSDF atlas (BMFont JSON + PNG) that the build
 * makes from exactly the characters the XR scene can show (scripts/xr-assets/fonts.ts). uikit ships
 * only Latin Inter, and a character missing from the atlas renders blank, so the build fails on any
 * such character; `xrCharset` is the one definition of "what the scene can show", shared by the
 * generator and the tests. Everything XR says must therefore come from `XR_MESSAGES`, a vehicle
 * bundle's texts, or `XR_FIXED_CHARS` (numbers, units, punctuation).
 */
import { z } from 'zod';
import { LocalizedTextSchema } from '../twin/geometry-schema.ts';
import { XR_MESSAGES } from './messages.ts';

/** The uikit `fontFamily` name of the in-world font. */
export const XR_FONT_FAMILY = 'noto-sans-sc';

/** Where the build puts the fonts, relative to the app's base URL. */
export const XR_FONT_FILES = {
  /** BMFont JSON for uikit; its page (the PNG atlas) sits beside it. */
  normal: 'xr/fonts/noto-sans-sc-400.json',
  bold: 'xr/fonts/noto-sans-sc-700.json',
  /** The same subset as a TrueType file, for troika / drei `<Text font=…>` (no CDN fallback fonts needed). */
  troika: 'xr/fonts/noto-sans-sc-400.ttf',
} as const;

function documentBase(): string {
  return typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
}

/**
 * uikit's `fontFamilies` for the in-world panels: `<Container fontFamilies={xrFontFamilies()}
 * fontFamily="noto-sans-sc">`. URLs are absolute (as `profilesBase()` in xr-store.ts) because uikit
 * resolves the atlas page against the JSON's URL.
 */
export function xrFontFamilies(base: string = documentBase()): { [XR_FONT_FAMILY]: { normal: string; bold: string } } {
  return {
    [XR_FONT_FAMILY]: {
      normal: new URL(XR_FONT_FILES.normal, base).href,
      bold: new URL(XR_FONT_FILES.bold, base).href,
    },
  };
}

/** The fontFamilies of this document, made once: a stable object, so uikit does not reload on re-render. */
export const XR_FONT_FAMILIES = xrFontFamilies();

/** The subset TTF for troika-three-text (drei `<Text font={xrTroikaFontUrl()}>`). */
export function xrTroikaFontUrl(base: string = documentBase()): string {
  return new URL(XR_FONT_FILES.troika, base).href;
}

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

/**
 * What the panel formats around the tables' words: printable ASCII (digits, km, kWh, °C with the
 * sign, 62%), typographic and full-width punctuation, and the unit words `Intl.NumberFormat` writes
 * in zh-CN (公里, 小时, 分钟), plus the no-break space and minus sign some formats use. (Noto Sans SC
 * has no U+202F narrow no-break space, which en time formats use: format times another way.)
 */
export const XR_FIXED_CHARS =
  range(0x20, 0x7e) +
  '°·…—–‘’“”×±−\u00a0' +
  '，。、；：？！（）《》【】「」『』～－／％＋　' +
  '公里千瓦时小分钟秒度';

/** A vehicle bundle as read from `models/<id>/vehicle.json`. */
export interface XrBundle {
  id: string;
  json: unknown;
}

/** One text the scene may show, and where it comes from (`file key`). */
export interface XrTextSource {
  where: string;
  text: string;
}

const Paint = z.object({ name: LocalizedTextSchema }).loose();
const Hotspot = z.object({ title: LocalizedTextSchema, body: LocalizedTextSchema }).loose();
const BundleTexts = z
  .object({
    name: LocalizedTextSchema.optional(),
    model: LocalizedTextSchema.optional(),
    trim: LocalizedTextSchema.optional(),
    geometry: z.object({ paints: z.array(Paint).default([]) }).loose().optional(),
    twin: z.object({ hotspots: z.array(Hotspot).default([]) }).loose().optional(),
  })
  .loose();

/** Every text the XR scene can show: the XR message tables, each bundle's texts, the fixed set. */
export function xrTextSources(bundles: readonly XrBundle[]): XrTextSource[] {
  const out: XrTextSource[] = [];
  for (const [locale, table] of Object.entries(XR_MESSAGES)) {
    for (const [key, text] of Object.entries(table)) out.push({ where: `src/xr/messages.ts ${locale} ${key}`, text });
  }
  for (const { id, json } of bundles) {
    const file = `models/${id}/vehicle.json`;
    const parsed = BundleTexts.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const b = parsed.data;
    const add = (key: string, t: z.infer<typeof LocalizedTextSchema> | undefined) => {
      if (!t) return;
      out.push({ where: `${file} ${key}.zh-CN`, text: t['zh-CN'] }, { where: `${file} ${key}.en`, text: t.en });
    };
    add('name', b.name);
    add('model', b.model);
    add('trim', b.trim);
    b.geometry?.paints.forEach((p, i) => add(`geometry.paints[${i}].name`, p.name));
    b.twin?.hotspots.forEach((h, i) => {
      add(`twin.hotspots[${i}].title`, h.title);
      add(`twin.hotspots[${i}].body`, h.body);
    });
  }
  out.push({ where: 'src/xr/font.ts XR_FIXED_CHARS', text: XR_FIXED_CHARS });
  return out;
}

/** Each character (code point) of the sources, with the places it occurs; line breaks are layout, not glyphs. */
export function xrCharSources(sources: readonly XrTextSource[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { where, text } of sources) {
    for (const ch of text) {
      if (ch === '\n') continue;
      const list = map.get(ch);
      if (!list) map.set(ch, [where]);
      else if (list[list.length - 1] !== where) list.push(where);
    }
  }
  return map;
}

/** The characters the XR scene needs, sorted by code point: what the atlas must hold. */
export function xrCharset(bundles: readonly XrBundle[]): string {
  return [...xrCharSources(xrTextSources(bundles)).keys()].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

/** The characters of `text` (line breaks aside) that `charset` lacks, each once, in order. */
export function xrMissingChars(text: string, charset: string | ReadonlySet<string>): string[] {
  const has = typeof charset === 'string' ? new Set(charset) : charset;
  const missing: string[] = [];
  for (const ch of text) if (ch !== '\n' && !has.has(ch) && !missing.includes(ch)) missing.push(ch);
  return missing;
}

function describeChar(ch: string, where: readonly string[]): string {
  const cp = ch.codePointAt(0)!;
  const shown = cp < 0x20 ? JSON.stringify(ch).slice(1, -1) : ch;
  const places = where.length > 3 ? `${where.slice(0, 3).join('; ')}; and ${where.length - 3} more` : where.join('; ');
  return `"${shown}" U+${cp.toString(16).toUpperCase().padStart(4, '0')} (${places})`;
}

/**
 * Why the atlas cannot hold every needed character, as one message naming each character, its
 * code point and where it comes from, or null when it can. `fontHas` says whether the font has a
 * glyph; a character outside the BMP is refused regardless, since uikit lays text out by UTF-16
 * code unit and so never looks such a glyph up.
 */
export function xrGlyphProblems(chars: ReadonlyMap<string, readonly string[]>, fontHas: (ch: string) => boolean, fontName: string): string | null {
  const astral: string[] = [];
  const absent: string[] = [];
  for (const [ch, where] of chars) {
    if (ch.codePointAt(0)! > 0xffff) astral.push(describeChar(ch, where));
    else if (!fontHas(ch)) absent.push(describeChar(ch, where));
  }
  if (astral.length === 0 && absent.length === 0) return null;
  const lines = ['The in-world XR font cannot show every character the XR scene needs:'];
  if (absent.length) lines.push(`${fontName} has no glyph for ${absent.length}:`, ...absent.map((l) => `  ${l}`));
  if (astral.length) lines.push(`${astral.length} outside the BMP, which uikit cannot lay out:`, ...astral.map((l) => `  ${l}`));
  lines.push('Use other characters in those texts (or a font that has them).');
  return lines.join('\n');
}
