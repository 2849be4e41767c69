/**
 * Entering and leaving an immersive session. Every feature is optional: PICO's browser fails a
 * session that *requires* hit-test, and a device without `local-floor` still gets a session, on a
 * `local` space whose origin is the head (the walkthrough then lifts the floor by a standing eye
 * height). pmndrs/xr's own enter always requires `local-floor`, so the session is requested here
 * and handed to three's WebXRManager, whose `sessionstart` the XR store listens to.
 */
import type { WebGLRenderer } from 'three';

export type ImmersiveMode = 'immersive-ar' | 'immersive-vr';

/** Why a session could not start, for the button's message. */
export class XREntryError extends Error {
  constructor(
    readonly reason: 'no-renderer' | 'no-webxr' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/** The session request: nothing required; hit-test, anchors and the DOM overlay only for AR. */
export function sessionInit(mode: ImmersiveMode, domOverlayRoot?: Element): XRSessionInit {
  const optionalFeatures = ['local-floor', 'hand-tracking'];
  if (mode === 'immersive-ar') optionalFeatures.push('hit-test', 'anchors', ...(domOverlayRoot ? ['dom-overlay'] : []));
  return { requiredFeatures: [], optionalFeatures, ...(mode === 'immersive-ar' && domOverlayRoot ? { domOverlay: { root: domOverlayRoot } } : {}) };
}

let renderer: WebGLRenderer | null = null;
let space: 'local-floor' | 'local' = 'local-floor';

/** The reference space of the current (or last) session: on `local` the floor is not at y = 0. */
export function floorSpaceType(): 'local-floor' | 'local' {
  return space;
}

/** The canvas's renderer registers itself here (XRWorld), so a DOM button can start a session. */
export function setXRRenderer(gl: WebGLRenderer | null): void {
  renderer = gl;
}

/** The reference space three should use for this session: `local-floor` when granted, else `local`. */
async function floorSpace(session: XRSession): Promise<'local-floor' | 'local'> {
  if (session.enabledFeatures) return session.enabledFeatures.includes('local-floor') ? 'local-floor' : 'local';
  return session.requestReferenceSpace('local-floor').then(() => 'local-floor' as const, () => 'local' as const);
}

/** Starts an AR or VR session on the twin's canvas; throws XREntryError saying why it cannot. */
export async function enterImmersive(mode: ImmersiveMode, domOverlayRoot?: Element): Promise<XRSession> {
  const gl = renderer;
  if (!gl) throw new XREntryError('no-renderer', 'the 3D view is not ready yet');
  const xr = typeof navigator === 'undefined' ? undefined : navigator.xr;
  if (!xr) throw new XREntryError('no-webxr', 'this browser has no WebXR');
  let session: XRSession;
  try {
    session = await xr.requestSession(mode, sessionInit(mode, domOverlayRoot));
  } catch (error) {
    throw new XREntryError('refused', `${mode} refused: ${(error as Error).message}`);
  }
  space = await floorSpace(session);
  gl.xr.setReferenceSpaceType(space);
  await gl.xr.setSession(session);
  return session;
}

/** Ends the current session, if any (the twin screen is back as it was). */
export async function exitImmersive(): Promise<void> {
  await renderer?.xr.getSession()?.end();
}
