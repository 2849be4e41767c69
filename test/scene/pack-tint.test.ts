import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, MeshStandardMaterial, Plane, Vector3 } from 'three';
import { applyPackTint, cellTemperatureColor } from '../../src/scene/pack-tint.ts';
import { indexParts } from '../../src/scene/part-index.ts';
import { applyView } from '../../src/scene/view-modes.ts';

function named<T extends Group | Mesh>(o: T, name: string): T {
  o.userData.name = name;
  return o;
}

function twin() {
  const root = new Group();
  const pack = named(new Group(), 'battery/pack');
  const module = named(new Group(), 'battery/module_01');
  const own = new MeshStandardMaterial({ color: '#3060ff', name: 'cell' });
  const cells = named(new Mesh(new BoxGeometry(), own), 'battery/module_01/cells');
  const shell = named(new Mesh(new BoxGeometry(), new MeshStandardMaterial({ name: 'paint' })), 'body/shell');
  module.add(cells);
  pack.add(module);
  root.add(pack, shell);
  return { index: indexParts(root), cells, shell, own };
}

describe('pack tint', () => {
  it('runs from blue in the cold through green to red in the heat', () => {
    const cold = cellTemperatureColor(-25);
    const mild = cellTemperatureColor(20);
    const hot = cellTemperatureColor(42);
    expect(cold.b).toBeGreaterThan(cold.r);
    expect(mild.g).toBeGreaterThan(mild.r);
    expect(mild.g).toBeGreaterThan(mild.b);
    expect(hot.r).toBeGreaterThan(hot.b);
    expect(cellTemperatureColor(-60).equals(cellTemperatureColor(-30))).toBe(true);
  });

  it('tints only the cells, composes with the view, and gives them their own material back', () => {
    const { index, cells, shell, own } = twin();
    const plane = new Plane(new Vector3(0, 0, -1), 0);
    applyView(index, 'xray', plane);
    const shellMaterial = shell.material;
    applyPackTint(index, -20);
    const tinted = cells.material as MeshStandardMaterial;
    expect(tinted).not.toBe(own);
    expect(tinted.color.equals(cellTemperatureColor(-20))).toBe(true);
    expect(shell.material).toBe(shellMaterial);
    applyPackTint(index, null);
    expect(cells.material).toBe(own);
  });
});
