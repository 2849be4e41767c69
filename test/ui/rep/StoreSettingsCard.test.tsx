// @vitest-environment happy-dom
/**
 * Rep mode's store settings against the real lead server and a real store file: a manager's form
 * with the schema's per-field errors, save, the problem banner of a bad file, and who gets the tab.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLineupStore, type LineupEntry } from '../../../src/state/lineup-store.ts';
import { useRepSession } from '../../../src/state/rep-session.ts';
import { useStoreSettings } from '../../../src/state/settings-store.ts';
import { defaultStoreSettings } from '../../../src/store/store-settings.ts';
import { RepScreen } from '../../../src/ui/rep/RepScreen.tsx';
import { makeFixture, type Fixture } from '../../server/helpers.ts';
import { injectFetch } from './inject-fetch.ts';
import { click, render, settle } from './live-render.ts';


const LINEUP = ['vela-s5-standard', 'vela-s5-long-range', 'vela-x7-standard'];
const NAMES: Record<string, string> = { 'vela-s5-standard': '星帆 S5 标准版', 'vela-s5-long-range': '星帆 S5 长续航', 'vela-x7-standard': '星帆 X7 标准版' };
/** The line-up as the card sees it (names only; the bundles themselves are the twin tests' business). */
const entries: LineupEntry[] = LINEUP.map((id) => ({ id, source: `models/${id}/vehicle.json`, status: 'error', failure: { kind: 'spec', source: '', field: '', detail: '' } as never, name: { 'zh-CN': NAMES[id]!, en: id } }));

