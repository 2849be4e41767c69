// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REP_TOKEN_KEY, useRepSession } from '../../src/state/rep-session.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';
import { makeFixture, type Fixture } from '../server/helpers.ts';
import { injectFetch } from '../ui/rep/inject-fetch.ts';

describe('rep session', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture('sqlite');
    vi.stubGlobal('fetch', injectFetch(f.app));
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await f.close();
  });
  afterEach(() => useRepSession.getState().signOut());

  it('signs a rep in with their store, keeps the token for this browser session only', async () => {
    expect(await useRepSession.getState().signIn(`  ${f.tokens.rep}\n`)).toBe(true);
    expect(useRepSession.getState()).toMatchObject({ status: 'signed-in', role: 'rep', storeId: 'store-a', problem: null });
    expect(sessionStorage.getItem(REP_TOKEN_KEY)).toBe(f.tokens.rep);
    expect(localStorage.getItem(REP_TOKEN_KEY)).toBeNull();
  });

  it('refuses kiosk tokens, unknown tokens and an empty field, each with its reason', async () => {
    expect(await useRepSession.getState().signIn(f.tokens.kiosk)).toBe(false);
    expect(useRepSession.getState()).toMatchObject({ status: 'signed-out', problem: 'kiosk-token', token: null });
    expect(await useRepSession.getState().signIn('stw_manager_not-a-real-token')).toBe(false);
    expect(useRepSession.getState().problem).toBe('refused');
    expect(await useRepSession.getState().signIn('   ')).toBe(false);
    expect(useRepSession.getState().problem).toBe('empty');
    expect(sessionStorage.getItem(REP_TOKEN_KEY)).toBeNull();
  });

  it('says the server is unreachable when the network fails, and keeps a saved token for later', async () => {
    sessionStorage.setItem(REP_TOKEN_KEY, f.tokens.manager);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await useRepSession.getState().restore();
    expect(useRepSession.getState()).toMatchObject({ status: 'signed-out', problem: 'unreachable' });
    expect(sessionStorage.getItem(REP_TOKEN_KEY)).toBe(f.tokens.manager);
    vi.stubGlobal('fetch', injectFetch(f.app));
    await useRepSession.getState().restore();
    expect(useRepSession.getState()).toMatchObject({ status: 'signed-in', role: 'manager', storeId: null });
  });

  it('signs out when the kiosk session resets (the customer walked away)', async () => {
    await useRepSession.getState().signIn(f.tokens.manager);
    resetKioskSession();
    expect(useRepSession.getState()).toMatchObject({ status: 'signed-out', token: null, role: null });
    expect(sessionStorage.getItem(REP_TOKEN_KEY)).toBeNull();
  });
});
