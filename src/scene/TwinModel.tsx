import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { Box3, Plane, Vector3, type Group } from 'three';
import type { TwinView } from '../twin/twin-schema';
import { viewAvailability, type ViewAvailability } from '../twin/part-names';
import { loadTwin } from './load-twin';
import { indexParts, type PartIndex } from './part-index';
import { applyPaint, applyView } from './view-modes';
import { applyPackTint } from './pack-tint';
import { explodeRig, type ExplodeRig } from './exploded-pack';
import { markBusy, setDebugRoot } from './debug-handle';
import { MeshBatches } from './xr/mesh-batches.ts';

export interface LoadedTwin {
  index: PartIndex;
  bounds: Box3;
  availability: ViewAvailability[];
}

export interface TwinModelProps {
  url: string;
  view: TwinView;
  paintHex: string | null;
  /** Section plane position 0 (rear) .. 1 (front). */
  section: number;
  /** Simulated cell temperature to tint the pack with, °C; null for the cells' own look. */
  packTempC: number | null;
  onProgress: (fraction: number) => void;
  onLoaded: (t: LoadedTwin) => void;
  onError: (message: string) => void;
  onFirstFrame: () => void;
  onDoubleTap: (point: Vector3) => void;
  /** Merge meshes by material (in XR: every draw is issued per eye), once the view is still. */
  batch?: boolean;
}

/** Loads the twin GLB, applies view/paint/section, animates the exploded pack. */
export function TwinModel(p: TwinModelProps) {
  const { invalidate } = useThree();
  const [scene, setScene] = useState<Group | null>(null);
  const index = useRef<PartIndex | null>(null);
  const rig = useRef<ExplodeRig | null>(null);
  const bounds = useRef<Box3 | null>(null);
  const explodeT = useRef(0);
  const batches = useRef<MeshBatches | null>(null);
  const needBatch = useRef(false);
  const firstFrameSent = useRef(false);
  const plane = useMemo(() => new Plane(new Vector3(0, 0, -1), 0), []);
  const cb = useRef(p);
  cb.current = p;

  useEffect(() => {
    let cancelled = false;
    setScene(null);
    firstFrameSent.current = false;
    loadTwin(p.url, (f) => cb.current.onProgress(f))
      .then((gltf) => {
        if (cancelled) return;
        const root = gltf.scene;
        const idx = indexParts(root);
        if (idx.meshes.length === 0) throw new Error('the model has no meshes');
        const box = new Box3().setFromObject(root);
        if (box.isEmpty() || !Number.isFinite(box.min.x)) throw new Error('the model is empty');
        // A maker's model may not sit on the ground or at the origin: put it there.
        if (!idx.byName.has('battery/pack')) {
          const c = box.getCenter(new Vector3());
          root.position.set(-c.x, -box.min.y, -c.z);
          box.setFromObject(root);
        }
        index.current = idx;
        bounds.current = box;
        batches.current?.clear();
        batches.current = new MeshBatches(root);
        rig.current = explodeRig(idx, box.max.y);
        explodeT.current = 0;
        setScene(root);
        setDebugRoot(root);
        cb.current.onLoaded({ index: idx, bounds: box, availability: viewAvailability(idx.names) });
      })
      .catch((e: unknown) => { if (!cancelled) cb.current.onError(e instanceof Error ? e.message : String(e)); });
    return () => { cancelled = true; };
  }, [p.url]);

  useEffect(() => {
    if (!index.current || !bounds.current) return;
    const b = bounds.current;
    // Batches first undone (they hide what they merged), then the view decides what shows.
    batches.current?.clear();
    plane.constant = b.min.z + (b.max.z - b.min.z) * p.section;
    applyView(index.current, p.view, plane);
    applyPackTint(index.current, p.packTempC);
    needBatch.current = p.batch === true;
    invalidate();
  }, [scene, p.view, p.section, p.packTempC, p.batch, plane, invalidate]);

  useEffect(() => {
    if (index.current && p.paintHex) { applyPaint(index.current, p.paintHex); invalidate(); }
  }, [scene, p.paintHex, invalidate]);

  useFrame((_, dt) => {
    if (!scene) return;
    if (!firstFrameSent.current) {
      firstFrameSent.current = true;
      cb.current.onFirstFrame();
    }
    const want = p.view === 'exploded' ? 1 : 0;
    markBusy('explode', !!rig.current && explodeT.current !== want);
    if (rig.current && explodeT.current !== want) {
      const step = Math.min(dt, 0.25) / 1.6;
      explodeT.current = want > explodeT.current ? Math.min(1, explodeT.current + step) : Math.max(0, explodeT.current - step);
      rig.current.set(explodeT.current);
      invalidate();
    }
    // Merged once the exploded pack has stopped moving.
    if (needBatch.current && index.current && explodeT.current === want) {
      needBatch.current = false;
      batches.current?.build(index.current.meshes);
    }
  });

  if (!scene) return null;
  return (
    <primitive
      object={scene}
      onDoubleClick={(e: ThreeEvent<MouseEvent>) => { e.stopPropagation(); p.onDoubleTap(e.point.clone()); }}
    />
  );
}
