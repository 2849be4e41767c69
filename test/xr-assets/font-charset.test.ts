import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XR_MESSAGES } from '../../src/xr/messages.ts';
import {
  XR_FONT_FAMILIES,
  XR_FONT_FAMILY,
  xrCharSources,
  xrCharset,
  xrFontFamilies,
  xrGlyphProblems,
  xrMissingChars,
  xrTextSources,
  type XrBundle,
} from '../../src/xr/font.ts';

const ids = (JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { vehicles: string[] }).vehicles;
const bundles: XrBundle[] = ids.map((id) => ({ id, json: JSON.parse(readFileSync(`public/models/${id}/vehicle.json`, 'utf8')) as unknown }));

interface Text {
  'zh-CN': string;
  en: string;
}
interface BundleTexts {
  name: Text;
  model?: Text;
  trim?: Text;
  geometry: { paints: { name: Text }[] };
  twin: { hotspots: { title: Text; body: Text }[] };
}

describe('the characters the XR scene can show', () => {
  const charset = new Set(xrCharset(bundles));

  it('hold every character of every XR message, in both locales (read from the table)', () => {
    for (const [locale, table] of Object.entries(XR_MESSAGES)) {
      for (const [key, value] of Object.entries(table)) {
        expect(xrMissingChars(value, charset), `${locale} ${key}`).toEqual([]);
      }
    }
  });

  it("hold every bundle's names, paint names and hotspot titles and bodies, in both locales", () => {
    for (const { id, json } of bundles) {
      const b = json as BundleTexts;
      const texts = [b.name, b.model, b.trim, ...b.geometry.paints.map((p) => p.name), ...b.twin.hotspots.flatMap((h) => [h.title, h.body])];
      for (const t of texts) {
        if (!t) continue;
        expect(xrMissingChars(t['zh-CN'] + t.en, charset), id).toEqual([]);
      }
    }
  });

  it('hold digits, printable ASCII and the units and punctuation the panel formats', () => {
    let ascii = '';
    for (let c = 0x20; c <= 0x7e; c++) ascii += String.fromCharCode(c);
    expect(xrMissingChars(ascii, charset)).toEqual([]);
    expect(xrMissingChars('° % · … － — ／ km kWh km/h −12°C 62% 412公里 1小时20分钟', charset)).toEqual([]);
    expect(xrMissingChars('，。、；：？！“”‘’（）《》【】「」～', charset)).toEqual([]);
  });

  it('say where each character comes from', () => {
    const where = xrCharSources(xrTextSources(bundles));
    expect(where.get('续')).toEqual(expect.arrayContaining(['src/xr/messages.ts zh-CN range.km']));
    const paint = (bundles[0]!.json as BundleTexts).geometry.paints[0]!.name['zh-CN'];
    expect(where.get(paint[0]!)).toEqual(expect.arrayContaining([`models/${bundles[0]!.id}/vehicle.json geometry.paints[0].name.zh-CN`]));
  });

  it('report a character outside the set: an emoji, a rare hanzi, a tab', () => {
    expect(xrMissingChars('续航 412 公里 😀', charset)).toEqual(['😀']);
    expect(xrMissingChars('龘', charset)).toEqual(['龘']);
    expect(xrMissingChars('a\tb\nc', charset)).toEqual(['\t']);
  });

  it('turn characters a font lacks into one error naming each, its code point and its sources', () => {
    const sources = [...xrTextSources(bundles), { where: 'models/x/vehicle.json twin.hotspots[0].body.zh-CN', text: '电池龘😀' }];
    const fontHas = (ch: string) => ch !== '龘' && ch !== '😀';
    const problem = xrGlyphProblems(xrCharSources(sources), fontHas, 'Noto Sans SC Regular');
    expect(problem).toMatch(/"龘" U\+9F98 \(models\/x\/vehicle\.json twin\.hotspots\[0\]\.body\.zh-CN\)/);
    expect(problem).toMatch(/"😀" U\+1F600/);
    expect(problem).toMatch(/Noto Sans SC Regular/);
    expect(xrGlyphProblems(xrCharSources(xrTextSources(bundles)), () => true, 'x')).toBeNull();
  });

  it('a character outside the BMP is a problem even in a font that has it: uikit lays text out by UTF-16 unit', () => {
    expect(xrGlyphProblems(new Map([['😀', ['here']]]), () => true, 'x')).toMatch(/"😀" U\+1F600 \(here\)/);
  });
});

describe('the uikit fontFamilies for the in-world panels', () => {
  it('point at the generated fonts, absolute from the document base, regular and bold', () => {
    const families = xrFontFamilies('https://kiosk.lan:8443/showroom/#/twin');
    expect(Object.keys(families)).toEqual([XR_FONT_FAMILY]);
    expect(families[XR_FONT_FAMILY]).toEqual({
      normal: 'https://kiosk.lan:8443/showroom/xr/fonts/noto-sans-sc-400.json',
      bold: 'https://kiosk.lan:8443/showroom/xr/fonts/noto-sans-sc-700.json',
    });
    expect(XR_FONT_FAMILIES).toEqual(xrFontFamilies('http://localhost/'));
  });
});
