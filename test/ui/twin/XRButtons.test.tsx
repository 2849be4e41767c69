// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://showroom.example.cn/?twin=vela-s5-long-range#/twin"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TwinBundle } from '../../../src/ui/twin/load-bundle.ts';
import { useTwinStore } from '../../../src/ui/twin/twin-store.ts';
import { XREntryError } from '../../../src/xr/session.ts';
import { XR_OVERLAY_ROOT_ID } from '../../../src/xr/overlay-root.ts';
import { parseTwinLink } from '../../../src/xr/twin-link.ts';
import { usePlanStore } from '../../../src/state/plan-store.ts';
import { useStoreSettings } from '../../../src/state/settings-store.ts';
import { defaultStoreSettings } from '../../../src/store/store-settings.ts';
import { act, render } from '../render.tsx';

// The session itself needs a renderer and a device: the lead's browser tests cover it. Here the
// buttons' calls are recorded, and a fake session can end.
const enterImmersive = vi.fn();
vi.mock('../../../src/xr/session.ts', async (original) => ({ ...(await original<typeof import('../../../src/xr/session.ts')>()), enterImmersive: (...args: unknown[]) => enterImmersive(...args) }));

// What /api/kiosk-config says on the kiosk's own machine (PUBLIC_ORIGIN), per test.
let kioskConfig: { token: string; storeId: string; publicOrigin?: string } | null = null;
vi.mock('../../../src/state/lead-outbox.ts', async (original) => ({
  ...(await original<typeof import('../../../src/state/lead-outbox.ts')>()),
  kioskTokens: () => ({ localConfig: async () => kioskConfig }),
}));

const { XRButtons } = await import('../../../src/ui/twin/XRButtons.tsx');

const UA = {
  quest3: 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/37.0.0.1.56 Chrome/130.0.6723.107 VR Safari/537.36',
  visionPro: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  iPhoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  iPhoneWeChat: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.54(0x18003630) NetType/WIFI Language/zh_CN',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  androidAlipay: 'Mozilla/5.0 (Linux; U; Android 14; zh-CN; 22081212C Build/UKQ1) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.9999 Mobile Safari/537.36 AliApp(AP/10.5.96.7000) AlipayClient/10.5.96.7000',
  windowsChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

const BUNDLE: TwinBundle = {
  id: 'vela-s5-long-range',
  name: { 'zh-CN': '星帆 S5 长续航', en: 'Vela S5 Long Range' },
  modelUrl: '/models/vela-s5-long-range/model.glb',
  paints: [
    { id: 'aurora-white', name: { 'zh-CN': '极光白', en: 'Aurora white' }, hex: '#e9eaea', metalness: 0.6, roughness: 0.35 },
    { id: 'abyss-blue', name: { 'zh-CN': '深渊蓝', en: 'Abyss blue' }, hex: '#1f3b63', metalness: 0.6, roughness: 0.35 },
  ],
  defaultPaint: 'abyss-blue',
  hotspots: [],
};

function device(options: { url: string; ua: string; xr?: { ar: boolean; vr: boolean } | null; relAr?: boolean }) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(options.url);
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => options.ua });
  Object.defineProperty(navigator, 'maxTouchPoints', { configurable: true, get: () => 0 });
  const xr = options.xr ? { isSessionSupported: async (mode: string) => (mode === 'immersive-ar' ? options.xr!.ar : options.xr!.vr) } : undefined;
  Object.defineProperty(navigator, 'xr', { configurable: true, get: () => xr });
  vi.spyOn(Object.getPrototypeOf(document.createElement('a').relList) as DOMTokenList, 'supports').mockImplementation((t: string) => t === 'ar' && options.relAr === true);
}

/** Lets detection, fetches and effects run inside act until `check` passes. */
async function eventually(check: () => void, timeoutMs = 3000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
}

async function show(locale: 'zh-CN' | 'en' = 'zh-CN', bundle: TwinBundle | null = BUNDLE) {
  const view = render(<XRButtons bundle={bundle} locale={locale} />);
  await eventually(() => expect(view.container.querySelector('[data-xr-ready="yes"]')).not.toBeNull());
  const buttons = () => [...view.container.querySelectorAll('button')];
  const button = (name: RegExp) => buttons().find((b) => name.test(b.textContent ?? ''));
  const text = () => view.container.textContent ?? '';
  return { ...view, buttons, button, text };
}

