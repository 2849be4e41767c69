/**
 * The share link as a QR module matrix (qrcode package, computed locally: the kiosk never asks a
 * web service to draw it) and as one SVG path, a unit square per dark module.
 */
import QRCode from 'qrcode';

export interface QrMatrix {
  size: number;
  /** Row-major, true for a dark module. */
  dark: boolean[];
}

/** Medium error correction: survives a scratched kiosk screen and a shaky phone camera. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: Array.from(modules.data, (b) => b !== 0) };
}

/** SVG path data for the dark modules, offset by a quiet zone of `margin` modules. */
export function qrPath(m: QrMatrix, margin: number): string {
  let d = '';
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      if (m.dark[y * m.size + x]) d += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  return d;
}
