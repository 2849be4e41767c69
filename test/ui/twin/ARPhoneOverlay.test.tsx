// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { arLive } from '../../../src/scene/xr/ar-live.ts';
import { ARPhoneOverlay } from '../../../src/ui/twin/ARPhoneOverlay.tsx';
import { useTwinStore } from '../../../src/ui/twin/twin-store.ts';
import { XR_OVERLAY_ROOT_ID } from '../../../src/xr/overlay-root.ts';
import { useXrSession } from '../../../src/xr/xr-state.ts';
import { xrStore } from '../../../src/xr/xr-store.ts';
import { act, render } from '../render.tsx';

/** A phone's AR session as the XR store holds it (the parts the overlay reads). */
function phoneSession(interactionMode: XRInteractionMode): void {
  xrStore.setState({ mode: 'immersive-ar', session: { interactionMode } as unknown as XRSession });
}

function touches(points: [number, number][]): TouchEvent {
  const list = points.map(([x, y], i) => ({ clientX: x, clientY: y, identifier: i }));
  const e = new Event('touchmove', { bubbles: true }) as unknown as TouchEvent;
  Object.defineProperty(e, 'touches', { value: list });
  return e;
}

describe('phone AR controls', () => {
  afterEach(() => {
    act(() => xrStore.setState({ mode: null, session: undefined }));
    useXrSession.getState().endSession();
  });

  it('shows nothing outside a phone AR session, nor on a headset (its panel is in the world)', () => {
    const view = render(<ARPhoneOverlay locale="zh-CN" />);
    expect(document.getElementById(XR_OVERLAY_ROOT_ID)?.textContent ?? '').toBe('');
    act(() => phoneSession('world-space'));
    expect(document.getElementById(XR_OVERLAY_ROOT_ID)?.textContent ?? '').toBe('');
    view.unmount();
  });

  it('puts the hint, scale, views, scenarios and exit over the camera view, and acts on them', () => {
    const view = render(<ARPhoneOverlay locale="zh-CN" />);
    act(() => phoneSession('screen-space'));
    const root = document.getElementById(XR_OVERLAY_ROOT_ID)!;
    expect(root.textContent).toContain('请缓慢移动，对准地面');
    const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
    act(() => button('1:10 桌面').click());
    expect(useXrSession.getState().placement.scale).toBe(0.1);
    act(() => button('透视').click());
    expect(useTwinStore.getState().view).toBe('xray');
    act(() => button('夏季城市').click());
    expect(useTwinStore.getState().xrScenario).toBe('summer-city');
    // A tap on a control does not reach the session as a select.
    const before = new Event('beforexrselect', { bubbles: true, cancelable: true });
    button('透视').dispatchEvent(before);
    expect(before.defaultPrevented).toBe(true);
    const elsewhere = new Event('beforexrselect', { bubbles: true, cancelable: true });
    root.dispatchEvent(elsewhere);
    expect(elsewhere.defaultPrevented).toBe(false);
    view.unmount();
  });

  it('turns the placed car with a two-finger twist, committed when the fingers lift', () => {
    const view = render(<ARPhoneOverlay locale="en" />);
    act(() => phoneSession('screen-space'));
    act(() => useXrSession.getState().dispatch({ type: 'place', at: [0, 0, -2], viewer: [0, 1.5, 0] }));
    const placed = useXrSession.getState().placement;
    if (placed.kind !== 'placed') throw new Error(placed.kind);
    const root = document.getElementById(XR_OVERLAY_ROOT_ID)!;
    root.dispatchEvent(touches([[100, 300], [300, 300]]));
    root.dispatchEvent(touches([[100, 300], [100, 100]])); // a quarter turn counter-clockwise on the screen
    expect(arLive.yawDelta).toBeCloseTo(Math.PI / 2, 9);
    const end = new Event('touchend', { bubbles: true });
    Object.defineProperty(end, 'touches', { value: [] });
    act(() => void root.dispatchEvent(end));
    const after = useXrSession.getState().placement;
    if (after.kind !== 'placed') throw new Error(after.kind);
    expect(after.pose.yawRad).toBeCloseTo(placed.pose.yawRad + Math.PI / 2, 9);
    expect(arLive.yawDelta).toBe(0);
    view.unmount();
  });
});
