/**
 * What the twin screen offers for AR and VR, decided from facts about this browser (gathered by
 * detect.ts), never from the device's name alone. The chain of issue 10: a headset's AR and VR,
 * then Android's WebXR AR, then iOS Quick Look, and otherwise a sentence saying why; on the kiosk
 * a QR code that opens the same car on a phone; in an in-app browser the way out to the real one.
 * Pure: no DOM, no clock.
 *
 * Facts from the research (docs/xr.md, shared/research/xr.md §4 and §6): WebXR exists only in a
 * secure context, so plain HTTP on a LAN address has no `navigator.xr` (the fix is the HTTPS link,
 * not another device); an in-app browser on iOS is a WKWebView where Quick Look fails although
 * `relList.supports('ar')` says yes; Android's WebXR AR needs ARCore (Google Play Services for
 * AR), which most phones sold in China lack; Vision Pro's Safari has immersive-vr only; a phone's
 * immersive-vr is a Cardboard split screen, not something to offer a customer.
 */

export const IN_APP_BROWSERS = ['wechat', 'qq', 'alipay', 'dingtalk', 'feishu', 'weibo', 'other'] as const;
export type InAppBrowser = (typeof IN_APP_BROWSERS)[number];

/** The OS family: what decides Quick Look (iOS, iPadOS) and ARCore (Android). */
export type XROs = 'ios' | 'ipados' | 'android' | 'visionos' | 'other';

export interface XRFacts {
  /** `window.isSecureContext`: HTTPS, or a page from this machine. */
  secureContext: boolean;
  /** `navigator.xr.isSessionSupported('immersive-ar')`; null when there is no `navigator.xr`. */
  immersiveAr: boolean | null;
  /** Likewise for 'immersive-vr'. */
  immersiveVr: boolean | null;
  /** The app whose built-in browser this is (WeChat …), null in a real browser. */
  inAppBrowser: InAppBrowser | null;
  os: XROs;
  /** `document.createElement('a').relList.supports('ar')`. */
  quickLook: boolean;
  /** A headset's own browser: Quest, PICO, Vision Pro. */
  headset: boolean;
  /** This page is the showroom's kiosk itself (served from its own machine, or a paired kiosk). */
  kiosk: boolean;
}

/** Why an offer is absent: each has a sentence in zh-CN and en (src/ui/twin/messages.ts, `xr.why.*`). */
export type XRReason =
  | 'insecure-context' // plain HTTP from the LAN: open the HTTPS link
  | 'in-app-browser' // WeChat and the like: open in the browser
  | 'no-webxr' // a secure page, but this browser has no (usable) WebXR
  | 'no-arcore' // Android with WebXR but no AR: no ARCore / Google Play
  | 'headset-vr-only' // Vision Pro and other headsets without passthrough AR
  | 'headset-ar-only' // a headset browser with AR but no VR
  | 'no-quick-look' // an iOS browser without AR Quick Look
  | 'desktop' // a computer: AR needs a phone or a headset
  | 'kiosk' // the showroom screen: scan the QR code
  | 'not-headset' // VR is offered on headsets (and PCs with one) only
  | 'quick-look-instead' // iOS: AR is Quick Look there
  | 'webxr-ar-instead' // WebXR AR is offered, so no Quick Look
  | 'not-ios' // Quick Look is an iOS/iPadOS thing
  | 'not-kiosk' // the QR hand-off is for the kiosk's screen
  | 'not-in-app'; // already a real browser

export type XROffer = { offered: true } | { offered: false; reason: XRReason };

export interface XROffers {
  /** The AR button (immersive-ar). */
  ar: XROffer;
  /** The VR button (immersive-vr). */
  vr: XROffer;
  /** The Quick Look link (`<a rel="ar">` to the USDZ). */
  quickLook: XROffer;
  /** The QR code of the deep link, for a phone. */
  qrHandoff: XROffer;
  /** "Open in the browser", naming the app. */
  openInBrowser: { offered: true; app: InAppBrowser } | { offered: false; reason: XRReason };
  /** The why-sentences to show, in order: set when no AR is offered, and on a headset without VR. */
  explain: XRReason[];
}

const YES: XROffer = { offered: true };
const no = (reason: XRReason): XROffer => ({ offered: false, reason });

/** The offers for these facts, with a reason for each absent one. */
export function xrCapabilities(f: XRFacts): XROffers {
  const headset = f.headset || f.os === 'visionos';
  const apple = f.os === 'ios' || f.os === 'ipados';
  const phone = !headset && (apple || f.os === 'android');
  const arOn = f.immersiveAr === true;

  const quickLook = !apple ? no('not-ios') : arOn ? no('webxr-ar-instead') : f.inAppBrowser ? no('in-app-browser') : f.quickLook ? YES : no('no-quick-look');

  const arReason = (): XRReason => {
    if (quickLook.offered) return 'quick-look-instead';
    if (f.inAppBrowser) return 'in-app-browser';
    if (f.kiosk) return 'kiosk';
    if (!f.secureContext) return 'insecure-context';
    if (headset) return f.immersiveVr === true ? 'headset-vr-only' : 'no-webxr';
    if (apple) return 'no-quick-look';
    if (f.os === 'android') return f.immersiveAr === null ? 'no-webxr' : 'no-arcore';
    return 'desktop';
  };
  const ar = arOn ? YES : no(arReason());

  const vrReason = (): XRReason => {
    if (f.immersiveVr === true) return 'not-headset'; // a phone's Cardboard mode
    if (f.inAppBrowser) return 'in-app-browser';
    if (!f.secureContext) return 'insecure-context';
    if (headset) return f.immersiveAr === true ? 'headset-ar-only' : 'no-webxr';
    return 'not-headset';
  };
  const vr = f.immersiveVr === true && !phone ? YES : no(vrReason());

  const explain: XRReason[] = [];
  if (!ar.offered && !quickLook.offered) explain.push(ar.reason);
  if (headset && !vr.offered && !explain.includes(vr.reason)) explain.push(vr.reason);

  return {
    ar,
    vr,
    quickLook,
    qrHandoff: f.kiosk ? YES : no('not-kiosk'),
    openInBrowser: f.inAppBrowser ? { offered: true, app: f.inAppBrowser } : { offered: false, reason: 'not-in-app' },
    explain,
  };
}
