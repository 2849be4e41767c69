import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, InstancedMesh, Mesh, MeshBasicMaterial, Vector3 } from 'three';
import { MeshBatches, mergeByMaterial } from '../../src/scene/xr/mesh-batches.ts';

function scene() {
  const root = new Group();
  const paint = new MeshBasicMaterial({ name: 'paint' });
  const glass = new MeshBasicMaterial({ name: 'glass' });
  const a = new Mesh(new BoxGeometry(1, 1, 1), paint);
  a.position.set(2, 0, 0);
  const b = new Mesh(new BoxGeometry(1, 1, 1), paint);
  const part = new Group();
  part.position.set(0, 3, 0);
  part.add(b);
  const c = new Mesh(new BoxGeometry(1, 1, 1), glass);
  const cells = new InstancedMesh(new BoxGeometry(0.1, 0.1, 0.1), paint, 10);
  root.add(a, part, c, cells);
  return { root, a, b, c, cells, paint };
}

describe('XR mesh batches', () => {
  it('merges meshes that share a material into one, in the root’s frame, and leaves the rest alone', () => {
    const { root, a, b, c, cells, paint } = scene();
    const { merged, replaced } = mergeByMaterial(root, [a, b, c, cells]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.material).toBe(paint);
    expect(replaced).toEqual([a, b]);
    merged[0]!.geometry.computeBoundingBox();
    const box = merged[0]!.geometry.boundingBox!;
    expect(box.min.toArray()).toEqual([-0.5, -0.5, -0.5]);
    expect(box.max.toArray()).toEqual([2.5, 3.5, 0.5]); // a at x = 2, b under a group at y = 3
  });

  it('hides what it merged and puts it back; a view that hid a mesh keeps it out of the batch', () => {
    const { root, a, b, c, cells } = scene();
    const batches = new MeshBatches(root);
    b.visible = false; // the view hides it
    const extra = new Mesh(new BoxGeometry(1, 1, 1), a.material);
    root.add(extra);
    batches.build([a, b, c, cells, extra]);
    expect(batches.active).toBe(true);
    expect([a.visible, extra.visible, b.visible, c.visible]).toEqual([false, false, false, true]);
    const batch = root.children.find((o) => o.name === 'xr-batch') as Mesh;
    batch.geometry.computeBoundingBox();
    expect(batch.geometry.boundingBox!.max.y).toBeCloseTo(0.5, 9); // b was not in it
    batches.clear();
    expect(root.children.some((o) => o.name === 'xr-batch')).toBe(false);
    expect([a.visible, extra.visible]).toEqual([true, true]);
  });

  it('batches a car the rig above has hidden for a while (AR scanning), by what the view shows', () => {
    const { root, a, b } = scene();
    const rig = new Group();
    rig.add(root);
    rig.visible = false;
    const batches = new MeshBatches(root);
    batches.build([a, b]);
    expect(batches.active).toBe(true);
    expect(new Vector3().setFromMatrixPosition(root.matrixWorld).toArray()).toEqual([0, 0, 0]);
  });
});
