import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { Container, Text } from '@react-three/uikit';
import { Matrix4, Object3D, Vector3, type Group, type InstancedMesh } from 'three';
import type { Locale } from '../../i18n/messages.ts';
import { useTwinStore } from '../../ui/twin/twin-store.ts';
import type { Hotspot } from '../../twin/twin-schema';
import { XR_FONT_FAMILIES, XR_FONT_FAMILY } from '../../xr/font.ts';
import { xrText } from '../../xr/messages.ts';
import { useXrSession } from '../../xr/xr-state.ts';
import type { PartIndex } from '../part-index';
import { worldCentre } from '../part-index';
import { noteUiPress } from './ui-press.ts';
import { XRButton } from './XRButton.tsx';

/** Marker radius in the world, m, whatever the car's scale. */
const MARKER_M = 0.035;
const dummy = new Object3D();
const toLocal = new Matrix4();
const scaleNow = new Vector3();
const eye = new Vector3();

/**
 * The hotspots in the world: a marker on each part a hotspot points to (all markers one instanced
 * mesh: one draw call), and the card of the open one beside it, turned to the user, in the kiosk's
 * language, with the bundle's title and text. Opening a hotspot switches to its view, as on the kiosk.
 */
export function XRHotspots({ hotspots, index, locale }: { hotspots: Hotspot[]; index: PartIndex; locale: Locale }) {
  const view = useTwinStore((s) => s.view);
  const openId = useXrSession((s) => s.hotspotId);
  const markers = useRef<InstancedMesh>(null);
  const card = useRef<Group>(null);
  const parent = useRef<Group>(null);
  const { camera } = useThree();
  const [centres, setCentres] = useState<Vector3[]>([]);
  const shown = useMemo(() => hotspots.filter((h) => index.byName.has(h.part)), [hotspots, index]);

  // Part centres in the car's own frame, again whenever parts may have moved (a view switch).
  useLayoutEffect(() => {
    const p = parent.current;
    if (!p) return;
    p.updateWorldMatrix(true, false);
    toLocal.copy(p.matrixWorld).invert();
    setCentres(shown.map((h) => worldCentre(index.byName.get(h.part)!).applyMatrix4(toLocal)));
  }, [shown, index, view]);

  useFrame(() => {
    const p = parent.current;
    const m = markers.current;
    if (!p || !m) return;
    p.getWorldScale(scaleNow);
    const inverse = scaleNow.x > 0 ? 1 / scaleNow.x : 1;
    centres.forEach((c, i) => {
      dummy.position.copy(c);
      dummy.scale.setScalar(MARKER_M * inverse);
      dummy.updateMatrix();
      m.setMatrixAt(i, dummy.matrix);
    });
    m.count = centres.length;
    m.instanceMatrix.needsUpdate = true;
    const open = shown.findIndex((h) => h.id === openId);
    if (card.current && open >= 0 && centres[open]) {
      card.current.position.copy(centres[open]!);
      card.current.scale.setScalar(inverse);
      camera.getWorldPosition(eye);
      card.current.lookAt(eye);
    }
  });

  const open = shown.find((h) => h.id === openId) ?? null;
  const select = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    noteUiPress();
    const h = e.instanceId === undefined ? undefined : shown[e.instanceId];
    if (!h) return;
    useXrSession.getState().openHotspot(h.id);
    useTwinStore.getState().selectHotspot(h);
  };

  return (
    <group ref={parent}>
      <instancedMesh ref={markers} args={[undefined, undefined, Math.max(1, shown.length)]} name="xr-hotspots" pointerEvents="auto" pointerEventsOrder={1} onPointerDown={select}>
        <sphereGeometry args={[1, 16, 12]} />
        <meshBasicMaterial color="#5eead4" depthTest={false} transparent opacity={0.92} toneMapped={false} />
      </instancedMesh>
      {open && (
        <group ref={card} pointerEvents="auto" pointerEventsOrder={1} name="xr-hotspot-card">
          <Container fontFamilies={XR_FONT_FAMILIES} fontFamily={XR_FONT_FAMILY} pixelSize={0.0015} width={420} transformTranslateX={260} flexDirection="column" gap={10} padding={20} borderRadius={20} backgroundColor="#0b1220" opacity={0.94}>
            <Text fontSize={28} fontWeight="bold" color="#e6f1ff">{open.title[locale]}</Text>
            {/* uikit breaks lines at spaces only: Chinese text breaks anywhere. */}
            <Text fontSize={20} color="#cbd5e1" wordBreak={locale === 'zh-CN' ? 'break-all' : 'break-word'}>{open.body[locale]}</Text>
            <XRButton id="hotspot-close" label={xrText(locale, 'hotspot.close')} onPress={() => useXrSession.getState().openHotspot(null)} />
          </Container>
        </group>
      )}
    </group>
  );
}
