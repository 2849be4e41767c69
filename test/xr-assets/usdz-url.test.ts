import { describe, expect, it } from 'vitest';
import { usdzUrl } from '../../src/xr/usdz-url.ts';

describe('the Quick Look link of a car', () => {
  it('is the USDZ beside the bundle, absolute from the document base, at 1:1 unless scaling is allowed', () => {
    expect(usdzUrl('vela-s5-standard', { base: 'https://kiosk.lan:8443/showroom/?twin=x#/twin' })).toBe('https://kiosk.lan:8443/showroom/models/vela-s5-standard/model.usdz#allowsContentScaling=0');
    expect(usdzUrl('vela-x7-long-range', { base: 'https://kiosk.lan/', allowScaling: true })).toBe('https://kiosk.lan/models/vela-x7-long-range/model.usdz');
  });

  it('refuses an id that is not a bundle id', () => {
    expect(() => usdzUrl('../etc', { base: 'https://kiosk.lan/' })).toThrow(/vehicle id/);
  });
});
