import { describe, expect, it } from 'vitest';
import { xrCapabilities, type XRFacts, type XROffers, type XRReason } from '../../src/xr/capabilities.ts';

/** A secure page in a plain browser on a computer with WebXR but no immersive mode: the base each row changes. */
const BASE: XRFacts = {
  secureContext: true,
  immersiveAr: false,
  immersiveVr: false,
  inAppBrowser: null,
  os: 'other',
  quickLook: false,
  headset: false,
  kiosk: false,
};

type Outcome = true | XRReason;
interface Row {
  name: string;
  facts: Partial<XRFacts>;
  ar: Outcome;
  vr: Outcome;
  quickLook: Outcome;
  qr: Outcome;
  openInBrowser: Outcome;
  explain: XRReason[];
}

const rows: Row[] = [
  // Headsets: AR and VR where the browser offers them.
  { name: 'Quest 3 over HTTPS: AR (passthrough) and VR', facts: { os: 'other', headset: true, immersiveAr: true, immersiveVr: true }, ar: true, vr: true, quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: [] },
  { name: 'PICO 4 (Android family) over HTTPS: AR and VR', facts: { os: 'android', headset: true, immersiveAr: true, immersiveVr: true }, ar: true, vr: true, quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: [] },
  { name: 'Vision Pro: VR only, and it says why there is no AR', facts: { os: 'visionos', headset: true, immersiveAr: false, immersiveVr: true, quickLook: true }, ar: 'headset-vr-only', vr: true, quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['headset-vr-only'] },
  { name: 'visionOS counts as a headset even if the flag was not set', facts: { os: 'visionos', headset: false, immersiveAr: false, immersiveVr: true }, ar: 'headset-vr-only', vr: true, quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['headset-vr-only'] },
  { name: 'a headset whose browser offers AR but no VR', facts: { headset: true, immersiveAr: true, immersiveVr: false }, ar: true, vr: 'headset-ar-only', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['headset-ar-only'] },
  { name: 'a headset whose browser offers neither (both probes false or timed out)', facts: { headset: true, immersiveAr: false, immersiveVr: false }, ar: 'no-webxr', vr: 'no-webxr', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['no-webxr'] },
  { name: 'Quest opened at http://192.168.x.x: the HTTPS link, not "cannot"', facts: { headset: true, secureContext: false, immersiveAr: null, immersiveVr: null }, ar: 'insecure-context', vr: 'insecure-context', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['insecure-context'] },
  { name: 'a headset in a secure context with no navigator.xr', facts: { headset: true, immersiveAr: null, immersiveVr: null }, ar: 'no-webxr', vr: 'no-webxr', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['no-webxr'] },

  // Android phones.
  { name: 'Android Chrome with ARCore: AR; a phone gets no VR (Cardboard) button', facts: { os: 'android', immersiveAr: true, immersiveVr: true }, ar: true, vr: 'not-headset', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: [] },
  { name: 'Android without ARCore (no Google Play): says so', facts: { os: 'android', immersiveAr: false, immersiveVr: false }, ar: 'no-arcore', vr: 'not-headset', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['no-arcore'] },
  { name: 'Android browser without WebXR in a secure context', facts: { os: 'android', immersiveAr: null, immersiveVr: null }, ar: 'no-webxr', vr: 'not-headset', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['no-webxr'] },
  { name: 'Android Chrome on plain HTTP from the LAN', facts: { os: 'android', secureContext: false, immersiveAr: null, immersiveVr: null }, ar: 'insecure-context', vr: 'insecure-context', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['insecure-context'] },
  { name: 'WeChat on Android (XWeb, no WebXR): open in the browser', facts: { os: 'android', inAppBrowser: 'wechat', immersiveAr: null, immersiveVr: null }, ar: 'in-app-browser', vr: 'in-app-browser', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: true, explain: ['in-app-browser'] },
  { name: 'WeChat on Android over plain HTTP: the in-app browser comes first', facts: { os: 'android', inAppBrowser: 'wechat', secureContext: false, immersiveAr: null, immersiveVr: null }, ar: 'in-app-browser', vr: 'in-app-browser', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: true, explain: ['in-app-browser'] },
  { name: 'an in-app browser whose probe says AR works: AR offered (probe first), and the way out too', facts: { os: 'android', inAppBrowser: 'other', immersiveAr: true, immersiveVr: false }, ar: true, vr: 'in-app-browser', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: true, explain: [] },

  // iPhone and iPad.
  { name: 'iPhone Safari: Quick Look', facts: { os: 'ios', immersiveAr: null, immersiveVr: null, quickLook: true }, ar: 'quick-look-instead', vr: 'not-headset', quickLook: true, qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: [] },
  { name: 'iPad Safari: Quick Look', facts: { os: 'ipados', immersiveAr: null, immersiveVr: null, quickLook: true }, ar: 'quick-look-instead', vr: 'not-headset', quickLook: true, qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: [] },
  { name: 'iPhone Safari over plain HTTP: Quick Look needs no secure context', facts: { os: 'ios', secureContext: false, immersiveAr: null, immersiveVr: null, quickLook: true }, ar: 'quick-look-instead', vr: 'insecure-context', quickLook: true, qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: [] },
  { name: 'WeChat on iOS (WKWebView): relList says yes, Quick Look would fail', facts: { os: 'ios', inAppBrowser: 'wechat', immersiveAr: null, immersiveVr: null, quickLook: true }, ar: 'in-app-browser', vr: 'in-app-browser', quickLook: 'in-app-browser', qr: 'not-kiosk', openInBrowser: true, explain: ['in-app-browser'] },
  { name: 'an iOS browser without Quick Look', facts: { os: 'ios', immersiveAr: null, immersiveVr: null, quickLook: false }, ar: 'no-quick-look', vr: 'not-headset', quickLook: 'no-quick-look', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['no-quick-look'] },
  { name: 'an iOS browser with WebXR AR (a WebXR viewer app): WebXR rather than Quick Look', facts: { os: 'ios', immersiveAr: true, immersiveVr: false, quickLook: true }, ar: true, vr: 'not-headset', quickLook: 'webxr-ar-instead', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: [] },

  // Computers and the kiosk.
  { name: 'a desktop browser: AR needs a phone or a headset', facts: {}, ar: 'desktop', vr: 'not-headset', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['desktop'] },
  { name: 'a desktop browser without navigator.xr', facts: { immersiveAr: null, immersiveVr: null }, ar: 'desktop', vr: 'not-headset', quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['desktop'] },
  { name: 'a desktop browser with a PC headset attached: VR', facts: { immersiveVr: true }, ar: 'desktop', vr: true, quickLook: 'not-ios', qr: 'not-kiosk', openInBrowser: 'not-in-app', explain: ['desktop'] },
  { name: 'the kiosk: scan the code, a QR hand-off', facts: { kiosk: true }, ar: 'kiosk', vr: 'not-headset', quickLook: 'not-ios', qr: true, openInBrowser: 'not-in-app', explain: ['kiosk'] },
  { name: 'a paired kiosk on plain HTTP from the LAN: still the QR, not the HTTPS sentence', facts: { kiosk: true, secureContext: false, immersiveAr: null, immersiveVr: null }, ar: 'kiosk', vr: 'insecure-context', quickLook: 'not-ios', qr: true, openInBrowser: 'not-in-app', explain: ['kiosk'] },
  { name: 'a kiosk whose browser offers AR and VR (an emulated headset in a test): both, and the QR', facts: { kiosk: true, headset: true, immersiveAr: true, immersiveVr: true }, ar: true, vr: true, quickLook: 'not-ios', qr: true, openInBrowser: 'not-in-app', explain: [] },
];

