/**
 * The one XR store of the app (created once, at module scope, as the pmndrs/xr examples do). Nothing
 * is fetched from a CDN: controller and hand profiles come from the app's own `/xr/profiles/` (a
 * trimmed copy of @webxr-input-profiles/assets made at build time), and the emulator pmndrs/xr would
 * inject on localhost is off (tests install iwer themselves). Sessions are entered through
 * `enterImmersive` (session.ts), which keeps every feature optional.
 */
import { createXRStore } from '@react-three/xr';
import { ShowroomController } from '../scene/xr/ShowroomController.tsx';

/** Where the app serves the controller and hand profiles: absolute, with a trailing slash. */
export function profilesBase(base: string = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI): string {
  return new URL('xr/profiles/', base).href;
}

/** Quest's browser default is 72 Hz; pmndrs/xr's 'high' would ask Quest 3 for 120. */
export const XR_FRAME_RATE_HZ = 72;

export const xrStore = createXRStore({
  emulate: false,
  offerSession: false,
  enterGrantedSession: false,
  baseAssetPath: profilesBase(),
  // PICO reports ids the registry lacks; this profile has the buttons every headset controller has.
  defaultControllerProfileId: 'generic-trigger-squeeze-thumbstick',
  defaultXRHandProfileId: 'generic-hand',
  frameRate: (rates) => (Array.from(rates).includes(XR_FRAME_RATE_HZ) ? XR_FRAME_RATE_HZ : false),
  foveation: 0.5,
  // Teleport is a press on the showroom floor with the ordinary ray (Walkthrough.tsx): pmndrs/xr's
  // bent teleport ray slerps by frame time / 100 ms, which overshoots at low frame rates. The
  // controller model is merged into one draw (ShowroomController).
  controller: ShowroomController,
  hand: { teleportPointer: false },
  // Projection layers break camera access on some Android builds (three.js#33404): no layers.
  layers: false,
  planeDetection: false,
  meshDetection: false,
});
