/**
 * The DOM-overlay root of phone AR (WebXR `dom-overlay`, Android Chrome only): the element the
 * browser keeps on screen over the camera view during the session. The AR button passes it to
 * `enterImmersive('immersive-ar', xrOverlayRoot())`; the scene renders its phone controls into it
 * with a React portal, only while an AR session runs. One element for the page, made on first use,
 * a direct child of `<body>` so no screen's layout or `overflow` clips it; hidden while empty.
 */
export const XR_OVERLAY_ROOT_ID = 'xr-overlay-root';

/** The overlay root element, created (empty) in `<body>` when it is not there yet. */
export function xrOverlayRoot(doc: Document = document): HTMLElement {
  const existing = doc.getElementById(XR_OVERLAY_ROOT_ID);
  if (existing) return existing;
  const root = doc.createElement('div');
  root.id = XR_OVERLAY_ROOT_ID;
  root.className = 'xr-overlay-root';
  doc.body.append(root);
  return root;
}