beforeEach(() => {
  enterImmersive.mockReset();
  kioskConfig = null;
  useTwinStore.setState({ vehicleId: 'vela-s5-long-range', paintHex: '#e9eaea', view: 'xray', status: 'ready', packThermal: null, xrScenario: null, planAnswers: null });
  usePlanStore.setState({ answers: {} });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.getElementById(XR_OVERLAY_ROOT_ID)?.remove();
});

describe('XR buttons on a headset', () => {
  it('Quest: an AR button and a VR button, named so in both languages', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.quest3, xr: { ar: true, vr: true } });
    const zh = await show('zh-CN');
    expect(zh.buttons().map((b) => b.textContent)).toEqual(['AR 实景摆放', 'VR 头显漫游']);
    zh.unmount();
    const en = await show('en');
    expect(en.buttons().map((b) => b.textContent)).toEqual(['AR on the floor', 'VR walkthrough']);
    en.unmount();
  });

  it('AR enters immersive-ar with the DOM-overlay root, VR immersive-vr without it', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.quest3, xr: { ar: true, vr: true } });
    const session = new EventTarget();
    enterImmersive.mockResolvedValue(session);
    const ui = await show();
    await act(async () => ui.button(/AR/)!.click());
    const root = document.getElementById(XR_OVERLAY_ROOT_ID);
    expect(root?.parentElement).toBe(document.body);
    expect(enterImmersive).toHaveBeenLastCalledWith('immersive-ar', root);
    // While the session runs, neither button starts another.
    expect(ui.buttons().every((b) => b.disabled)).toBe(true);
    await act(async () => session.dispatchEvent(new Event('end')));
    expect(ui.buttons().every((b) => !b.disabled)).toBe(true);
    await act(async () => ui.button(/VR/)!.click());
    expect(enterImmersive).toHaveBeenLastCalledWith('immersive-vr', undefined);
    ui.unmount();
  });

  it('waits for the 3D view before offering to enter', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.quest3, xr: { ar: true, vr: true } });
    useTwinStore.setState({ status: 'loading' });
    const ui = await show();
    expect(ui.buttons().every((b) => b.disabled)).toBe(true);
    act(() => useTwinStore.setState({ status: 'ready' }));
    expect(ui.buttons().every((b) => !b.disabled)).toBe(true);
    ui.unmount();
  });

  it('shows why a session did not start, with the reason the session module gives', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.quest3, xr: { ar: true, vr: true } });
    enterImmersive.mockRejectedValueOnce(new XREntryError('refused', 'immersive-ar refused: NotAllowedError: the user declined'));
    const ui = await show('en');
    await act(async () => ui.button(/AR/)!.click());
    const alert = ui.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('The browser did not start AR/VR: immersive-ar refused: NotAllowedError: the user declined');
    expect(alert?.getAttribute('data-reason')).toBe('refused');
    enterImmersive.mockRejectedValueOnce(new XREntryError('no-renderer', 'the 3D view is not ready yet'));
    await act(async () => ui.button(/VR/)!.click());
    expect(ui.container.querySelector('[role="alert"]')?.textContent).toBe('The 3D view is not ready yet; try again in a moment.');
    ui.unmount();
  });

  it('Vision Pro: VR only, and the sentence why there is no AR', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.visionPro, xr: { ar: false, vr: true }, relAr: true });
    const ui = await show('en');
    expect(ui.buttons().map((b) => b.textContent)).toEqual(['VR walkthrough']);
    expect(ui.container.querySelector('a[rel="ar"]')).toBeNull();
    expect(ui.text()).toContain("This headset's browser has no AR passthrough");
    ui.unmount();
  });
});

