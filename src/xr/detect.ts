/**
 * Gathers the facts `xrCapabilities` decides from, in the browser. Probe first: whether AR and VR
 * work is `navigator.xr.isSessionSupported` (with a timeout, since some browsers never answer),
 * Quick Look is `relList.supports('ar')`, the secure context is the browser's own flag. The user
 * agent is read only for what no probe tells: the in-app browser (WeChat …), the OS family,
 * whether this is a headset's browser (Quest and PICO say so; Vision Pro sends a Mac user agent and
 * is told apart from a Mac by its immersive-vr), and the iOS browsers whose Quick Look the probe
 * misses.
 */
import { isLoopbackHost } from '../leads/loopback.ts';
import { isKioskDevice } from '../state/kiosk-device.ts';
import type { InAppBrowser, XRFacts, XROs } from './capabilities.ts';

/** How long one isSessionSupported may take before it counts as "no", ms. */
export const XR_PROBE_TIMEOUT_MS = 2000;

/**
 * The app whose built-in browser sends this user agent, by the tokens public in-app detectors use
 * (shared/research/china-market.md §1). WeCom says MicroMessenger too, so it is checked first; QQ
 * Browser (`MQQBrowser/`) is a browser, the QQ app says ` QQ/<version>`. An Android web view says
 * `; wv)`; an Apple web view lacks the `Safari/` token every Apple browser sends.
 */
export function inAppBrowserFromUA(ua: string): InAppBrowser | null {
  if (/\bwxwork\//i.test(ua)) return 'other';
  if (/MicroMessenger\//i.test(ua)) return 'wechat';
  if (/AlipayClient\/|AliApp\(AP\//i.test(ua)) return 'alipay';
  if (/DingTalk\//i.test(ua)) return 'dingtalk';
  if (/\bLark\/|Feishu/i.test(ua)) return 'feishu';
  if (/\bWeibo\b|__weibo__/i.test(ua)) return 'weibo';
  if (/(?:^|[^A-Za-z])QQ\/\d/.test(ua)) return 'qq';
  if (/BytedanceWebview|\baweme|NewsArticle|FBAN\/|FBAV\/|Instagram|\bLine\/|XiaoHongShu|\bGSA\//i.test(ua)) return 'other';
  if (/;\s*wv\)/.test(ua)) return 'other';
  if (/iPhone|iPad|iPod|Macintosh/.test(ua) && /AppleWebKit\//.test(ua) && !/Safari\//.test(ua)) return 'other';
  return null;
}

/** A headset's own browser, by what Quest Browser and PICO Browser put in their user agents. */
export function isHeadsetUA(ua: string): boolean {
  return /OculusBrowser|\bQuest\b|Pico ?Browser|\bPICO\b/i.test(ua);
}

/**
 * The OS family. iPadOS and visionOS Safari send a Mac user agent by default, and an iPad one for
 * the mobile site (WebKit/WebKit#50344): touch tells an iPad from a Mac, and immersive-vr tells
 * Vision Pro from both, since neither iPadOS nor macOS Safari has WebXR.
 */
export function osFromUA(ua: string, maxTouchPoints: number, immersiveVr: boolean | null): XROs {
  if (/iPhone|iPod/.test(ua)) return 'ios';
  if (/iPad|Macintosh/.test(ua)) {
    if (immersiveVr === true) return 'visionos';
    return /iPad/.test(ua) || maxTouchPoints > 1 ? 'ipados' : 'other';
  }
  if (/Android/i.test(ua)) return 'android';
  return 'other';
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** isSessionSupported(mode), false when it throws, rejects or hangs; null without navigator.xr. */
async function probe(xr: XRSystem | undefined, mode: XRSessionMode, timeoutMs: number): Promise<boolean | null> {
  if (!xr || typeof xr.isSessionSupported !== 'function') return null;
  let answer: Promise<boolean>;
  try {
    answer = Promise.resolve(xr.isSessionSupported(mode));
  } catch {
    return false; // a SecurityError: the permissions policy blocks xr-spatial-tracking here
  }
  return (await withTimeout(answer, timeoutMs, false)) === true;
}

/**
 * iOS browsers that open Quick Look themselves: since iOS 16 `relList.supports('ar')` is false in
 * every WKWebView, theirs included (google/model-viewer#3784; model-viewer's IS_IOS_THIRDPARTY,
 * without the Google app, where it fails).
 */
const IOS_QUICK_LOOK_BROWSERS = /CriOS\/|EdgiOS\/|FxiOS\/|DuckDuckGo\//;

function quickLookSupported(ua: string): boolean {
  if (/iPhone|iPad|iPod/.test(ua) && IOS_QUICK_LOOK_BROWSERS.test(ua)) return true;
  try {
    const a = document.createElement('a');
    return Boolean(a.relList && typeof a.relList.supports === 'function' && a.relList.supports('ar'));
  } catch {
    return false; // relList without supported tokens throws a TypeError
  }
}

/** The facts about this browser, for xrCapabilities. Resolves within about `timeoutMs`. */
export async function detectXRFacts(options: { timeoutMs?: number } = {}): Promise<XRFacts> {
  const timeoutMs = options.timeoutMs ?? XR_PROBE_TIMEOUT_MS;
  const ua = navigator.userAgent ?? '';
  const xr = (navigator as Navigator & { xr?: XRSystem }).xr;
  const [immersiveAr, immersiveVr] = await Promise.all([probe(xr, 'immersive-ar', timeoutMs), probe(xr, 'immersive-vr', timeoutMs)]);
  const os = osFromUA(ua, navigator.maxTouchPoints ?? 0, immersiveVr);
  const secureContext = typeof window.isSecureContext === 'boolean' ? window.isSecureContext : location.protocol === 'https:' || isLoopbackHost(location.hostname);
  return {
    secureContext,
    immersiveAr,
    immersiveVr,
    inAppBrowser: inAppBrowserFromUA(ua),
    os,
    quickLook: quickLookSupported(ua),
    headset: os === 'visionos' || isHeadsetUA(ua),
    kiosk: isKioskDevice(),
  };
}
