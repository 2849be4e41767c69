// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { useLocaleStore } from '../../src/state/locale-store.ts';
import { HOME_SCREEN_ID, useNavStore } from '../../src/state/nav-store.ts';
import { onSessionReset, resetKioskSession } from '../../src/state/session-reset.ts';

function putInIndexedDb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('leads-outbox-test', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('outbox', 'readwrite');
      tx.objectStore('outbox').put({ phone: '13800000000' }, 'lead-1');
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
    };
  });
}

function readFromIndexedDb(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('leads-outbox-test', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('outbox').objectStore('outbox').get('lead-1');
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result);
      };
    };
  });
}

describe('resetKioskSession', () => {
  it('returns to the home screen in zh-CN', () => {
    useNavStore.getState().go('range');
    useLocaleStore.getState().setLocale('en');
    resetKioskSession();
    expect(useNavStore.getState().screenId).toBe(HOME_SCREEN_ID);
    expect(useLocaleStore.getState().locale).toBe('zh-CN');
  });

  it('runs registered handlers until they unregister', () => {
    const handler = vi.fn();
    const off = onSessionReset(handler);
    resetKioskSession();
    off();
    resetKioskSession();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('never clears lead data in localStorage, sessionStorage or IndexedDB', async () => {
    localStorage.setItem('leads:draft', '{"name":"王"}');
    sessionStorage.setItem('leads:session', 'x');
    await putInIndexedDb();
    resetKioskSession();
    expect(localStorage.getItem('leads:draft')).toBe('{"name":"王"}');
    expect(sessionStorage.getItem('leads:session')).toBe('x');
    expect(await readFromIndexedDb()).toEqual({ phone: '13800000000' });
  });
});
