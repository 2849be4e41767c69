import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { WebGLRenderer } from 'three';
import { useTwinStore } from '../../ui/twin/twin-store.ts';
import { setXRRenderer } from '../../xr/session.ts';
import { useXrSession } from '../../xr/xr-state.ts';
import { xrStore } from '../../xr/xr-store.ts';
import { resetArLive } from './ar-live.ts';
import { resetCarRig } from './CarRig.tsx';

/**
 * Joins the canvas to XR: registers its renderer for `enterImmersive`, and keeps the twin screen as
 * it was across a session. What XR changes of the twin's state (the pack tint of the panel's
 * scenario, an open hotspot) is put back when the session ends; trim, view and paint are the twin
 * store's and stay as the customer left them in XR.
 */
export function XRBridge() {
  const gl = useThree((s) => s.gl) as WebGLRenderer;
  useEffect(() => {
    setXRRenderer(gl);
    return () => setXRRenderer(null);
  }, [gl]);

  useEffect(() => {
    let saved: { packTempC: number | null; packThermal: ReturnType<typeof useTwinStore.getState>['packThermal'] } | null = null;
    return xrStore.subscribe((s, prev) => {
      if (s.session && !prev.session) {
        const t = useTwinStore.getState();
        saved = { packTempC: t.packTempC, packThermal: t.packThermal };
      }
      if (!s.session && prev.session) {
        resetArLive();
        resetCarRig();
        useXrSession.getState().endSession();
        if (saved) useTwinStore.setState({ ...saved, selectedHotspot: null });
        saved = null;
        // The kiosk camera frames the car again (the headset left the camera where the head was).
        const t = useTwinStore.getState();
        t.requestCamera(t.cameraRequest.preset);
      }
    });
  }, []);
  return null;
}
