import { describe, expect, it } from 'vitest';
import { placeholders } from '../../../src/i18n/index.ts';
import { TWIN_MESSAGES } from '../../../src/ui/twin/messages.ts';
import { IN_APP_BROWSERS, xrCapabilities, type XRFacts, type XRReason } from '../../../src/xr/capabilities.ts';

const zh = TWIN_MESSAGES['zh-CN'];
const en = TWIN_MESSAGES.en;

/** Every reason xrCapabilities can give, collected over all its inputs. */
function allReasons(): Set<XRReason> {
  const out = new Set<XRReason>();
  const tri = [true, false, null] as const;
  for (const os of ['ios', 'ipados', 'android', 'visionos', 'other'] as const)
    for (const immersiveAr of tri) for (const immersiveVr of tri) for (const secureContext of [true, false]) for (const headset of [true, false]) for (const kiosk of [true, false]) for (const quickLook of [true, false]) for (const inAppBrowser of [null, 'qq'] as const) {
      const facts: XRFacts = { os, immersiveAr, immersiveVr, secureContext, headset, kiosk, quickLook, inAppBrowser };
      const o = xrCapabilities(facts);
      for (const offer of [o.ar, o.vr, o.quickLook, o.qrHandoff, o.openInBrowser]) if (!offer.offered) out.add(offer.reason);
    }
  return out;
}

describe('twin screen messages', () => {
  it('have the same keys and placeholders in zh-CN and en, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('say why for every reason the capability chain gives, in both languages', () => {
    const reasons = allReasons();
    expect(reasons.size).toBeGreaterThanOrEqual(14);
    for (const r of reasons) {
      expect(zh, r).toHaveProperty(`xr.why.${r}`);
      expect(en, r).toHaveProperty(`xr.why.${r}`);
    }
  });

  it('name every in-app browser', () => {
    for (const app of IN_APP_BROWSERS) expect(zh[`xr.app.${app}`], app).toBeTruthy();
  });

  it('name the AR and VR buttons with "AR" and "VR" in both languages', () => {
    for (const table of [zh, en]) {
      expect(table['xr.ar']).toContain('AR');
      expect(table['xr.quickLook']).toContain('AR');
      expect(table['xr.vr']).toContain('VR');
      expect(table['xr.handoff']).not.toMatch(/AR|VR/);
    }
  });
});
