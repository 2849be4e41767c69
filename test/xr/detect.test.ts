// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://sh-pudong-01.showroom.example.cn:8443/"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { xrCapabilities } from '../../src/xr/capabilities.ts';
import { detectXRFacts, inAppBrowserFromUA, isHeadsetUA } from '../../src/xr/detect.ts';

/** User agents as the browsers send them (versions shortened where they do not matter). */
const UA = {
  quest3: 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/37.0.0.1.56 Chrome/130.0.6723.107 VR Safari/537.36',
  pico4: 'Mozilla/5.0 (Linux; Android 10; PICO 4 OS5.9.0 like Quest) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.5195.68 VR Safari/537.36 PicoBrowser/3.3.54',
  visionPro: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  iPadSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  iPhoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  iPhoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  iPhoneWeChat: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.54(0x18003630) NetType/WIFI Language/zh_CN',
  iPhoneAppWebView: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  iPadAppWebView: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  iPhoneQQ: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 QQ/9.0.60.612 V1_IPH_SQ_9.0.60_1_APP_A Pixel/1170 Core/WKWebView Device/Apple(iPhone 13) NetType/WIFI QBWebViewType/1 WKType/1',
  iPhoneWeibo: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone14,5__weibo__14.6.2__iphone__os17.5)',
  iPhoneGoogleApp: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/343.0.695551749 Mobile/15E148 Safari/604.1',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  androidWeChat: 'Mozilla/5.0 (Linux; Android 14; V2307A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300333 MMWEBSDK/20240802 MMWEBID/1234 MicroMessenger/8.0.51.2720(0x28003335) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  androidWeCom: 'Mozilla/5.0 (Linux; Android 14; 23013RK75C Build/UKQ1; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 wxwork/4.1.28 MicroMessenger/7.0.1 NetType/WIFI Language/zh ColorScheme/Light',
  androidQQ: 'Mozilla/5.0 (Linux; Android 13; PGT-AN10 Build/HONORPGT-AN10; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/6.2 TBS/047205 Mobile Safari/537.36 V1_AND_SQ_9.0.50_6060_YYB_D QQ/9.0.50.16545 NetType/WIFI WebP/0.3.0 AppId/537213794',
  androidQQBrowser: 'Mozilla/5.0 (Linux; U; Android 13; zh-cn; PGT-AN10 Build/HONORPGT-AN10) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/15.0 Mobile Safari/537.36 COVC/046701',
  androidAlipay: 'Mozilla/5.0 (Linux; U; Android 14; zh-CN; 22081212C Build/UKQ1.230917.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.9999 UCBS/3.22.2.9999_220000000000 Mobile Safari/537.36 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:393|0|2.75) AliApp(AP/10.5.96.7000) AlipayClient/10.5.96.7000 Language/zh-Hans Region/CN',
  androidDingTalk: 'Mozilla/5.0 (Linux; U; Android 14; zh-CN; PJZ110 Build/UP1A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UWS/3.22.2.9999 Mobile Safari/537.36 AliApp(DingTalk/7.6.5) com.alibaba.android.rimet/37013838 Channel/700159 language/zh-CN abi/64 UT4Aplus/0.2.25 colorScheme/light',
  androidFeishu: 'Mozilla/5.0 (Linux; Android 14; 2211133C Build/UKQ1; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.193 Mobile Safari/537.36 Lark/7.20.5 LarkLocale/zh_CN ChannelName/Feishu TTWebView/1200130040011',
  androidDouyin: 'Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.5845.114 Mobile Safari/537.36 aweme_300200 JsSdk/1.0 NetType/WIFI Channel/vivo_1128_64 app_version/30.2.0 ByteLocale/zh-CN BytedanceWebview/d8a21c6',
  androidWebView: 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.81 Mobile Safari/537.36',
  windowsChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

function stub(options: { ua: string; xr?: { ar?: boolean | 'hang' | 'throw' | 'reject'; vr?: boolean | 'hang' | 'throw' | 'reject' } | null; touch?: number; secure?: boolean; relAr?: boolean }) {
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => options.ua });
  Object.defineProperty(navigator, 'maxTouchPoints', { configurable: true, get: () => options.touch ?? 0 });
  const answer = (a: boolean | 'hang' | 'throw' | 'reject' | undefined): Promise<boolean> => {
    if (a === 'hang') return new Promise(() => undefined);
    if (a === 'throw') throw new DOMException('blocked by permissions policy', 'SecurityError');
    if (a === 'reject') return Promise.reject(new DOMException('nope', 'NotSupportedError'));
    return Promise.resolve(a ?? false);
  };
  const xr = options.xr === null || options.xr === undefined ? undefined : { isSessionSupported: vi.fn((mode: string) => answer(mode === 'immersive-ar' ? options.xr!.ar : options.xr!.vr)) };
  Object.defineProperty(navigator, 'xr', { configurable: true, get: () => xr });
  if (options.secure === undefined) delete (window as { isSecureContext?: boolean }).isSecureContext;
  else Object.defineProperty(window, 'isSecureContext', { configurable: true, get: () => options.secure });
  vi.spyOn(Object.getPrototypeOf(document.createElement('a').relList) as DOMTokenList, 'supports').mockImplementation((token: string) => token === 'ar' && options.relAr === true);
  return xr;
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  setUrl('https://sh-pudong-01.showroom.example.cn:8443/');
});

