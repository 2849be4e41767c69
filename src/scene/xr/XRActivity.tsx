import { useEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { Quaternion, Vector3 } from 'three';
import { XR_ACTIVITY_EVENT } from './xr-activity-event.ts';

/** Head movement that counts as someone there: 10 cm, or 15° of turn, since the last count. */
const MOVED_M = 0.1;
const TURNED_DOT = Math.cos(((15 / 2) * Math.PI) / 180);

const at = new Vector3();
const facing = new Quaternion();

/**
 * A customer in a headset touches no screen: without this the kiosk's idle reset would end their
 * session after two minutes. A select or squeeze, or the head moving or turning, counts as a touch;
 * a headset put down on a table does not (it stops moving), so the kiosk still resets.
 */
export function XRActivity() {
  const session = useXR((s) => s.session);
  const last = useRef<{ at: Vector3; facing: Quaternion } | null>(null);

  useEffect(() => {
    if (!session) return;
    const touched = () => window.dispatchEvent(new Event(XR_ACTIVITY_EVENT));
    session.addEventListener('selectstart', touched);
    session.addEventListener('squeezestart', touched);
    touched();
    return () => {
      session.removeEventListener('selectstart', touched);
      session.removeEventListener('squeezestart', touched);
      last.current = null;
    };
  }, [session]);

  useFrame(({ camera }) => {
    if (!session) return;
    camera.getWorldPosition(at);
    camera.getWorldQuaternion(facing);
    const l = last.current;
    if (!l) {
      last.current = { at: at.clone(), facing: facing.clone() };
      return;
    }
    if (l.at.distanceTo(at) > MOVED_M || Math.abs(l.facing.dot(facing)) < TURNED_DOT) {
      l.at.copy(at);
      l.facing.copy(facing);
      window.dispatchEvent(new Event(XR_ACTIVITY_EVENT));
    }
  });
  return null;
}
