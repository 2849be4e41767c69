import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { Container, Text } from '@react-three/uikit';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial, Matrix4, Object3D, Vector3, type BufferAttribute, type Group, type InstancedMesh } from 'three';
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
/** How far above the car's roof an open card's lower edge floats, m in the world. */
const CARD_RISE_M = 0.3;
const dummy = new Object3D();
const toLocal = new Matrix4();
const scaleNow = new Vector3();
const eye = new Vector3();
const world = new Vector3();

/** The markers' world positions, and the open card's title (read by the browser tests through the debug handle). */
export const hotspotDebug = { markers: [] as { id: string; at: number[] }[], openTitle: null as string | null };

/**
 * Where the open card stands in the world, written each frame by the markers (which live in the
 * car's frame) and read by the card (which lives in the scene: under the car its buttons would be
 * scaled with a 1:10 car, and the car's drag box would sit between them and the ray).
 */
const cardAnchor = { at: new Vector3(), valid: false };

/**
 * The hotspots in the world: a marker on each part a hotspot points to (all markers one instanced
 * mesh: one draw call), and the card of the open one above the car over its part, turned to the
 * user, in the kiosk's language, with the bundle's title and text. `topY` is the car's roof in its
 * own frame. Opening a hotspot switches to its view, as on the kiosk.
 */
export function XRHotspots({ hotspots, index, topY }: { hotspots: Hotspot[]; index: PartIndex; topY: number }) {
  const view = useTwinStore((s) => s.view);
  const openId = useXrSession((s) => s.hotspotId);
  const markers = useRef<InstancedMesh>(null);
  const leaderLine = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(new Float32Array(6), 3));
    const line = new Line(g, new LineBasicMaterial({ color: '#5eead4', depthTest: false, transparent: true, opacity: 0.8 }));
    // Decoration only: a line takes rays within a whole metre of it (three's default threshold),
    // and under the car it would catch the ray meant for the card's close button.
    line.raycast = () => {};
    return line;
  }, []);
  const leader = useRef<Line>(leaderLine);
  const parent = useRef<Group>(null);
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
    hotspotDebug.markers = centres.map((c, i) => ({ id: shown[i]!.id, at: p.localToWorld(world.copy(c)).toArray() }));
    centres.forEach((c, i) => {
      dummy.position.copy(c);
      dummy.scale.setScalar(MARKER_M * inverse);
      dummy.updateMatrix();
      m.setMatrixAt(i, dummy.matrix);
    });
    m.count = centres.length;
    m.instanceMatrix.needsUpdate = true;
    const open = shown.findIndex((h) => h.id === openId);
    cardAnchor.valid = open >= 0 && centres[open] !== undefined;
    if (cardAnchor.valid) {
      // Above the car, over its part, with a line down to the marker: readable at eye height, and
      // clear of the car and of the panel below.
      const c = centres[open]!;
      p.localToWorld(cardAnchor.at.set(c.x, topY + CARD_RISE_M * inverse, c.z));
      const line = leader.current;
      if (line) {
        const pos = line.geometry.getAttribute('position') as BufferAttribute;
        pos.setXYZ(0, c.x, c.y, c.z);
        pos.setXYZ(1, c.x, topY + CARD_RISE_M * inverse, c.z);
        pos.needsUpdate = true;
        line.geometry.computeBoundingSphere();
      }
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
      {open && <primitive object={leaderLine} />}
    </group>
  );
}

/**
 * The open hotspot's card, in the scene: above the car over its part (where the markers say),
 * turned to the user, in the kiosk's language with the bundle's title and text, and a close button.
 */
export function XRHotspotCard({ hotspots, locale }: { hotspots: Hotspot[]; locale: Locale }) {
  const openId = useXrSession((s) => s.hotspotId);
  const card = useRef<Group>(null);
  const { camera } = useThree();
  const open = hotspots.find((h) => h.id === openId) ?? null;
  hotspotDebug.openTitle = open ? open.title[locale] : null;

  useFrame(() => {
    const g = card.current;
    if (!g) return;
    g.visible = cardAnchor.valid;
    if (!cardAnchor.valid) return;
    g.position.copy(cardAnchor.at);
    camera.getWorldPosition(eye);
    g.lookAt(eye.x, g.position.y, eye.z);
  });

  if (!open) return null;
  return (
    <group ref={card} visible={false} pointerEventsOrder={1} name="xr-hotspot-card">
      <Container fontFamilies={XR_FONT_FAMILIES} fontFamily={XR_FONT_FAMILY} pixelSize={0.0015} width={420} anchorY="bottom" flexDirection="column" gap={10} padding={20} borderRadius={20} backgroundColor="#0b1220" opacity={0.94}>
        <Text fontSize={28} fontWeight="bold" color="#e6f1ff">{open.title[locale]}</Text>
        {/* uikit breaks lines at spaces only: Chinese text breaks anywhere. */}
        <Text fontSize={20} color="#cbd5e1" wordBreak={locale === 'zh-CN' ? 'break-all' : 'break-word'}>{open.body[locale]}</Text>
        <XRButton id="hotspot-close" label={xrText(locale, 'hotspot.close')} onPress={() => useXrSession.getState().openHotspot(null)} />
      </Container>
    </group>
  );
}
