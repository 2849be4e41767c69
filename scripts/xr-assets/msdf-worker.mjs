// Worker thread for msdf.ts: renders one font's glyphs with msdfgen (wasm). Plain JavaScript so that
// a worker can start it in every context the build runs in (Vite's bundled config, vitest, tsx).
// MSDF generation costs about 9 ms a glyph at 46 × 46 px, so each weight renders in its own thread,
// and each glyph is kept in `glyphCache` (a folder per source font, size and renderer), so a new
// message costs only its new characters.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { wasmPath, jsPath, fontBytes, chars, sizePx, distanceRangePx, ascenderEm, glyphCache } = workerData;

// A cached glyph: width and height (uint16), xoffset, yoffset, xadvance (float64), then the RGB bytes.
function readCached(codePoint) {
  if (!glyphCache) return null;
  const file = join(glyphCache, `${codePoint.toString(16)}.bin`);
  if (!existsSync(file)) return null;
  const b = readFileSync(file);
  const width = b.readUInt16LE(0);
  const height = b.readUInt16LE(2);
  const rgb = new Uint8Array(b.buffer.slice(b.byteOffset + 28, b.byteOffset + b.length));
  if (rgb.length !== width * height * 3) return null;
  return { width, height, xoffset: b.readDoubleLE(4), yoffset: b.readDoubleLE(12), xadvance: b.readDoubleLE(20), rgb: rgb.length ? rgb : null };
}

function writeCached(codePoint, g) {
  if (!glyphCache) return;
  mkdirSync(glyphCache, { recursive: true });
  const head = Buffer.alloc(28);
  head.writeUInt16LE(g.width, 0);
  head.writeUInt16LE(g.height, 2);
  head.writeDoubleLE(g.xoffset, 4);
  head.writeDoubleLE(g.yoffset, 12);
  head.writeDoubleLE(g.xadvance, 20);
  const file = join(glyphCache, `${codePoint.toString(16)}.bin`);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, g.rgb ? Buffer.concat([head, g.rgb]) : head);
  renameSync(tmp, file);
}

const factory = await import(pathToFileURL(jsPath).href);
const m = await factory.default({ wasmBinary: readFileSync(wasmPath) });
const font = new m.Font();
const vector = new m.VectorUnsignedChar();
for (const byte of fontBytes) vector.push_back(byte);
const loaded = font.loadFromMemory(vector);
vector.delete();
if (!loaded) throw new Error('msdfgen could not read the font');

const S = sizePx;
const pad = Math.floor(distanceRangePx / 2);
const base = ascenderEm * S;
const glyphs = [];
const transfer = [];
let rendered = 0;
for (const char of chars) {
  const codePoint = char.codePointAt(0);
  const cached = readCached(codePoint);
  if (cached) {
    if (cached.rgb) transfer.push(cached.rgb.buffer);
    glyphs.push({ char, codePoint, ...cached });
    continue;
  }
  rendered++;
  const shape = font.getGlyphShape(codePoint);
  const xadvance = shape.advance * S;
  if (shape.right <= shape.left || shape.top <= shape.bottom) {
    const empty = { width: 0, height: 0, xoffset: 0, yoffset: 0, xadvance, rgb: null };
    writeCached(codePoint, empty);
    glyphs.push({ char, codePoint, ...empty });
    continue;
  }
  // Whole-pixel box around the outline, padded by half the distance range. msdfgen's bounds
  // include the origin, so a glyph above the baseline keeps the space down to it.
  const left = Math.floor(shape.left * S);
  const bottom = Math.floor(shape.bottom * S);
  const right = Math.ceil(shape.right * S);
  const top = Math.ceil(shape.top * S);
  const width = right - left + 2 * pad;
  const height = top - bottom + 2 * pad;
  const result = font.generateMSDFWithOverlapFix(codePoint, width, height, distanceRangePx, (pad - left) / S, (pad - bottom) / S, S);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = result.data.get(i) ?? 0;
  result.data.delete();
  const glyph = { width, height, xoffset: left - pad, yoffset: base - (top + pad), xadvance, rgb };
  writeCached(codePoint, glyph);
  transfer.push(rgb.buffer);
  glyphs.push({ char, codePoint, ...glyph });
}

// Kerning matters between Latin letters, digits and punctuation; CJK glyphs are monospaced.
const latin = chars.map((c) => c.codePointAt(0)).filter((c) => c < 0x2e80);
const kernings = [];
for (const first of latin) {
  for (const second of latin) {
    const amount = font.getKerning(first, second) * S;
    if (amount !== 0) kernings.push({ first, second, amount });
  }
}
font.delete();
parentPort.postMessage({ glyphs, kernings, rendered }, transfer);
