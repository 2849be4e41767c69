import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { planLink } from '../../../src/plan/index.ts';
import { qrMatrix, qrPath } from '../../../src/ui/needs/qr-matrix.ts';

/** Rasterises a matrix (quiet zone of 4, `scale` px per module) as RGBA, as a camera would see it. */
function raster(text: string, scale = 4) {
  const m = qrMatrix(text);
  const size = (m.size + 8) * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      if (!m.dark[y * m.size + x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * size + (x + 4) * scale + dx) * 4;
          rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
        }
      }
    }
  }
  return { rgba, size };
}

describe('share QR code', () => {
  it('encodes the plan link, answers and all', () => {
    const link = planLink('https://kiosk.example', { dailyKm: 60, region: 'harbin', priorities: ['technology', 'safety'], camping: true, budgetCny: 250_000 });
    const { rgba, size } = raster(link);
    expect(jsQR(rgba, size, size)?.data).toBe(link);
  });

  it('draws one unit square per dark module, inside the quiet zone', () => {
    const m = qrMatrix('x');
    const squares = qrPath(m, 4).match(/M/g)!.length;
    expect(squares).toBe(m.dark.filter(Boolean).length);
    expect(qrPath(m, 4).startsWith('M4 4h1v1h-1z')).toBe(true); // the finder pattern's corner
  });
});
