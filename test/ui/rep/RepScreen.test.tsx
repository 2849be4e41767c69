// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useRepSession } from '../../../src/state/rep-session.ts';
import { RepScreen } from '../../../src/ui/rep/RepScreen.tsx';
import { leadQuery } from '../../../src/ui/rep/LeadsView.tsx';
import { auth, lead, makeFixture, type Fixture } from '../../server/helpers.ts';
import { injectFetch } from './inject-fetch.ts';
import { click, render, settle } from './live-render.ts';


const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

const byText = (root: ParentNode, selector: string, text: string) => [...root.querySelectorAll(selector)].find((e) => e.textContent?.includes(text));

describe('rep screen against the real lead routes', () => {
  let f: Fixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    f = await makeFixture('sqlite');
    vi.stubGlobal('fetch', injectFetch(f.app));
    const seed = [
      ['wang', lead({ tags: { needs: ['family'], value: ['high-potential'] }, plan: { vehicleId: 'vela-x7-lfp', winterRangeKm: 312 }, answers: { dailyKm: 60, children: true } }, '13800138000'), f.tokens.kiosk],
      ['hostile', { ...lead({ tags: { needs: ['commuter'] } }, '13800138001'), contact: { name: HOSTILE, phone: '13800138001' } }, f.tokens.kiosk],
      ['other-store', lead({}, '13800138002'), f.tokens.kioskB],
    ] as const;
    for (const [name, body, token] of seed) {
      const res = await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(token), payload: body });
      expect(res.statusCode).toBe(201);
      ids[name] = body.id;
      f.clock.ms += 60_000;
    }
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await f.close();
  });
  afterEach(() => useRepSession.getState().signOut());

  it('lists a manager every store, filters by tag, shows hostile names as text, opens the detail and records the first contact', async () => {
    await useRepSession.getState().signIn(f.tokens.manager);
    const view = render(<RepScreen />);
    const total = () => view.container.querySelector('[data-testid="lead-total"]')?.textContent;
    await settle(() => expect(total()).toBe('共 3 条'));
    expect(view.container.querySelector('[data-testid="export-csv"]')).not.toBeNull();
    expect(view.container.querySelector('img')).toBeNull();
    expect(byText(view.container, '.rep-lead-row__name', HOSTILE)).toBeDefined();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();

    click(view.container.querySelector('[data-tag="family"]'));
    await settle(() => expect(total()).toBe('共 1 条'));
    click(view.container.querySelector(`[data-lead-id="${ids.wang}"]`));
    await settle(() => expect(view.container.querySelector('[data-testid="lead-consents"]')).not.toBeNull());
    const detail = view.container.querySelector('[data-testid="lead-detail"]')!;
    expect(detail.textContent).toContain('+86 138 0013 8000');
    expect(detail.textContent).toContain('推荐车型vela-x7-lfp');
    expect(detail.textContent).toContain('冬季续航（公里）312');
    expect(detail.textContent).toContain('有孩子是');
    expect(detail.querySelector('[data-testid="lead-consents"]')!.textContent).toContain('联系我（必选）同意');

    click(detail.querySelector('[data-testid="mark-contacted"]'));
    await settle(() => expect(view.container.querySelector('[data-testid="mark-contacted"]')).toBeNull());
    const stored = (await f.app.inject({ url: `/api/leads/${ids.wang}`, headers: auth(f.tokens.manager) })).json();
    expect(stored.firstContactAt).not.toBeNull();
    view.unmount();
  });

  it('keeps a rep to their store, without export or erasure', async () => {
    await useRepSession.getState().signIn(f.tokens.rep);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="lead-total"]')?.textContent).toBe('共 2 条'));
    expect(view.container.querySelector('[data-testid="export-csv"]')).toBeNull();
    expect(view.container.querySelector(`[data-lead-id="${ids['other-store']}"]`)).toBeNull();
    click(view.container.querySelector(`[data-lead-id="${ids.hostile}"]`));
    await settle(() => expect(view.container.querySelector('[data-testid="lead-consents"]')).not.toBeNull());
    expect(view.container.querySelector('[data-testid="erase-lead"]')).toBeNull();
    expect(view.container.querySelector('#lead-name')!.textContent).toBe(HOSTILE);
    view.unmount();
  });

  it('lets a manager erase a lead after confirming; the list drops it', async () => {
    await useRepSession.getState().signIn(f.tokens.manager);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector(`[data-lead-id="${ids['other-store']}"]`)).not.toBeNull());
    click(view.container.querySelector(`[data-lead-id="${ids['other-store']}"]`));
    await settle(() => expect(view.container.querySelector('[data-testid="erase-lead"]')).not.toBeNull());
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    click(view.container.querySelector('[data-testid="erase-lead"]'));
    expect(confirm).toHaveBeenCalledOnce();
    expect((await f.app.inject({ url: `/api/leads/${ids['other-store']}`, headers: auth(f.tokens.manager) })).statusCode).toBe(200);
    vi.stubGlobal('confirm', () => true);
    click(view.container.querySelector('[data-testid="erase-lead"]'));
    await settle(() => expect(view.container.querySelector(`[data-lead-id="${ids['other-store']}"]`)).toBeNull());
    expect((await f.app.inject({ url: `/api/leads/${ids['other-store']}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    view.unmount();
  });

  it('gives a manager a pairing code that enrolls a kiosk, and erasure by mobile number; a rep neither', async () => {
    await useRepSession.getState().signIn(f.tokens.rep);
    let view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="rep-tab-leads"]')).not.toBeNull());
    expect(view.container.querySelector('[data-testid="rep-tab-manage"]')).toBeNull();
    view.unmount();

    await useRepSession.getState().signIn(f.tokens.manager);
    view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="rep-tab-manage"]')).not.toBeNull());
    click(view.container.querySelector('[data-testid="rep-tab-manage"]'));
    await settle(() => expect(view.container.querySelector('[data-testid="rep-manage"]')).not.toBeNull());
    const type = (name: string, value: string) => {
      const input = view.container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type('storeId', 'store-b');
    click(view.container.querySelector('[data-testid="issue-code"] button[type="submit"]'));
    await settle(() => expect(view.container.querySelector('[data-testid="pairing-code"]')).not.toBeNull());
    const code = view.container.querySelector('[data-testid="pairing-code"]')!.textContent!;
    const paired = await f.app.inject({ method: 'POST', url: '/api/pair', payload: { code } });
    expect(paired.statusCode).toBe(201);
    expect(paired.json().storeId).toBe('store-b');

    type('erasePhone', '138 0013 8001');
    vi.stubGlobal('confirm', () => true);
    click(view.container.querySelector('[data-testid="erase-phone"] button[type="submit"]'));
    await settle(() => expect(view.container.querySelector('[data-testid="erase-phone"] [role="status"]')?.textContent).toBe('已擦除 1 条线索。'));
    expect((await f.app.inject({ url: `/api/leads/${ids.hostile}`, headers: auth(f.tokens.manager) })).statusCode).toBe(404);
    view.unmount();
  });

  it('signs the rep out when the token is revoked while the list is open', async () => {
    await useRepSession.getState().signIn(f.tokens.repB);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="lead-total"]')).not.toBeNull());
    await f.db.transaction((tx) => tx.run('UPDATE tokens SET revoked_at = ? WHERE role = ? AND store_id = ?', [f.clock.ms, 'rep', 'store-b']));
    f.clock.ms += 10 * 60_000; // past the token cache
    click(byText(view.container, '.segmented__option', '近 7 天'));
    await settle(() => expect(useRepSession.getState().status).toBe('signed-out'));
    await settle(() => expect(view.container.querySelector('[data-testid="rep-sign-in"]')).not.toBeNull());
    view.unmount();
  });
});

describe('leadQuery', () => {
  const now = Date.parse('2026-11-27T03:00:00Z'); // 11:00 in Beijing
  it('searches a full number by number and anything else by name', () => {
    expect(leadQuery('138 0013-8000', null, 'all', now)).toEqual({ phone: '13800138000' });
    expect(leadQuery('+8613800138000', null, 'all', now)).toEqual({ phone: '+8613800138000' });
    expect(leadQuery(' 王 ', null, 'all', now)).toEqual({ q: '王' });
    expect(leadQuery('1380', null, 'all', now)).toEqual({ q: '1380' });
  });
  it('turns periods into China days, today included', () => {
    expect(leadQuery('', 'family', 'today', now)).toEqual({ tag: 'family', from: '2026-11-27' });
    expect(leadQuery('', null, '7', now)).toEqual({ from: '2026-11-21' });
    expect(leadQuery('', null, '30', Date.parse('2026-11-26T17:00:00Z'))).toEqual({ from: '2026-10-29' });
  });
});
