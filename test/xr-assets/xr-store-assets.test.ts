import { describe, expect, it, vi } from 'vitest';
import { XR_PROFILE_IDS } from '../../scripts/xr-assets/profiles.ts';

// The options the app's XR store is created with, as pmndrs/xr receives them.
const created = vi.hoisted(() => ({ options: null as null | Record<string, unknown> }));
vi.mock('@react-three/xr', () => ({
  createXRStore: (options: Record<string, unknown>) => {
    created.options = options;
    return {};
  },
}));

describe('the XR store loads nothing from a CDN', () => {
  it("takes controller and hand profiles from the app's own /xr/profiles/ (pmndrs/xr's default base is jsdelivr)", async () => {
    const { profilesBase } = await import('../../src/xr/xr-store.ts');
    const o = created.options!;
    expect(o.baseAssetPath).toBe(profilesBase());
    const url = new URL(o.baseAssetPath as string);
    expect(url.origin).toBe(new URL('http://localhost/').origin);
    expect(url.pathname).toBe('/xr/profiles/');
  });

  it('falls back to profiles the app ships, for controllers and hands', () => {
    const o = created.options!;
    expect(XR_PROFILE_IDS).toContain(o.defaultControllerProfileId);
    expect(XR_PROFILE_IDS).toContain(o.defaultXRHandProfileId);
  });

  it('never injects the emulator, whose lazy chunk holds an unpkg URL for its rooms', () => {
    expect(created.options!.emulate).toBe(false);
  });
});
