// @vitest-environment happy-dom
// A customer's phone that scanned the kiosk's QR code.
// @vitest-environment-options {"url": "https://showroom.example.cn/"}
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TwinCanvasProps } from '../../../src/scene/TwinCanvas';
import { encodeAnswers } from '../../../src/plan/share.ts';
import { useTwinStore } from '../../../src/ui/twin/twin-store.ts';
import { act, render } from '../render.tsx';

/** Views the fake model has (the x-ray needs named parts, see part-names.ts). */
let modelViews = { exterior: true, xray: true, exploded: true, section: true };

// The 3D canvas needs WebGL: a stand-in reports the model loaded and shows what it was given.
vi.mock('../../../src/scene/TwinCanvas', () => ({
  TwinCanvas: (p: TwinCanvasProps) => {
    useEffect(() => {
      p.onLoaded({ availability: Object.entries(modelViews).map(([view, available]) => ({ view, available, missing: available ? [] : ['pack/'] })) } as never);
      p.onFirstFrame();
    }, [p.modelUrl]); // eslint-disable-line react-hooks/exhaustive-deps
    return <div data-testid="canvas" data-model={p.modelUrl} data-paint={p.paintHex ?? ''} data-view={p.view} />;
  },
}));

const PUBLIC = join(import.meta.dirname, '../../../public');
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

beforeEach(() => {
  modelViews = { exterior: true, xray: true, exploded: true, section: true };
  useTwinStore.setState({ vehicleId: null, view: 'exterior', paintHex: null, status: 'idle', firstFrame: false, availability: [], xrScenario: null, planAnswers: null });
  // The app's own bundles, served as the kiosk serves them.
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const path = new URL(url, location.href).pathname;
    try {
      return new Response(readFileSync(join(PUBLIC, path)), { status: 200, headers: { 'content-type': 'application/json' } });
    } catch {
      return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Lets fetches and effects run inside act until `check` passes. */
async function eventually(check: () => void, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
}

async function openTwin(url: string) {
  setUrl(url);
  const { TwinScreen } = await import('../../../src/ui/twin/TwinScreen.tsx');
  const view = render(<TwinScreen />);
  const canvas = () => view.container.querySelector<HTMLElement>('[data-testid="canvas"]');
  return { ...view, canvas };
}

describe('the twin screen applies its deep link', () => {
  it('opens the car, paint, view and scenario of the link, with the plan for the commute', async () => {
    const plan = { dailyKm: 60, region: 'harbin' as const };
    const { canvas, unmount } = await openTwin(`https://showroom.example.cn/?twin=vela-s5-long-range&paint=cinnabar-red&view=xray&scenario=commute&a=${encodeAnswers(plan)}#/twin`);
    await eventually(() => expect(canvas()?.dataset).toMatchObject({ model: '/models/vela-s5-long-range/model.glb', paint: '#9c1c22', view: 'xray' }));
    expect(useTwinStore.getState()).toMatchObject({ vehicleId: 'vela-s5-long-range', xrScenario: 'commute', planAnswers: plan });
    unmount();
  });

  it('ignores a vehicle the showroom does not have, and shows the first one', async () => {
    const { canvas, unmount } = await openTwin('https://showroom.example.cn/?twin=no-such-car#/twin');
    await eventually(() => expect(canvas()?.dataset.model).toBe('/models/vela-s5-standard/model.glb'));
    expect(useTwinStore.getState().vehicleId).toBe('vela-s5-standard');
    unmount();
  });

  it("falls back to the bundle's default paint for an unknown paint id, and to the exterior for a view the model lacks", async () => {
    modelViews = { exterior: true, xray: false, exploded: false, section: true };
    const { canvas, unmount } = await openTwin('https://showroom.example.cn/?twin=vela-s5-long-range&paint=gold-leaf&view=xray#/twin');
    await eventually(() => expect(useTwinStore.getState().status).toBe('ready'));
    await eventually(() => expect(canvas()?.dataset.paint).toBe('#1f3b63'));
    await eventually(() => undefined); // the effects after 'ready' have run
    expect(canvas()?.dataset.view).toBe('exterior');
    unmount();
  });

  it('takes a paint given as a colour', async () => {
    const { canvas, unmount } = await openTwin('https://showroom.example.cn/?twin=vela-s5-long-range&paint=%23e9eaea#/twin');
    await eventually(() => expect(canvas()?.dataset.paint).toBe('#e9eaea'));
    unmount();
  });

  it("keeps the customer's own choices when the screen is opened again, rather than the link's", async () => {
    const first = await openTwin('https://showroom.example.cn/?twin=vela-s5-long-range&paint=cinnabar-red#/twin');
    await eventually(() => expect(first.canvas()?.dataset.paint).toBe('#9c1c22'));
    act(() => useTwinStore.getState().setVehicle('vela-x7-standard'));
    await eventually(() => expect(first.canvas()?.dataset.model).toBe('/models/vela-x7-standard/model.glb'));
    first.unmount();
    const again = await openTwin('https://showroom.example.cn/?twin=vela-s5-long-range&paint=cinnabar-red#/twin');
    await eventually(() => expect(again.canvas()?.dataset.model).toBe('/models/vela-x7-standard/model.glb'));
    expect(useTwinStore.getState().vehicleId).toBe('vela-x7-standard');
    again.unmount();
  });
});

describe('the twin screen offers XR', () => {
  it('shows the XR offers under the car once the bundle is there, and none on the error card', async () => {
    const { container, unmount } = await openTwin('https://showroom.example.cn/?twin=vela-s5-long-range#/twin');
    await eventually(() => expect(container.querySelector('.twin-xr[data-xr-ready="yes"]')).not.toBeNull());
    // happy-dom has no navigator.xr: a computer's browser, told why there is no AR.
    expect(container.querySelector('.twin-xr [data-reason="desktop"]')).not.toBeNull();
    act(() => useTwinStore.getState().patch({ status: 'error', error: 'model.glb: HTTP 404' }));
    expect(container.querySelector('.twin-xr')).toBeNull();
    unmount();
  });
});
