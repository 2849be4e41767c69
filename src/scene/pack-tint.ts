/**
 * The pack tinted by simulated cell temperature, so "the battery is cold" is something a customer
 * sees: a thermal-camera ramp from deep blue (−30 °C) through green (comfortable, 15–25 °C) to red.
 */
import { Color, MeshStandardMaterial, type Material } from 'three';
import { owningPart, type PartIndex } from './part-index';
import { categoryOf, originalMaterial } from './view-modes';

const RAMP: readonly (readonly [number, string])[] = [
  [-30, '#1e3a8a'],
  [-15, '#2563eb'],
  [0, '#38bdf8'],
  [15, '#34d399'],
  [25, '#22c55e'],
  [35, '#f59e0b'],
  [45, '#ef4444'],
];

/** Colour of a cell at `cellC`, interpolated on the ramp and clamped at its ends. */
export function cellTemperatureColor(cellC: number): Color {
  const first = RAMP[0]!;
  const last = RAMP[RAMP.length - 1]!;
  if (cellC <= first[0]) return new Color(first[1]);
  if (cellC >= last[0]) return new Color(last[1]);
  let i = 1;
  while (RAMP[i]![0] < cellC) i++;
  const [c0, h0] = RAMP[i - 1]!;
  const [c1, h1] = RAMP[i]!;
  return new Color(h0).lerp(new Color(h1), (cellC - c0) / (c1 - c0));
}

const tinted = new Map<number, MeshStandardMaterial>();

/** One material per whole degree: enough resolution for the eye, few materials for the GPU. */
function tintMaterial(cellC: number): Material {
  const key = Math.round(cellC);
  let m = tinted.get(key);
  if (!m) {
    const color = cellTemperatureColor(key);
    m = new MeshStandardMaterial({ color, emissive: color, emissiveIntensity: 0.55, roughness: 0.45, metalness: 0.1, name: `cells-${key}C` });
    tinted.set(key, m);
  }
  return m;
}

/**
 * Tints every cell (`battery/module_NN/cells`) by `cellC`, or gives them their own materials back
 * when `cellC` is null. Call after `applyView`, which resets materials.
 */
export function applyPackTint(index: PartIndex, cellC: number | null): void {
  for (const mesh of index.meshes) {
    if (categoryOf(owningPart(mesh)) !== 'cells') continue;
    mesh.material = cellC === null ? originalMaterial(mesh) : tintMaterial(cellC);
  }
}
