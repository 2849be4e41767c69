// Worker thread for msdf.ts: renders one font's glyphs with msdfgen (wasm). Plain JavaScript so that
// a worker can start it in every context the build runs in (Vite's bundled config, vitest, tsx).
// MSDF generation costs about 9 ms a glyph at 46 × 46 px, so each weight renders in its own thread.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { wasmPath, jsPath, fontBytes, chars, sizePx, distanceRangePx, ascenderEm } = workerData;

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
for (const char of chars) {
  const codePoint = char.codePointAt(0);
  const shape = font.getGlyphShape(codePoint);
  const xadvance = shape.advance * S;
  if (shape.right <= shape.left || shape.top <= shape.bottom) {
    glyphs.push({ char, codePoint, width: 0, height: 0, xoffset: 0, yoffset: 0, xadvance, rgb: null });
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
  transfer.push(rgb.buffer);
  glyphs.push({ char, codePoint, width, height, xoffset: left - pad, yoffset: base - (top + pad), xadvance, rgb });
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
parentPort.postMessage({ glyphs, kernings }, transfer);