const outcome = (o: XROffers[keyof Omit<XROffers, 'explain'>]): Outcome => (o.offered ? true : o.reason);

describe('xrCapabilities: the mode chain', () => {
  it.each(rows)('$name', (row) => {
    const offers = xrCapabilities({ ...BASE, ...row.facts });
    expect({
      ar: outcome(offers.ar),
      vr: outcome(offers.vr),
      quickLook: outcome(offers.quickLook),
      qr: outcome(offers.qrHandoff),
      openInBrowser: outcome(offers.openInBrowser),
      explain: offers.explain,
    }).toEqual({ ar: row.ar, vr: row.vr, quickLook: row.quickLook, qr: row.qr, openInBrowser: row.openInBrowser, explain: row.explain });
  });

  it('names the in-app browser, so the screen can say how to leave it', () => {
    for (const app of ['wechat', 'qq', 'alipay', 'dingtalk', 'feishu', 'weibo', 'other'] as const) {
      const offers = xrCapabilities({ ...BASE, os: 'android', inAppBrowser: app, immersiveAr: null, immersiveVr: null });
      expect(offers.openInBrowser).toEqual({ offered: true, app });
    }
  });

  it('never offers Quick Look in an in-app browser, whatever relList says', () => {
    for (const os of ['ios', 'ipados'] as const) {
      for (const app of ['wechat', 'qq', 'alipay', 'dingtalk', 'feishu', 'weibo', 'other'] as const) {
        expect(xrCapabilities({ ...BASE, os, inAppBrowser: app, quickLook: true, immersiveAr: null, immersiveVr: null }).quickLook.offered).toBe(false);
      }
    }
  });

  it('explains every absent immersive offer with a reason, and only absent ones', () => {
    const oses = ['ios', 'ipados', 'android', 'visionos', 'other'] as const;
    const tri = [true, false, null] as const;
    for (const os of oses) for (const immersiveAr of tri) for (const immersiveVr of tri) for (const secureContext of [true, false]) for (const headset of [true, false]) for (const kiosk of [true, false]) for (const quickLook of [true, false]) for (const inAppBrowser of [null, 'wechat'] as const) {
      const offers = xrCapabilities({ os, immersiveAr, immersiveVr, secureContext, headset, kiosk, quickLook, inAppBrowser });
      // Nothing immersive at all: there is always a sentence saying why.
      if (!offers.ar.offered && !offers.vr.offered && !offers.quickLook.offered) expect(offers.explain.length).toBeGreaterThan(0);
      // An offer the probe denies is never made.
      if (immersiveAr !== true) expect(offers.ar.offered).toBe(false);
      if (immersiveVr !== true) expect(offers.vr.offered).toBe(false);
      for (const r of offers.explain) expect([offers.ar, offers.vr, offers.quickLook].some((o) => !o.offered && o.reason === r)).toBe(true);
    }
  });
});
