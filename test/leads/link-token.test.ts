// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isLinkToken, LINK_TOKEN_KEY, LINK_TOKEN_TTL_MS, readLinkToken, saveLinkToken } from '../../src/leads/link-token.ts';
import { createKioskTokenSource, type TokenStore } from '../../src/leads/sync-client.ts';

const TOKEN = `stw_kiosk_${'A'.repeat(43)}`;

describe('link token (the store token a share link brings to a phone)', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a kiosk token from a link for the 7 days the server honours it', () => {
    expect(saveLinkToken(TOKEN, 1_000)).toBe(true);
    expect(readLinkToken(1_000 + LINK_TOKEN_TTL_MS - 1)).toBe(TOKEN);
    expect(readLinkToken(1_000 + LINK_TOKEN_TTL_MS)).toBeNull();
  });

  it('ignores anything that is not a kiosk token, and damaged storage', () => {
    for (const bad of ['', 'stw_manager_' + 'A'.repeat(43), 'stw_kiosk_<script>', `${TOKEN}&x=1`]) {
      expect(isLinkToken(bad)).toBe(false);
      expect(saveLinkToken(bad, 0)).toBe(false);
    }
    expect(localStorage.getItem(LINK_TOKEN_KEY)).toBeNull();
    localStorage.setItem(LINK_TOKEN_KEY, '{not json');
    expect(readLinkToken(0)).toBeNull();
  });

  it('comes after a paired token and before asking the server for the local kiosk’s', async () => {
    let paired: string | null = null;
    const store: TokenStore = { get: async () => paired, set: async (t) => void (paired = t) };
    let asked = 0;
    const source = createKioskTokenSource({
      store,
      linkToken: () => readLinkToken(5_000),
      fetch: (async () => (asked++, new Response(JSON.stringify({ token: 'local', storeId: 'local' }), { status: 200 }))) as typeof fetch,
    });
    expect(await source.get()).toBe('local');
    saveLinkToken(TOKEN, 4_000);
    expect(await source.get()).toBe(TOKEN);
    paired = 'paired';
    expect(await source.get()).toBe('paired');
    expect(asked).toBe(1);
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
