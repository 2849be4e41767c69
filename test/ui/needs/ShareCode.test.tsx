// @vitest-environment happy-dom
// The kiosk on the server's own machine.
// @vitest-environment-options {"url": "http://127.0.0.1:8080/"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStoreSettings } from '../../../src/state/settings-store.ts';
import { defaultStoreSettings } from '../../../src/store/store-settings.ts';
import { ShareCode } from '../../../src/ui/needs/ShareCode.tsx';
import { act, render } from '../render.tsx';

/** The local server: the kiosk config names PUBLIC_ORIGIN; no share tokens today. */
function server(publicOrigin: string | undefined) {
  return vi.fn(async (input: string | URL | Request) => {
    const url = String(input);
    if (url.endsWith('/api/kiosk-config')) return new Response(JSON.stringify({ token: 'stw_kiosk_local', storeId: 'local', ...(publicOrigin ? { publicOrigin } : {}) }), { headers: { 'content-type': 'application/json' } });
    return new Response('{}', { status: 404 });
  });
}

const settingsWith = (shareOrigin?: string) => ({ settings: { ...defaultStoreSettings('local'), ...(shareOrigin ? { shareOrigin } : {}) }, problem: null });
const link = (c: HTMLElement) => c.querySelector('[data-testid="share-qr"]')!.getAttribute('data-link')!;
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe('the plan’s QR code and the share origin', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
    useStoreSettings.getState().apply(settingsWith());
  });

  it('uses the store settings’ share origin before the server’s PUBLIC_ORIGIN', async () => {
    vi.stubGlobal('fetch', server('https://public.example.cn'));
    useStoreSettings.getState().apply(settingsWith('https://sh-pudong-01.showroom.example.cn'));
    const view = render(<ShareCode answers={{ dailyKm: 50 }} />);
    await settle();
    expect(link(view.container)).toMatch(/^https:\/\/sh-pudong-01\.showroom\.example\.cn\/#\/plan\?a=/);
    view.unmount();
  });

  it('falls back to PUBLIC_ORIGIN without one, and lets the start URL’s ?share= win over both', async () => {
    vi.stubGlobal('fetch', server('https://public.example.cn'));
    let view = render(<ShareCode answers={{ dailyKm: 50 }} />);
    await settle();
    expect(link(view.container)).toMatch(/^https:\/\/public\.example\.cn\/#\/plan/);
    view.unmount();

    history.replaceState(null, '', '/?share=http://192.168.1.20:8080');
    useStoreSettings.getState().apply(settingsWith('https://sh-pudong-01.showroom.example.cn'));
    view = render(<ShareCode answers={{ dailyKm: 50 }} />);
    await settle();
    expect(link(view.container)).toMatch(/^http:\/\/192\.168\.1\.20:8080\/#\/plan/);
    view.unmount();
  });
});
