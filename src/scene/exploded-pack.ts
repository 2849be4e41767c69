/**
 * Exploded battery pack: the pack lifts clear of the (ghosted) body, the
 * lid rises, modules spread on a grid, the first module's cover opens to
 * show its cells. `t` runs 0..1; rest poses are captured once per model.
 */
import { Vector3, type Object3D } from 'three';
import type { PartIndex } from './part-index';

/** `from`..`to`: the part of the 0..1 timeline in which this part moves (pack first, then lid, modules, cover). */
interface Pose { obj: Object3D; rest: Vector3; offset: Vector3; from: number; to: number }

export interface ExplodeRig {
  poses: Pose[];
  set(t: number): void;
}

export function explodeRig(index: PartIndex, carTop: number): ExplodeRig | null {
  const pack = index.byName.get('battery/pack');
  if (!pack || index.modules.length === 0) return null;
  const poses: Pose[] = [];
  const add = (o: Object3D | undefined, offset: Vector3, from: number, to: number) => { if (o) poses.push({ obj: o, rest: o.position.clone(), offset, from, to }); };
  add(pack, new Vector3(0, Math.max(0.8, carTop + 0.35 - pack.position.y), 0), 0, 0.5);
  add(index.byName.get('battery/pack_lid'), new Vector3(0, 0.45, 0), 0.35, 0.7);
  add(index.byName.get('battery/skid_plate'), new Vector3(0, -0.12, 0), 0.35, 0.6);
  for (const m of index.modules) {
    const p = m.position;
    add(m, new Vector3(Math.sign(p.x) * 0.14, 0.06, p.z * 0.28), 0.5, 0.9);
  }
  const first = index.modules[0]!;
  const firstName = first.userData.name as string;
  add(index.byName.get(`${firstName}/cover`), new Vector3(0, 0.22, 0), 0.8, 1);
  return {
    poses,
    set(t: number) {
      for (const p of poses) {
        const u = Math.min(1, Math.max(0, (t - p.from) / (p.to - p.from)));
        p.obj.position.copy(p.rest).addScaledVector(p.offset, u * u * (3 - 2 * u));
      }
    },
  };
}
