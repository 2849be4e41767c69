import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, MeshStandardMaterial, Plane, Vector3, type Object3D } from 'three';
import { applyPaint, applyView, categoryOf } from '../../src/scene/view-modes';
import { indexParts } from '../../src/scene/part-index';
import { explodeRig } from '../../src/scene/exploded-pack';

/** A miniature twin as GLTFLoader would give it: glTF names in userData.name. */
function miniTwin(): Group {
  const root = new Group();
  root.userData.name = 'vehicle';
  const part = (name: string, parent: Object3D, material = new MeshStandardMaterial(), at = new Vector3()) => {
    const node = new Group();
    node.userData.name = name;
    node.position.copy(at);
    node.add(new Mesh(new BoxGeometry(0.2, 0.2, 0.2), material));
    parent.add(node);
    return node;
  };
  const paint = new MeshStandardMaterial({ name: 'paint' });
  part('body/shell', root, paint);
  part('glass/greenhouse', root);
  const pack = part('battery/pack', root, undefined, new Vector3(0, 0.2, 0));
  part('battery/pack_lid', pack);
  for (const [i, x] of [[1, 0.4], [2, -0.4]] as const) {
    const m = part(`battery/module_0${i}`, pack, undefined, new Vector3(x, 0, 0.5));
    part(`battery/module_0${i}/cover`, m);
    part(`battery/module_0${i}/cells`, m);
  }
  part('hv/pack_to_rear_edu', root);
  part('crash/front', root);
  return root;
}

const visible = (root: Object3D) => {
  const out = new Set<string>();
  root.traverseVisible((o) => { if ((o as Mesh).isMesh) out.add(o.parent!.userData.name as string); });
  return out;
};

describe('view modes', () => {
  it('sorts parts into categories by the naming convention', () => {
    expect(categoryOf('battery/module_03/cells')).toBe('cells');
    expect(categoryOf('battery/module_03')).toBe('module');
    expect(categoryOf('glass/greenhouse')).toBe('glass');
    expect(categoryOf('charge_port')).toBe('port');
  });

  it('exterior hides the insides; x-ray shows cells and HV with the body faded, and back again', () => {
    const root = miniTwin();
    const idx = indexParts(root);
    const plane = new Plane(new Vector3(0, 0, -1), 0);
    applyView(idx, 'exterior', plane);
    expect(visible(root).has('battery/module_01/cells')).toBe(false);
    expect(visible(root).has('hv/pack_to_rear_edu')).toBe(false);
    applyView(idx, 'xray', plane);
    const v = visible(root);
    expect(v.has('battery/module_01/cells')).toBe(true);
    expect(v.has('hv/pack_to_rear_edu')).toBe(true);
    const shell = idx.byName.get('body/shell')!.children[0] as Mesh;
    expect((shell.material as MeshStandardMaterial).transparent).toBe(true);
    applyView(idx, 'exterior', plane);
    expect((shell.material as MeshStandardMaterial).name).toBe('paint');
  });

  it('section clips the body with the plane but leaves HV whole', () => {
    const root = miniTwin();
    const idx = indexParts(root);
    const plane = new Plane(new Vector3(0, 0, -1), 0.3);
    applyView(idx, 'section', plane);
    const shell = idx.byName.get('body/shell')!.children[0] as Mesh;
    const hv = idx.byName.get('hv/pack_to_rear_edu')!.children[0] as Mesh;
    expect((shell.material as MeshStandardMaterial).clippingPlanes).toEqual([plane]);
    expect((hv.material as MeshStandardMaterial).clippingPlanes ?? []).toEqual([]);
  });

  it('recolours the paint material, including in the section clones', () => {
    const root = miniTwin();
    const idx = indexParts(root);
    applyPaint(idx, '#ff0000');
    applyView(idx, 'section', new Plane());
    const shell = idx.byName.get('body/shell')!.children[0] as Mesh;
    expect((shell.material as MeshStandardMaterial).color.getHexString()).toBe('ff0000');
  });

  it('explodes the pack: it lifts above the roof, modules spread, the first cover opens; t = 0 restores', () => {
    const root = miniTwin();
    const idx = indexParts(root);
    const rig = explodeRig(idx, 1.46)!;
    const pack = idx.byName.get('battery/pack')!, m1 = idx.byName.get('battery/module_01')!, m2 = idx.byName.get('battery/module_02')!;
    const cover = idx.byName.get('battery/module_01/cover')!;
    rig.set(1);
    expect(pack.position.y).toBeGreaterThan(1.46);
    expect(m1.position.x - m2.position.x).toBeGreaterThan(0.8);
    expect(cover.position.y).toBeGreaterThan(0.1);
    rig.set(0);
    expect(pack.position.y).toBeCloseTo(0.2);
    expect(m1.position.x).toBeCloseTo(0.4);
  });

  it('gives no exploded rig for a model without a pack and modules', () => {
    const root = new Group();
    root.add(new Mesh(new BoxGeometry(), new MeshStandardMaterial()));
    expect(explodeRig(indexParts(root), 1.5)).toBeNull();
  });
});
