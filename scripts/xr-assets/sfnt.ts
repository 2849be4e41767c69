/**
 * Just enough of a TrueType/OpenType reader for the font generator: which code points the font
 * maps (cmap formats 4 and 12), its units per em (head), typographic metrics (OS/2) and family
 * name (name). The metrics follow msdf-bmfont-xml's BMFont output, which uikit's layout expects:
 * line height = typo ascender - typo descender + line gap, baseline at the typo ascender.
 */

export interface SfntInfo {
  unitsPerEm: number;
  typoAscender: number;
  typoDescender: number;
  typoLineGap: number;
  familyName: string;
  codePoints: Set<number>;
}

function tables(b: Buffer): Map<string, { offset: number; length: number }> {
  const tag = b.readUInt32BE(0);
  if (tag !== 0x00010000 && tag !== 0x4f54544f && tag !== 0x74727565) throw new Error('not a TrueType/OpenType font');
  const count = b.readUInt16BE(4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    out.set(b.toString('latin1', rec, rec + 4), { offset: b.readUInt32BE(rec + 8), length: b.readUInt32BE(rec + 12) });
  }
  return out;
}

function need(t: Map<string, { offset: number; length: number }>, name: string): number {
  const entry = t.get(name);
  if (!entry) throw new Error(`font has no ${name} table`);
  return entry.offset;
}

function cmapCodePoints(b: Buffer, cmap: number): Set<number> {
  const count = b.readUInt16BE(cmap + 2);
  let best: { format: number; offset: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = b.readUInt16BE(rec);
    const encoding = b.readUInt16BE(rec + 2);
    const offset = cmap + b.readUInt32BE(rec + 4);
    const format = b.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { format, offset };
  }
  if (!best) throw new Error('font has no Unicode cmap (format 4 or 12)');
  const points = new Set<number>();
  const o = best.offset;
  if (best.format === 12) {
    const groups = b.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = b.readUInt32BE(o + 16 + g * 12);
      const end = b.readUInt32BE(o + 20 + g * 12);
      const glyph = b.readUInt32BE(o + 24 + g * 12);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
    }
    return points;
  }
  const segX2 = b.readUInt16BE(o + 6);
  const ends = o + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = b.readUInt16BE(ends + s * 2);
    const start = b.readUInt16BE(starts + s * 2);
    const delta = b.readInt16BE(deltas + s * 2);
    const ro = b.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + ro + (c - start) * 2;
        glyph = b.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}

function familyName(b: Buffer, name: number): string {
  const count = b.readUInt16BE(name + 2);
  const strings = name + b.readUInt16BE(name + 4);
  let fallback = '';
  for (let i = 0; i < count; i++) {
    const rec = name + 6 + i * 12;
    const [platform, , language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((k) => b.readUInt16BE(rec + k)) as [number, number, number, number, number, number];
    if (nameId !== 4 && nameId !== 1) continue;
    const raw = b.subarray(strings + offset, strings + offset + length);
    const text = platform === 3 || platform === 0 ? Buffer.from(raw).swap16().toString('utf16le') : raw.toString('latin1');
    if (nameId === 4 && platform === 3 && language === 0x409) return text;
    if (!fallback) fallback = text;
  }
  return fallback;
}

export function readSfnt(bytes: Uint8Array): SfntInfo {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = tables(b);
  const head = need(t, 'head');
  const os2 = need(t, 'OS/2');
  return {
    unitsPerEm: b.readUInt16BE(head + 18),
    typoAscender: b.readInt16BE(os2 + 68),
    typoDescender: b.readInt16BE(os2 + 70),
    typoLineGap: b.readInt16BE(os2 + 72),
    familyName: t.has('name') ? familyName(b, need(t, 'name')) : '',
    codePoints: cmapCodePoints(b, need(t, 'cmap')),
  };
}
