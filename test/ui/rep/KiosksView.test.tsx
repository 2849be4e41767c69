// @vitest-environment happy-dom
/**
 * Rep mode's "展厅终端 / Kiosks" against the real lead server: the store's kiosks from their
 * heartbeats (one sent by the kiosk's own heartbeat module), a quiet kiosk's warning row, the
 * version warning, refreshing every 30 s while shown, and English.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createToken } from '../../../src/server/auth-repo.ts';
import { startHeartbeat } from '../../../src/state/kiosk-heartbeat.ts';
import { useLocaleStore } from '../../../src/state/locale-store.ts';
import { useRepSession } from '../../../src/state/rep-session.ts';
import { KIOSKS_REFRESH_MS } from '../../../src/ui/rep/KiosksView.tsx';
import { formatTime } from '../../../src/ui/rep/rep-format.ts';
import { RepScreen } from '../../../src/ui/rep/RepScreen.tsx';
import { auth, beat, makeFixture, T0, type Fixture } from '../../server/helpers.ts';
import { injectFetch } from './inject-fetch.ts';
import { click, render, settle } from './live-render.ts';


const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

const fact = (item: Element, id: string) => item.querySelector(`[data-fact="${id}"] dd`)!.textContent;

describe('the store’s kiosks in rep mode', () => {
  let f: Fixture;
  let upstairs: string;
  let listRequests = 0;
  let kioskId: string;

  beforeAll(async () => {
    f = await makeFixture('sqlite', { version: '0.1.0+abc1234' });
    const fetch = injectFetch(f.app);
    vi.stubGlobal('fetch', (async (input: string, init?: RequestInit) => {
      if (String(input).startsWith('/api/kiosks?') || input === '/api/kiosks') listRequests++;
      return fetch(input, init);
    }) as typeof globalThis.fetch);
    upstairs = await f.db.transaction(async (tx) => (await createToken(tx, 'kiosk', 'store-a', `二楼展台 ${HOSTILE}`, T0)).token);
    // Upstairs beat last at T0 (an older version); the kiosk at the door four minutes later, through
    // the heartbeat module as the kiosk sends it; store B's kiosk too (store A's rep must not see it).
    expect((await f.app.inject({ method: 'POST', url: '/api/kiosks/heartbeat', headers: auth(upstairs), payload: beat({ version: '0.1.0+0ld1234', screen: 'range' }) })).statusCode).toBe(200);
    f.clock.ms = T0 + 240_000;
    const sent = new Promise<void>((resolve) => {
      const stop = startHeartbeat({
        fetch: (async (input: string, init?: RequestInit) => {
          const res = await fetch(input, init);
          setTimeout(() => (stop(), resolve()), 0);
          return res;
        }) as typeof globalThis.fetch,
        token: async () => f.tokens.kiosk,
        requestFrame: (cb) => cb(),
        target: new EventTarget(),
        collect: async () =>
          beat({
            screen: 'twin', outbox: { pending: 2, failed: 1 }, storage: { persisted: false, usageBytes: 21_000_000, quotaBytes: 60_000_000_000 },
            serviceWorker: { registered: true, offlineReady: true, waiting: true }, lastError: { kind: 'rejection', message: 'TypeError: Failed to fetch', at: new Date(T0 + 200_000).toISOString() },
          }),
      });
    });
    await sent;
    expect((await f.app.inject({ method: 'POST', url: '/api/kiosks/heartbeat', headers: auth(f.tokens.kioskB), payload: beat() })).statusCode).toBe(200);
    f.clock.ms = T0 + 270_000;
    const [door] = (await f.app.inject({ url: '/api/kiosks', headers: auth(f.tokens.rep) })).json().kiosks.filter((k: { label: string }) => k.label === 'test');
    kioskId = door.id;
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await f.close();
  });
  afterEach(() => {
    useRepSession.getState().signOut();
    useLocaleStore.getState().setLocale('zh-CN');
    vi.useRealTimers();
  });

  async function openKiosks(token: string) {
    await useRepSession.getState().signIn(token);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="rep-tab-kiosks"]')).not.toBeNull());
    click(view.container.querySelector('[data-testid="rep-tab-kiosks"]'));
    await settle(() => expect(view.container.querySelectorAll('[data-kiosk-id]').length).toBeGreaterThan(0));
    return view;
  }

  it('lists the store’s kiosks with last heard, version, screen, outbox, storage and last error, and warns of the quiet one', async () => {
    const view = await openKiosks(f.tokens.rep);
    const c = view.container;
    expect(c.querySelector('[data-testid="rep-tab-kiosks"]')!.textContent).toBe('展厅终端');
    expect(c.querySelector('[data-testid="kiosks-summary"]')!.textContent).toBe('共 2 台展台，其中 1 台没有消息');
    const items = [...c.querySelectorAll('[data-kiosk-id]')];
    expect(items.map((i) => i.querySelector('.rep-kiosks__head strong')!.textContent)).toEqual(['test', `二楼展台 ${HOSTILE}`]);
    expect(c.querySelector('img')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();

    const [door, up] = items as [Element, Element];
    expect(door.getAttribute('data-kiosk-id')).toBe(kioskId);
    expect(door.querySelector('.rep-kiosks__head')!.textContent).toContain('本机');
    expect(up.querySelector('.rep-kiosks__head')!.textContent).not.toContain('本机');
    expect(door.querySelector('[data-testid="kiosk-quiet"]')).toBeNull();
    expect(fact(door, 'seen')).toBe('30秒钟前');
    expect(fact(door, 'version')).toBe('0.1.0+abc1234');
    expect(fact(door, 'screen')).toBe('3D 数字孪生');
    expect(fact(door, 'outbox')).toBe('2 / 1有 1 条线索发送失败，请在该展台的「本机同步」中处理');
    expect(fact(door, 'storage')).toBe('未授予：清理浏览数据会删除离线缓存和待发送线索已用 21 MB，可用 60.0 GB');
    expect(fact(door, 'sw')).toBe('可离线运行新版本已下载，下一位顾客前应用');
    expect(fact(door, 'error')).toBe(`TypeError: Failed to fetch${formatTime('zh-CN', T0 + 200_000)}`);

    const warning = up.querySelector('[data-testid="kiosk-quiet"]')!;
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toBe(`二楼展台 ${HOSTILE} 已 4分钟没有消息（最后一次 ${formatTime('zh-CN', T0)}）：请检查展台的电源、网络和浏览器。`);
    expect(fact(up, 'seen')).toBe('4分钟前');
    expect(fact(up, 'version')).toBe('0.1.0+0ld1234与服务器版本 0.1.0+abc1234 不同：展台尚未更新');
    expect(up.querySelector('[data-fact="version"]')!.className).toContain('rep-warn');
    expect(fact(up, 'screen')).toBe('续航实验室');
    expect(fact(up, 'error')).toBe('无');
    view.unmount();
  });

  it('refreshes every 30 s while shown, and stops when left', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const view = await openKiosks(f.tokens.rep);
    const quietRows = () => view.container.querySelectorAll('[data-testid="kiosk-quiet"]').length;
    expect(quietRows()).toBe(1);
    // Upstairs is back.
    f.clock.ms = T0 + 280_000;
    expect((await f.app.inject({ method: 'POST', url: '/api/kiosks/heartbeat', headers: auth(upstairs), payload: beat({ screen: 'needs' }) })).statusCode).toBe(200);
    const before = listRequests;
    vi.advanceTimersByTime(KIOSKS_REFRESH_MS - 100);
    expect(listRequests).toBe(before);
    vi.advanceTimersByTime(100);
    await settle(() => expect(quietRows()).toBe(0));
    expect(listRequests).toBe(before + 1);
    expect(view.container.querySelector('[data-testid="kiosks-summary"]')!.textContent).toBe('共 2 台展台');
    click(view.container.querySelector('[data-testid="rep-tab-leads"]'));
    await settle(() => expect(view.container.querySelector('[data-testid="rep-kiosks"]')).toBeNull());
    vi.advanceTimersByTime(5 * KIOSKS_REFRESH_MS);
    expect(listRequests).toBe(before + 1);
    view.unmount();
    f.clock.ms = T0 + 270_000;
  });

  it('shows a manager of every store each store’s kiosks, in English too', async () => {
    useLocaleStore.getState().setLocale('en');
    const view = await openKiosks(f.tokens.manager);
    const c = view.container;
    expect(c.querySelector('[data-testid="rep-tab-kiosks"]')!.textContent).toBe('Kiosks');
    expect(c.querySelector('[data-testid="rep-tab-kiosk"]')!.textContent).toBe('This kiosk');
    const heads = [...c.querySelectorAll('[data-kiosk-id] .rep-kiosks__head')].map((h) => h.textContent);
    expect(heads).toHaveLength(3);
    expect(heads.filter((h) => h!.includes('Store store-b'))).toHaveLength(1);
    const door = c.querySelector(`[data-kiosk-id="${kioskId}"]`)!;
    expect(fact(door, 'screen')).toBe('3D twin');
    expect(fact(door, 'outbox')).toBe('2 / 1Failed to send: 1; see “This kiosk” on that kiosk');
    view.unmount();
  });

  it('says so when no kiosk has reported', async () => {
    await f.db.transaction((tx) => tx.run('DELETE FROM kiosk_heartbeats'));
    await useRepSession.getState().signIn(f.tokens.repB);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="rep-tab-kiosks"]')).not.toBeNull());
    click(view.container.querySelector('[data-testid="rep-tab-kiosks"]'));
    await settle(() => expect(view.container.querySelector('[data-testid="kiosks-empty"]')?.textContent).toBe('还没有展台报告过状态。展台打开后一分钟内会出现在这里。'));
    view.unmount();
  });
});
