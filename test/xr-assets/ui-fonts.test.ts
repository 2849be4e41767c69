import { describe, expect, it } from 'vitest';
import { appCharset, fontFaceCss, gb2312Level1, unicodeRange } from '../../scripts/xr-assets/ui-fonts.ts';

describe("the screens' font", () => {
  it('takes printable ASCII and every non-ASCII character of the texts, once, by code point', () => {
    const cps = appCharset(['续航 km', '航°C', 'ç']);
    expect(cps.filter((c) => c < 0x7f)).toHaveLength(0x7e - 0x20 + 1);
    expect(cps.filter((c) => c > 0x7f).map((c) => String.fromCodePoint(c)).join('')).toBe('°ç续航');
  });

  it('leaves out lone surrogates and variation selectors', () => {
    expect(appCharset(['\ud800', '\ufe0f']).filter((c) => c > 0x7e)).toEqual([]);
  });

  it('writes runs of code points as CSS ranges', () => {
    expect(unicodeRange([0x20, 0x21, 0x22, 0x4e00, 0x4e02, 0x4e03])).toBe('U+20-22, U+4E00, U+4E02-4E03');
  });

  it('has the 3,755 hanzi of GB 2312 level 1, from 啊 to 座', () => {
    const level1 = gb2312Level1();
    expect(level1).toHaveLength(3755);
    expect(new Set(level1).size).toBe(3755);
    expect(String.fromCodePoint(level1[0]!)).toBe('啊');
    expect(String.fromCodePoint(level1.at(-1)!)).toBe('座');
    // Every one a CJK unified ideograph.
    expect(level1.every((c) => c >= 0x4e00 && c <= 0x9fff)).toBe(true);
  });

  it("declares each weight's common-hanzi face before its app face, which the browser then tries first", () => {
    const css = fontFaceCss('U+20-7E');
    const faces = css.split('\n').filter((l) => l.startsWith('@font-face'));
    expect(faces).toHaveLength(4);
    expect(faces[0]).toMatch(/font-weight: 400;.*ui-sc-400-more\.woff2.*unicode-range: U\+3400-4DBF, U\+4E00-9FFF;/);
    expect(faces[1]).toMatch(/font-weight: 400;.*ui-sc-400\.woff2.*unicode-range: U\+20-7E;/);
    expect(faces[3]).toMatch(/font-weight: 700;.*ui-sc-700\.woff2/);
  });
});
