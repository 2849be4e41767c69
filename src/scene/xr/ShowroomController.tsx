import { Suspense, use, useMemo } from 'react';
import { DefaultXRController, useXRInputSourceStateContext, XRSpace } from '@react-three/xr';
import { loadXRControllerModel, type XRControllerLayout } from '@pmndrs/xr/internals';
import { Group, type Mesh } from 'three';
import { mergeByMaterial } from './mesh-batches.ts';

/** One load per profile model for the page (React's `use` needs the same promise every render). */
const models = new Map<string, Promise<Group>>();
function modelOf(layout: XRControllerLayout): Promise<Group> {
  let p = models.get(layout.assetPath);
  if (!p) models.set(layout.assetPath, (p = loadXRControllerModel(layout)));
  return p;
}

/**
 * The profile's controller model (from the app's /xr/profiles/) merged into one mesh per material:
 * the Quest Touch Plus model is six meshes for its buttons, twelve draws for two controllers, per
 * eye. The buttons do not move with the fingers; the ray and its cursor are pmndrs/xr's own.
 */
function MergedControllerModel() {
  const state = useXRInputSourceStateContext('controller');
  const model = use(modelOf(state.layout));
  const merged = useMemo(() => {
    const group = new Group();
    const meshes: Mesh[] = [];
    model.traverse((o) => void ((o as Mesh).isMesh && meshes.push(o as Mesh)));
    const { merged: parts, replaced } = mergeByMaterial(model, meshes);
    for (const m of parts) group.add(m);
    // A mesh with no partner to merge with is shown as it is.
    for (const m of meshes) if (!replaced.includes(m)) group.add(m.clone());
    return group;
  }, [model]);
  return (
    <XRSpace space="grip-space">
      <primitive object={merged} />
    </XRSpace>
  );
}

/** A controller in the showroom: the default ray pointer (no teleport ray: teleport is a press on the floor) and one-draw model. */
export function ShowroomController() {
  return (
    <>
      <DefaultXRController model={false} teleportPointer={false} />
      <Suspense fallback={null}>
        <MergedControllerModel />
      </Suspense>
    </>
  );
}