function type(root: ParentNode, name: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const errorOf = (root: ParentNode, field: string) => root.querySelector(`[data-field="${field}"] .rep-problem`)?.textContent ?? null;

describe('store settings in rep mode', () => {
  let f: Fixture;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rep-settings-'));
    file = join(dir, 'store.json');
    const staticDir = join(dir, 'dist');
    mkdirSync(join(staticDir, 'models'), { recursive: true });
    writeFileSync(join(staticDir, 'models', 'index.json'), JSON.stringify({ vehicles: LINEUP }));
    f = await makeFixture('sqlite', { localKiosk: { token: 'unused', storeId: 'store-a' }, staticDir, storeSettings: { file, watch: false } });
    vi.stubGlobal('fetch', injectFetch(f.app));
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    useRepSession.getState().signOut();
    useStoreSettings.getState().apply({ settings: defaultStoreSettings('local'), problem: null });
  });

  async function openSettings(token: string) {
    useLineupStore.setState({ status: 'ready', all: entries, entries });
    await useRepSession.getState().signIn(token);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="rep-tab-settings"]')?.textContent).toBe('门店设置'));
    click(view.container.querySelector('[data-testid="rep-tab-settings"]'));
    await settle(() => expect(view.container.querySelector('[data-testid="store-settings-form"]')).not.toBeNull());
    return view;
  }

  it('gives managers the tab, not reps', async () => {
    await useRepSession.getState().signIn(f.tokens.rep);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="rep-tab-leads"]')).not.toBeNull());
    expect(view.container.querySelector('[data-testid="rep-tab-settings"]')).toBeNull();
    view.unmount();
  });

  it('checks each field with the shared schema as the manager types, saves nothing invalid, then saves and applies', async () => {
    const view = await openSettings(f.tokens.manager);
    const c = view.container;
    expect(c.querySelector('[data-testid="settings-source"]')!.textContent).toBe('store-a · 尚无设置文件：正在使用默认设置');
    expect(c.querySelector<HTMLInputElement>('input[name="prices.petrolCnyPerL"]')!.value).toBe('7.6');

    type(c, 'prices.petrolCnyPerL', '七块六');
    type(c, 'idle.stillThereS', '10');
    type(c, 'name.en', '');
    type(c, 'shareOrigin', 'http://192.168.1.20:8080');
    await settle(() => expect(errorOf(c, 'prices.petrolCnyPerL')).toBe('请填写数字'));
    expect(errorOf(c, 'idle.stillThereS')).toBe('不能小于 20');
    expect(errorOf(c, 'name.en')).toBe('请填写');
    expect(errorOf(c, 'shareOrigin')).toMatch(/^请填写手机可访问的 https 地址/);
    expect(c.querySelector('input[name="idle.stillThereS"]')!.getAttribute('aria-invalid')).toBe('true');
    click(c.querySelector('[data-testid="settings-save"]'));
    await settle(() => expect(c.querySelector('[data-testid="settings-status"]')!.textContent).toBe('有 4 处需要修改，见标红的项目。'));
    expect(existsSync(file)).toBe(false);

    type(c, 'prices.petrolCnyPerL', '8.05');
    type(c, 'idle.stillThereS', '30');
    type(c, 'idle.resetAfterS', '35');
    type(c, 'name.en', 'Vela Shanghai Pudong');
    type(c, 'shareOrigin', 'https://sh-pudong-01.showroom.example.cn');
    await settle(() => expect(errorOf(c, 'idle.resetAfterS')).toBe('至少 40 秒：倒计时开始前顾客至少有 10 秒'));
    expect(errorOf(c, 'idle.attractAfterS')).toBeNull();
    type(c, 'idle.resetAfterS', '180');
    await settle(() => expect(c.querySelectorAll('.rep-settings [aria-invalid="true"]').length).toBe(0));

    // Cars: show the X7 first, hide the S5 long range.
    const row = (id: string) => c.querySelector(`[data-car="${id}"]`)!;
    click(row('vela-x7-standard').querySelector('button[aria-label^="上移"]'));
    await settle(() => expect(c.querySelectorAll('[data-car]')[1]!.getAttribute('data-car')).toBe('vela-x7-standard'));
    click(row('vela-x7-standard').querySelector('button[aria-label^="上移"]'));
    click(row('vela-s5-long-range').querySelector('input[type="checkbox"]'));
    await settle(() => expect(row('vela-s5-long-range').getAttribute('data-shown')).toBe('false'));

    click(c.querySelector('[data-testid="settings-save"]'));
    await settle(() => expect(c.querySelector('[data-testid="settings-status"]')!.textContent).toBe('已保存，已生效。'));
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({
      storeId: 'store-a',
      name: { en: 'Vela Shanghai Pudong' },
      cars: ['vela-x7-standard', 'vela-s5-standard'],
      prices: { petrolCnyPerL: 8.05 },
      idle: { resetAfterS: 180, stillThereS: 30 },
      shareOrigin: 'https://sh-pudong-01.showroom.example.cn',
    });
    expect(c.querySelector('[data-testid="settings-source"]')!.textContent).toBe('store-a · 来自设置文件');
    view.unmount();
  });

  it('shows a bad file’s problem with the file and field, starts from the settings that run, and saving replaces the file', async () => {
    const good = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...good, prices: { ...good.prices, offPeakShare: 1.5 } }));
    await f.app.storeSettings.reload('store-a');
    const view = await openSettings(f.tokens.manager);
    const c = view.container;
    const banner = c.querySelector('[data-testid="settings-problem"]')!;
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('门店设置文件有误，未生效');
    expect(banner.textContent).toContain(`${file}: prices.offPeakShare:`);
    expect(banner.textContent).toContain('展台正在使用上次有效的设置。');
    expect(c.querySelector<HTMLInputElement>('input[name="prices.offPeakShare"]')!.value).toBe(String(good.prices.offPeakShare));

    type(c, 'prices.offPeakShare', '0.85');
    click(c.querySelector('[data-testid="settings-save"]'));
    await settle(() => expect(c.querySelector('[data-testid="settings-status"]')?.textContent).toBe('已保存，已生效。'));
    expect(c.querySelector('[data-testid="settings-problem"]')).toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8')).prices.offPeakShare).toBe(0.85);
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8')).prices.offPeakShare).toBe(1.5);
    view.unmount();
  });

  it('tells signed-in staff when this kiosk’s settings file is bad', async () => {
    useStoreSettings.getState().apply({ settings: defaultStoreSettings('store-a'), problem: { file, message: `${file}: idle.stillThereS: at least 20 s (WCAG 2.2.1)`, issues: [{ path: 'idle.stillThereS', message: 'at least 20 s (WCAG 2.2.1)' }] } });
    await useRepSession.getState().signIn(f.tokens.rep);
    const view = render(<RepScreen />);
    await settle(() => expect(view.container.querySelector('[data-testid="kiosk-settings-problem"]')?.textContent).toContain(`${file}: idle.stillThereS`));
    view.unmount();
  });

  it('applies a manager’s save on this kiosk at once when it is this kiosk’s store', async () => {
    useStoreSettings.getState().apply({ settings: defaultStoreSettings('store-a'), problem: null });
    const view = await openSettings(f.tokens.manager);
    type(view.container, 'prices.publicDcCnyPerKwh', '1.6');
    click(view.container.querySelector('[data-testid="settings-save"]'));
    await settle(() => expect(useStoreSettings.getState().settings.prices.publicDcCnyPerKwh).toBe(1.6));
    view.unmount();
  });
});