describe('XR on phones', () => {
  it('iPhone Safari: a Quick Look link to the USDZ at 1:1, whose only child is an image named AR', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.iPhoneSafari, xr: null, relAr: true });
    const ui = await show();
    const a = ui.container.querySelector<HTMLAnchorElement>('a[rel="ar"]');
    expect(a?.getAttribute('href')).toBe('/models/vela-s5-long-range/model.usdz#allowsContentScaling=0');
    expect([...a!.children].map((c) => c.tagName)).toEqual(['IMG']);
    expect(a!.querySelector('img')!.getAttribute('alt')).toBe('AR 实景摆放');
    expect(ui.buttons()).toEqual([]);
    ui.unmount();
  });

  it('WeChat on iPhone: no Quick Look (it fails in WKWebView), but how to open the page in the browser', async () => {
    device({ url: 'https://showroom.example.cn/?twin=vela-s5-long-range#/twin', ua: UA.iPhoneWeChat, xr: null, relAr: true });
    const ui = await show();
    expect(ui.container.querySelector('a[rel="ar"]')).toBeNull();
    const note = ui.container.querySelector('[data-xr="open-in-browser"]');
    expect(note?.textContent).toContain('微信内置的浏览器打不开 AR 和 VR');
    expect(note?.textContent).toContain('点右上角「···」，选「在浏览器打开」。');
    ui.unmount();
  });

  it('another in-app browser: its name and the general way out', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.androidAlipay, xr: null });
    const ui = await show('en');
    const note = ui.container.querySelector('[data-xr="open-in-browser"]');
    expect(note?.textContent).toContain("Alipay's built-in browser cannot open AR or VR");
    expect(note?.textContent).toContain("Open the app's menu at the top right");
    ui.unmount();
  });

  it('Android without ARCore: no AR button, and why', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.androidChrome, xr: { ar: false, vr: true } });
    const ui = await show();
    expect(ui.buttons()).toEqual([]);
    expect(ui.container.querySelector('[data-reason="no-arcore"]')?.textContent).toContain('ARCore');
    ui.unmount();
  });

  it('Android: when the AR session is refused although the probe said yes, it says ARCore may be missing', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.androidChrome, xr: { ar: true, vr: false } });
    enterImmersive.mockRejectedValueOnce(new XREntryError('refused', 'immersive-ar refused: NotSupportedError: ARCore is not installed'));
    const ui = await show('en');
    await act(async () => ui.button(/AR/)!.click());
    const alert = ui.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The browser did not start AR/VR: immersive-ar refused');
    expect(alert?.textContent).toContain('This phone has no usable ARCore');
    ui.unmount();
  });

  it('Android Chrome with ARCore: the AR button, no VR button on a phone', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.androidChrome, xr: { ar: true, vr: true } });
    const ui = await show();
    expect(ui.buttons().map((b) => b.textContent)).toEqual(['AR 实景摆放']);
    ui.unmount();
  });

  it('a phone on plain HTTP from the LAN: open the HTTPS link, not "your phone cannot"', async () => {
    device({ url: 'http://192.168.1.20:8080/#/twin', ua: UA.androidChrome, xr: null });
    const ui = await show('en');
    expect(ui.container.querySelector('[data-reason="insecure-context"]')?.textContent).toContain('Open the showroom\'s HTTPS link');
    ui.unmount();
  });
});

