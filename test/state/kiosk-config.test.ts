import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDLE_TIMEOUT_S,
  MIN_IDLE_TIMEOUT_S,
  parseKioskConfig,
  shareOrigin,
} from '../../src/state/kiosk-config.ts';

describe('parseKioskConfig', () => {
  it('defaults the idle timeout when none is given', () => {
    expect(parseKioskConfig('').idleTimeoutMs).toBe(DEFAULT_IDLE_TIMEOUT_S * 1000);
  });

  it('reads ?idle= in seconds', () => {
    expect(parseKioskConfig('?idle=90').idleTimeoutMs).toBe(90_000);
  });

  it('turns the reset off with idle=0', () => {
    expect(parseKioskConfig('?idle=0').idleTimeoutMs).toBe(0);
  });

  it('clamps a too-short timeout so a customer is not thrown out mid-read', () => {
    expect(parseKioskConfig('?idle=1').idleTimeoutMs).toBe(MIN_IDLE_TIMEOUT_S * 1000);
  });

  it('falls back to the default on garbage rather than disabling the reset', () => {
    expect(parseKioskConfig('?idle=soon').idleTimeoutMs).toBe(DEFAULT_IDLE_TIMEOUT_S * 1000);
    expect(parseKioskConfig('?idle=-5').idleTimeoutMs).toBe(DEFAULT_IDLE_TIMEOUT_S * 1000);
  });
});

describe('shareOrigin', () => {
  it('uses the page origin unless the start URL names the address phones reach', () => {
    expect(shareOrigin('', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(shareOrigin('?share=http://192.168.1.20:8080/kiosk', 'http://127.0.0.1:8080')).toBe('http://192.168.1.20:8080');
  });

  it('ignores anything that is not an http(s) origin', () => {
    expect(shareOrigin('?share=javascript:alert(1)', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(shareOrigin('?share=not a url', 'https://kiosk.example')).toBe('https://kiosk.example');
  });
});

describe('idle timings from the store settings', () => {
  it('reset after the store’s resetAfterS with its stillThereS countdown; the default countdown is 20 s (WCAG 2.2.1)', () => {
    expect(parseKioskConfig('')).toEqual({ idleTimeoutMs: 120_000, warningMs: 20_000, attractMs: 60_000 });
    expect(parseKioskConfig('', { resetAfterS: 300, stillThereS: 45, attractAfterS: 90 })).toEqual({ idleTimeoutMs: 300_000, warningMs: 45_000, attractMs: 90_000 });
  });

  it('lets one kiosk’s ?idle= win (a demo, a test), with at most half of it as the countdown', () => {
    const store = { resetAfterS: 300, stillThereS: 45, attractAfterS: 90 };
    expect(parseKioskConfig('?idle=600', store)).toEqual({ idleTimeoutMs: 600_000, warningMs: 45_000, attractMs: 90_000 });
    // Attract mode stays before the countdown when ?idle= is short.
    expect(parseKioskConfig('?idle=6', store)).toEqual({ idleTimeoutMs: 6_000, warningMs: 3_000, attractMs: 3_000 });
    expect(parseKioskConfig('?idle=0', store)).toEqual({ idleTimeoutMs: 0, warningMs: 0, attractMs: 0 });
    expect(parseKioskConfig('?idle=soon', store)).toEqual({ idleTimeoutMs: 300_000, warningMs: 45_000, attractMs: 90_000 });
  });
});