describe('detectXRFacts in the browser', () => {
  it('Quest 3 over HTTPS: a headset with AR and VR, by the probe', async () => {
    stub({ ua: UA.quest3, xr: { ar: true, vr: true }, secure: true });
    const facts = await detectXRFacts();
    expect(facts).toEqual({ secureContext: true, immersiveAr: true, immersiveVr: true, inAppBrowser: null, os: 'other', quickLook: false, headset: true, kiosk: false });
    expect(xrCapabilities(facts)).toMatchObject({ ar: { offered: true }, vr: { offered: true } });
  });

  it('PICO 4: an Android-family headset', async () => {
    stub({ ua: UA.pico4, xr: { ar: true, vr: true }, secure: true });
    expect(await detectXRFacts()).toMatchObject({ os: 'android', headset: true, immersiveAr: true, immersiveVr: true });
  });

  it('Vision Pro: a Mac user agent, but immersive-vr answers: visionOS, a headset', async () => {
    stub({ ua: UA.visionPro, xr: { ar: false, vr: true }, secure: true, touch: 5, relAr: true });
    const facts = await detectXRFacts();
    expect(facts).toMatchObject({ os: 'visionos', headset: true, immersiveAr: false, immersiveVr: true });
    expect(xrCapabilities(facts)).toMatchObject({ ar: { offered: false, reason: 'headset-vr-only' }, vr: { offered: true } });
  });

  it("Vision Pro asked for the mobile site sends an iPad user agent: immersive-vr still says visionOS (iPads have no WebXR)", async () => {
    stub({ ua: 'Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1', xr: { ar: false, vr: true }, secure: true, touch: 5 });
    const facts = await detectXRFacts();
    expect(facts).toMatchObject({ os: 'visionos', headset: true });
    expect(xrCapabilities(facts).vr).toEqual({ offered: true });
  });

  it('iPad Safari: a Mac user agent with touch and no WebXR: iPadOS with Quick Look', async () => {
    stub({ ua: UA.iPadSafari, xr: null, secure: true, touch: 5, relAr: true });
    const facts = await detectXRFacts();
    expect(facts).toMatchObject({ os: 'ipados', headset: false, immersiveAr: null, immersiveVr: null, quickLook: true, inAppBrowser: null });
    expect(xrCapabilities(facts).quickLook).toEqual({ offered: true });
  });

  it('a Mac: no touch, no WebXR: a computer', async () => {
    stub({ ua: UA.macSafari, xr: null, secure: true });
    expect(await detectXRFacts()).toMatchObject({ os: 'other', headset: false });
  });

  it('iPhone Chrome: relList says no in every WKWebView since iOS 16, but Chrome opens Quick Look itself', async () => {
    stub({ ua: UA.iPhoneChrome, xr: null, secure: true, relAr: false });
    const facts = await detectXRFacts();
    expect(facts).toMatchObject({ os: 'ios', inAppBrowser: null, quickLook: true });
    expect(xrCapabilities(facts).quickLook).toEqual({ offered: true });
  });

  it('iPhone Safari: Quick Look as relList says', async () => {
    stub({ ua: UA.iPhoneSafari, xr: null, secure: true, relAr: true });
    expect(await detectXRFacts()).toMatchObject({ os: 'ios', quickLook: true });
    stub({ ua: UA.iPhoneSafari, xr: null, secure: true, relAr: false });
    expect(await detectXRFacts()).toMatchObject({ os: 'ios', quickLook: false });
  });

  it('iPhone WeChat: a WKWebView where relList says yes, and no Quick Look is offered', async () => {
    stub({ ua: UA.iPhoneWeChat, xr: null, secure: true, relAr: true });
    const facts = await detectXRFacts();
    expect(facts).toMatchObject({ os: 'ios', inAppBrowser: 'wechat', quickLook: true });
    expect(xrCapabilities(facts)).toMatchObject({ quickLook: { offered: false, reason: 'in-app-browser' }, openInBrowser: { offered: true, app: 'wechat' } });
  });

  it('Android Chrome on plain HTTP from the LAN: no navigator.xr, not a secure context', async () => {
    setUrl('http://192.168.1.20:8080/');
    stub({ ua: UA.androidChrome, xr: null });
    const facts = await detectXRFacts();
    expect(facts).toMatchObject({ secureContext: false, immersiveAr: null, immersiveVr: null, os: 'android', kiosk: false });
    expect(xrCapabilities(facts).explain).toEqual(['insecure-context']);
  });

  it('takes window.isSecureContext when the browser has it', async () => {
    setUrl('http://192.168.1.20:8080/');
    stub({ ua: UA.androidChrome, xr: null, secure: true });
    expect((await detectXRFacts()).secureContext).toBe(true);
  });

  it('a probe that hangs counts as unsupported after the timeout', async () => {
    stub({ ua: UA.androidChrome, xr: { ar: 'hang', vr: false }, secure: true });
    const started = Date.now();
    const facts = await detectXRFacts({ timeoutMs: 60 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(facts).toMatchObject({ immersiveAr: false, immersiveVr: false });
  });

  it('a probe that throws (permissions policy) or rejects counts as unsupported', async () => {
    stub({ ua: UA.androidChrome, xr: { ar: 'throw', vr: 'reject' }, secure: true });
    expect(await detectXRFacts()).toMatchObject({ immersiveAr: false, immersiveVr: false });
  });

  it('asks isSessionSupported for both modes', async () => {
    const xr = stub({ ua: UA.androidChrome, xr: { ar: true, vr: false }, secure: true });
    await detectXRFacts();
    expect(xr!.isSessionSupported.mock.calls.map((c) => c[0]).sort()).toEqual(['immersive-ar', 'immersive-vr']);
  });

  it('probe first: a headset user agent whose browser has no WebXR gets no AR or VR', async () => {
    stub({ ua: UA.quest3, xr: null, secure: true });
    const offers = xrCapabilities(await detectXRFacts());
    expect(offers).toMatchObject({ ar: { offered: false, reason: 'no-webxr' }, vr: { offered: false, reason: 'no-webxr' } });
  });

  it('the kiosk: a page served from this machine', async () => {
    setUrl('http://127.0.0.1:8080/?twin=vela-x7-standard#/twin');
    stub({ ua: UA.windowsChrome, xr: { ar: false, vr: false } });
    const facts = await detectXRFacts();
    expect(facts).toMatchObject({ kiosk: true, secureContext: true, os: 'other' });
    expect(xrCapabilities(facts).qrHandoff).toEqual({ offered: true });
  });

  it('a kiosk on another PC, paired with a code, is a kiosk too', async () => {
    setUrl('http://192.168.1.20:8080/');
    localStorage.setItem('showroom-twin.kiosk-token', 'stw_kiosk_x');
    stub({ ua: UA.windowsChrome, xr: null });
    expect(await detectXRFacts()).toMatchObject({ kiosk: true, secureContext: false });
  });

  it('a phone on the LAN is no kiosk', async () => {
    setUrl('http://192.168.1.20:8080/');
    stub({ ua: UA.androidChrome, xr: null });
    expect((await detectXRFacts()).kiosk).toBe(false);
  });
});

describe('in-app browsers by user agent', () => {
  it.each([
    ['WeChat, Android (XWeb)', UA.androidWeChat, 'wechat'],
    ['WeChat, iOS', UA.iPhoneWeChat, 'wechat'],
    ['WeCom (wxwork, also says MicroMessenger)', UA.androidWeCom, 'other'],
    ['the QQ app, Android', UA.androidQQ, 'qq'],
    ['the QQ app, iOS', UA.iPhoneQQ, 'qq'],
    ['Alipay', UA.androidAlipay, 'alipay'],
    ['DingTalk', UA.androidDingTalk, 'dingtalk'],
    ['Feishu (Lark)', UA.androidFeishu, 'feishu'],
    ['Weibo', UA.iPhoneWeibo, 'weibo'],
    ['Douyin', UA.androidDouyin, 'other'],
    ['an Android app web view (wv)', UA.androidWebView, 'other'],
    ['an iPhone app web view (no Safari token)', UA.iPhoneAppWebView, 'other'],
    ['an iPad app web view (Mac user agent, no Safari token)', UA.iPadAppWebView, 'other'],
    ['the Google app on iOS (Quick Look fails there, per model-viewer)', UA.iPhoneGoogleApp, 'other'],
  ] as const)('%s', (_name, ua, app) => {
    expect(inAppBrowserFromUA(ua)).toBe(app);
  });

  it.each([
    ['Android Chrome', UA.androidChrome],
    ['QQ Browser (a browser, not the QQ app)', UA.androidQQBrowser],
    ['iPhone Safari', UA.iPhoneSafari],
    ['iPhone Chrome', UA.iPhoneChrome],
    ['iPad Safari', UA.iPadSafari],
    ['Quest Browser', UA.quest3],
    ['PICO Browser', UA.pico4],
    ['Windows Chrome', UA.windowsChrome],
  ] as const)('%s is a browser', (_name, ua) => {
    expect(inAppBrowserFromUA(ua)).toBeNull();
  });

  it('knows headset browsers, and not phones', () => {
    expect(isHeadsetUA(UA.quest3)).toBe(true);
    expect(isHeadsetUA(UA.pico4)).toBe(true);
    expect(isHeadsetUA(UA.androidChrome)).toBe(false);
    expect(isHeadsetUA(UA.iPhoneSafari)).toBe(false);
    expect(isHeadsetUA(UA.windowsChrome)).toBe(false);
  });
});