describe('the kiosk hands the car to a phone', () => {
  it('a QR code of the deep link on PUBLIC_ORIGIN: same car, paint, view and scenario', async () => {
    device({ url: 'http://127.0.0.1:8080/?twinIdle=0#/twin', ua: UA.windowsChrome, xr: { ar: false, vr: false } });
    kioskConfig = { token: 't', storeId: 'sh-pudong-01', publicOrigin: 'https://sh-pudong-01.showroom.example.cn:8443' };
    useTwinStore.setState({ xrScenario: 'winter-highway' });
    const ui = await show();
    expect(ui.container.querySelector('[data-reason="kiosk"]')).not.toBeNull();
    await act(async () => ui.button(/在手机上打开/)!.click());
    await eventually(() => expect(ui.container.querySelector('[data-testid="xr-handoff-qr"]')).not.toBeNull());
    const link = ui.container.querySelector('[data-testid="xr-handoff-qr"]')!.getAttribute('data-link')!;
    expect(link).toBe('https://sh-pudong-01.showroom.example.cn:8443/?twin=vela-s5-long-range&paint=aurora-white&view=xray&scenario=winter-highway#/twin');
    expect(parseTwinLink(new URL(link).search)).toMatchObject({ vehicleId: 'vela-s5-long-range', paint: { id: 'aurora-white' }, view: 'xray', scenario: 'winter-highway' });
    // The QR code follows the screen: another paint, another code.
    act(() => useTwinStore.setState({ paintHex: '#1f3b63', view: 'exterior' }));
    expect(ui.container.querySelector('[data-testid="xr-handoff-qr"]')!.getAttribute('data-link')).toContain('paint=abyss-blue&view=exterior');
    ui.unmount();
  });

  it("carries the plan's answers when the scenario is the customer's commute", async () => {
    device({ url: 'http://127.0.0.1:8080/#/twin', ua: UA.windowsChrome, xr: { ar: false, vr: false } });
    kioskConfig = { token: 't', storeId: 'sh-pudong-01', publicOrigin: 'https://showroom.example.cn' };
    useTwinStore.setState({ xrScenario: 'commute' });
    usePlanStore.setState({ answers: { dailyKm: 60, region: 'harbin' } });
    const ui = await show();
    await act(async () => ui.button(/在手机上打开/)!.click());
    await eventually(() => expect(ui.container.querySelector('[data-testid="xr-handoff-qr"]')).not.toBeNull());
    const link = ui.container.querySelector('[data-testid="xr-handoff-qr"]')!.getAttribute('data-link')!;
    expect(parseTwinLink(new URL(link).search)).toMatchObject({ scenario: 'commute', answers: { dailyKm: 60, region: 'harbin' } });
    ui.unmount();
  });

  it("the scenario the pack's temperature shows, when it is one of the panel's", async () => {
    device({ url: 'http://127.0.0.1:8080/#/twin', ua: UA.windowsChrome, xr: { ar: false, vr: false } });
    kioskConfig = { token: 't', storeId: 's', publicOrigin: 'https://showroom.example.cn' };
    useTwinStore.setState({ packThermal: { presetId: 'guangzhou-summer-city', phase: 'after' } });
    const ui = await show();
    await act(async () => ui.button(/在手机上打开/)!.click());
    await eventually(() => expect(ui.container.querySelector('[data-testid="xr-handoff-qr"]')?.getAttribute('data-link')).toContain('scenario=summer-city'));
    ui.unmount();
  });

  it("takes the start URL's ?share= HTTPS address", async () => {
    device({ url: 'http://127.0.0.1:8080/?share=https://kiosk-a.showroom.example.cn:8443#/twin', ua: UA.windowsChrome, xr: { ar: false, vr: false } });
    const ui = await show();
    await act(async () => ui.button(/在手机上打开/)!.click());
    await eventually(() => expect(ui.container.querySelector('[data-testid="xr-handoff-qr"]')?.getAttribute('data-link')).toMatch(/^https:\/\/kiosk-a\.showroom\.example\.cn:8443\/\?twin=/));
    ui.unmount();
  });

  it('takes the store settings’ share origin before PUBLIC_ORIGIN', async () => {
    device({ url: 'http://127.0.0.1:8080/#/twin', ua: UA.windowsChrome, xr: { ar: false, vr: false } });
    kioskConfig = { token: 't', storeId: 'sh-pudong-01', publicOrigin: 'https://showroom.example.cn' };
    useStoreSettings.getState().apply({ settings: { ...defaultStoreSettings('sh-pudong-01'), shareOrigin: 'https://sh-pudong-01.showroom.example.cn' }, problem: null });
    try {
      const ui = await show();
      await act(async () => ui.button(/在手机上打开/)!.click());
      await eventually(() => expect(ui.container.querySelector('[data-testid="xr-handoff-qr"]')?.getAttribute('data-link')).toMatch(/^https:\/\/sh-pudong-01\.showroom\.example\.cn\/\?twin=/));
      ui.unmount();
    } finally {
      useStoreSettings.getState().apply({ settings: defaultStoreSettings('local'), problem: null });
    }
  });

  it('no HTTPS address: says a phone needs one (docs/deploy.md) instead of a QR code that cannot work', async () => {
    device({ url: 'http://127.0.0.1:8080/?share=http://192.168.1.20:8080#/twin', ua: UA.windowsChrome, xr: { ar: false, vr: false } });
    kioskConfig = { token: 't', storeId: 's' };
    const ui = await show('en');
    await act(async () => ui.button(/Open on your phone/)!.click());
    await eventually(() => expect(ui.container.querySelector('[data-xr="handoff-needs-https"]')).not.toBeNull());
    expect(ui.container.querySelector('[data-testid="xr-handoff-qr"]')).toBeNull();
    expect(ui.container.querySelector('[data-xr="handoff-needs-https"]')!.textContent).toContain('docs/deploy.md');
    ui.unmount();
  });

  it('a phone gets no QR hand-off', async () => {
    device({ url: 'https://showroom.example.cn/#/twin', ua: UA.androidChrome, xr: { ar: true, vr: false } });
    const ui = await show('en');
    expect(ui.button(/Open on your phone/)).toBeUndefined();
    ui.unmount();
  });
});
