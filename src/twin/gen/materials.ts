/** PBR material table for the generated twin (glTF metallic-roughness). */
import type { MaterialId } from './types';

export interface MaterialSpec {
  /** sRGB hex; converted to linear for glTF. */
  color: string;
  metallic: number;
  roughness: number;
  alpha?: number;
  emissive?: string;
  emissiveStrength?: number;
  clearcoat?: { factor: number; roughness: number };
  doubleSided?: boolean;
}

export const MATERIALS: Record<MaterialId, MaterialSpec> = {
  paint: { color: '#1f3b63', metallic: 0.6, roughness: 0.35, clearcoat: { factor: 1, roughness: 0.04 } },
  trim: { color: '#141518', metallic: 0.1, roughness: 0.45 },
  liner: { color: '#0b0b0c', metallic: 0, roughness: 0.9, doubleSided: true },
  glass: { color: '#0c1118', metallic: 0, roughness: 0.04, alpha: 0.82 },
  interior: { color: '#1c1a19', metallic: 0, roughness: 0.85, doubleSided: true },
  headlight: { color: '#ffffff', metallic: 0, roughness: 0.2, emissive: '#e8f1ff', emissiveStrength: 4 },
  taillight: { color: '#5a0508', metallic: 0, roughness: 0.2, emissive: '#ff1a1f', emissiveStrength: 3 },
  tyre: { color: '#1a1a1b', metallic: 0, roughness: 0.88 },
  rim: { color: '#b9bdc2', metallic: 1, roughness: 0.28, doubleSided: true },
  rim_dark: { color: '#2b2e33', metallic: 0.8, roughness: 0.4 },
  brake: { color: '#6d6f72', metallic: 1, roughness: 0.45 },
  caliper: { color: '#d9381e', metallic: 0.2, roughness: 0.4 },
  pack: { color: '#a7adb4', metallic: 0.85, roughness: 0.38 },
  module: { color: '#3b4047', metallic: 0.5, roughness: 0.5 },
  cell: { color: '#2f6fdc', metallic: 0.3, roughness: 0.45 },
  hv: { color: '#ff6a13', metallic: 0, roughness: 0.45, emissive: '#ff6a13', emissiveStrength: 0.25 },
  motor: { color: '#8a929c', metallic: 0.9, roughness: 0.35 },
  crash: { color: '#7b62e0', metallic: 0.4, roughness: 0.45 },
  thermal: { color: '#22b5d8', metallic: 0.3, roughness: 0.4 },
  port: { color: '#101114', metallic: 0.2, roughness: 0.5, emissive: '#27e08a', emissiveStrength: 0.4 },
};

/** sRGB hex -> linear RGB (IEC 61966-2-1 transfer function). */
export function hexToLinear(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const f = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return [f((n >> 16) & 255), f((n >> 8) & 255), f(n & 255)];
}
