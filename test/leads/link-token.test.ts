// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isLinkToken, LINK_TOKEN_KEY, linkTokenFromParams, linkTokenParams, readLinkToken, saveLinkToken, usableLinkToken } from '../../src/leads/link-token.ts';

const TOKEN = `stw_share_${'A'.repeat(43)}`;
const EXPIRES = Date.parse('2026-12-08T12:00:00Z');

describe('link token (the store token a share link brings to a phone)', () => {
  beforeEach(() => localStorage.clear());

  it('is usable until the expiry the server gave, however often the link is opened again', () => {
    const fromLink = linkTokenFromParams(new URLSearchParams(linkTokenParams({ token: TOKEN, expiresAtMs: EXPIRES })))!;
    expect(fromLink).toEqual({ token: TOKEN, expiresAtMs: EXPIRES });
    expect(saveLinkToken(fromLink)).toBe(true);
    expect(usableLinkToken(EXPIRES - 1)?.token).toBe(TOKEN);
    // Opened again a day before expiry: the clock does not restart.
    saveLinkToken(linkTokenFromParams(new URLSearchParams(linkTokenParams(fromLink)))!);
    expect(usableLinkToken(EXPIRES)).toBeNull();
    // Expired, the record stays: the phone still knows it came from a link.
    expect(readLinkToken()).toEqual({ token: TOKEN, expiresAtMs: EXPIRES });
  });

  it('takes no token from a link without an expiry, or with a malformed one', () => {
    for (const q of [`k=${TOKEN}`, `k=${TOKEN}&x=`, `k=${TOKEN}&x=12ab`, `k=${TOKEN}&x=-1`, `x=1796731200`, `k=stw_manager_${'A'.repeat(43)}&x=1796731200`]) {
      expect(linkTokenFromParams(new URLSearchParams(q))).toBeNull();
    }
  });

  it('accepts share tokens and the kiosk-role share tokens of older servers, nothing else', () => {
    expect(isLinkToken(TOKEN)).toBe(true);
    expect(isLinkToken(`stw_kiosk_${'A'.repeat(43)}`)).toBe(true);
    for (const bad of ['', `stw_manager_${'A'.repeat(43)}`, 'stw_share_<script>', `${TOKEN}&x=1`]) {
      expect(isLinkToken(bad)).toBe(false);
      expect(saveLinkToken({ token: bad, expiresAtMs: EXPIRES })).toBe(false);
    }
    expect(saveLinkToken({ token: TOKEN, expiresAtMs: Number.NaN })).toBe(false);
    expect(localStorage.getItem(LINK_TOKEN_KEY)).toBeNull();
  });

  it('ignores damaged storage and a record saved by an older version (no expiry)', () => {
    localStorage.setItem(LINK_TOKEN_KEY, '{not json');
    expect(readLinkToken()).toBeNull();
    localStorage.setItem(LINK_TOKEN_KEY, JSON.stringify({ token: TOKEN, savedAtMs: Date.now() }));
    expect(readLinkToken()).toBeNull();
  });
});

describe('the local kiosk token', () => {
  it('is asked for only by a page served from this machine', async () => {
    const { fetchLocalKioskToken } = await import('../../src/leads/sync-client.ts');
    let asked = 0;
    const stub = (async () => (asked++, new Response(JSON.stringify({ token: 't', storeId: 's' }), { status: 200 }))) as typeof fetch;
    vi.stubGlobal('location', { hostname: '192.168.1.20' }); // a phone on the showroom network
    expect(await fetchLocalKioskToken('', stub)).toBeNull();
    expect(asked).toBe(0);
    vi.stubGlobal('location', { hostname: '127.0.0.1' });
    expect(await fetchLocalKioskToken('', stub)).toEqual({ token: 't', storeId: 's' });
    expect(asked).toBe(1);
    vi.unstubAllGlobals();
  });
});
