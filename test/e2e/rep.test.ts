/**
 * Rep mode in Chromium against the real lead server: a lead stuck on the kiosk shows in the sync
 * status without sign-in and goes out on "retry"; a manager signs in, filters, opens a lead whose
 * name is hostile markup, marks it contacted, exports CSV and reads the funnel; a rep on a phone
 * sees their store, and its kiosks from their heartbeats, without export or erasure. Every screen at kiosk
 * and phone size, clean.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, smallTouchTargets, SHOWROOM_HOST } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';

const HOSTILE = '<img src=x onerror="window.pwned=1">';

const kiosk = useKioskAndBrowser();
let kioskToken: string;
let repToken: string;

async function postLead(name: string, phone: string, tags: Record<string, string[]>): Promise<string> {
  const id = randomUUID();
  const res = await fetch(`${kiosk.server.url}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
    body: JSON.stringify({
      id,
      contact: { name, phone },
      consent: { contact: true, textVersion: 'zh-CN-2026-05', marketing: true },
      answers: { dailyKm: 45, homeCharging: 'wallbox', children: true },
      plan: { vehicleId: 'vela-s5-long-range', winterRangeKm: 356, testDrives: ['winter-commute'] },
      tags,
    }),
  });
  expect(res.status).toBe(201);
  return id;
}

beforeAll(async () => {
  kioskToken = ((await (await fetch(`${kiosk.server.url}/api/kiosk-config`)).json()) as { token: string }).token;
  const created = await kiosk.server.api('/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'rep', storeId: 'local' }) });
  expect(created.status).toBe(201);
  repToken = ((await created.json()) as { token: string }).token;
  await postLead('王女士', '13800138000', { needs: ['family', 'commuter'], value: ['high-potential'] });
  await postLead(HOSTILE, '13800138001', { needs: ['long-distance'] });
  const sessionId = randomUUID();
  const at = new Date().toISOString();
  const events = (['session_started', 'questionnaire_completed', 'plan_viewed'] as const).map((type) => ({ id: randomUUID(), sessionId, type, at }));
  const res = await fetch(`${kiosk.server.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body: JSON.stringify({ events }) });
  expect(res.status).toBe(202);
}, 120_000);

async function signIn(page: Page, token: string) {
  await page.getByTestId('rep-sign-in').waitFor();
  await page.fill('input[name="token"]', token);
  await page.getByTestId('rep-sign-in').getByRole('button').click();
  await page.getByTestId('rep-who').waitFor();
}

describe('rep mode', () => {
  it('shows a lead stuck on the kiosk without sign-in, and sends it on retry', async () => {
    const { page, problems, assertClean } = await openPage(kiosk.browser, 'landscape');
    // The lead server refuses nothing but cannot be reached for leads: the customer submits anyway.
    await page.route('**/api/leads', (route) => route.abort('internetdisconnected'));
    await page.goto(`${kiosk.server.url}/#/contact`);
    await page.fill('input[name="name"]', '李先生');
    await page.fill('input[name="phone"]', '13900139000');
    await page.check('input[name="consentContact"]');
    await page.getByTestId('contact-submit').click();
    await page.getByTestId('contact-done').waitFor();

    await page.goto(`${kiosk.server.url}/#/home`);
    await page.getByTestId('open-rep').click();
    const kioskCard = page.getByTestId('rep-kiosk');
    await expect.poll(() => kioskCard.getByTestId('outbox-pending').locator('dd').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('kiosk-link').textContent()).toContain('local');
    expect(await page.getByTestId('outbox-entries').textContent()).toContain('网络不可用');
    await screenshot(page, 'rep-start');
    expect(await smallTouchTargets(page)).toEqual([]);
    // Status only: the customer's name and number are nowhere on the screen.
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toContain('李先生');
    expect(text).not.toContain('139');

    await page.unroute('**/api/leads');
    await page.getByTestId('outbox-retry').click();
    await expect.poll(() => kioskCard.getByTestId('outbox-sent').locator('dd').textContent()).toBe('1');
    expect(await kioskCard.getByTestId('outbox-pending').locator('dd').textContent()).toBe('0');
    const found = (await (await kiosk.server.api('/api/leads?phone=13900139000')).json()) as { total: number };
    expect(found.total).toBe(1);

    // Only the deliberately cut lead posts failed.
    const deliberate = (s: string) => /\/api\/leads(: net::ERR_INTERNET_DISCONNECTED)?\)?$/.test(s) && /ERR_INTERNET_DISCONNECTED/.test(s);
    problems.failedRequests.splice(0, Infinity, ...problems.failedRequests.filter((s) => !deliberate(s)));
    problems.consoleErrors.splice(0, Infinity, ...problems.consoleErrors.filter((s) => !/ERR_INTERNET_DISCONNECTED/.test(s)));
    assertClean();
    await page.close();
  });

  it('gives a manager the leads, a detail with hostile text shown as text, CSV export and the funnel', async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'landscape');
    await page.goto(`${kiosk.server.url}/#/rep`);
    await page.fill('input[name="token"]', kioskToken);
    await page.getByTestId('rep-sign-in').getByRole('button').click();
    await expect.poll(() => page.getByTestId('rep-sign-in').getByRole('alert').textContent()).toContain('展台令牌');
    await signIn(page, kiosk.server.managerToken);
    expect(await page.getByTestId('rep-who').textContent()).toBe('店长 · 全部门店');
    await expect.poll(() => page.getByTestId('lead-total').textContent()).toBe('共 3 条');
    expect(await page.locator('.rep-leads img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

    await page.locator('[data-tag="long-distance"]').click();
    await expect.poll(() => page.getByTestId('lead-total').textContent()).toBe('共 1 条');
    await page.locator('[data-lead-id]').first().click();
    await page.getByTestId('lead-consents').waitFor();
    expect(await page.locator('#lead-name').textContent()).toBe(HOSTILE);
    expect(await page.getByTestId('lead-detail').textContent()).toContain('+86 138 0013 8001');
    // The plan's trim by name, from the line-up the kiosk serves.
    await expect.poll(() => page.getByTestId('lead-detail').textContent()).toContain('维拉 S5 长续航版 (vela-s5-long-range)');
    await page.getByTestId('mark-contacted').click();
    await page.getByTestId('mark-contacted').waitFor({ state: 'detached' });
    await screenshot(page, 'rep-lead-detail');

    await page.locator('[data-tag="long-distance"]').click(); // all tags again
    await expect.poll(() => page.getByTestId('lead-total').textContent()).toBe('共 3 条');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,store_id,created_at,name,phone,email,preferred_time,tags,interactions,first_contact_at');
    expect(lines).toHaveLength(4);
    // Phone numbers come out as plain E.164 text a CRM import reads; other cells a spreadsheet would evaluate are defused (OWASP).
    expect(csv).toContain(`"王女士","+8613800138000"`);

    await page.getByTestId('rep-tab-funnel').click();
    await page.getByTestId('funnel-stores').waitFor();
    const row = await page.getByTestId('funnel-stores').locator('tbody tr').first().textContent();
    expect(row).toMatch(/^local/);
    await screenshot(page, 'rep-funnel');
    expect(await smallTouchTargets(page)).toEqual([]);

    // Manage: a pairing code for this store, redeemed on the kiosk tab (as a new kiosk would).
    await page.getByTestId('rep-tab-manage').click();
    await page.fill('input[name="storeId"]', 'local');
    await page.getByTestId('issue-code').getByRole('button').click();
    const code = (await page.getByTestId('pairing-code').textContent())!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6,10}$/);
    await screenshot(page, 'rep-manage');
    expect(await smallTouchTargets(page)).toEqual([]);
    await page.getByTestId('rep-tab-kiosk').click();
    await page.fill('input[name="pairingCode"]', code.toLowerCase());
    await page.getByTestId('pair-form').getByRole('button').click();
    await expect.poll(() => page.getByTestId('pair-form').getByRole('status').textContent()).toContain('local');
    const tokens = (await (await kiosk.server.api('/api/tokens')).json()) as { tokens: { role: string; label: string }[] };
    expect(tokens.tokens.filter((t) => t.role === 'kiosk' && t.label === 'kiosk')).toHaveLength(1);

    await page.getByTestId('rep-sign-out').click();
    await page.getByTestId('rep-sign-in').waitFor();
    assertClean();
    await page.close();
  });

  it('keeps a rep on a phone to their store, without export or erasure', async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'phone');
    await page.goto(`${kiosk.server.url}/#/rep`);
    await signIn(page, repToken);
    expect(await page.getByTestId('rep-who').textContent()).toBe('顾问 · 门店 local');
    await expect.poll(() => page.getByTestId('lead-total').textContent()).toBe('共 3 条');
    expect(await page.getByTestId('export-csv').count()).toBe(0);
    await screenshot(page, 'rep-leads');
    expect(await smallTouchTargets(page)).toEqual([]);
    await page.locator('[data-lead-id]').last().click();
    await page.getByTestId('lead-consents').waitFor();
    expect(await page.getByTestId('erase-lead').count()).toBe(0);
    // One column on a phone: the detail replaces the list, with a way back.
    expect(await page.getByTestId('lead-rows').isVisible()).toBe(false);
    await screenshot(page, 'rep-lead-detail');
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByTestId('lead-rows').waitFor();
    await page.getByTestId('rep-tab-funnel').click();
    await page.getByTestId('rep-funnel').locator('svg').first().waitFor();
    await screenshot(page, 'rep-funnel');
    // The store's kiosks: this one sent its heartbeat at start (with the token it pairs with: the
    // local kiosk's, or the one an earlier test of this file paired it with).
    await page.getByTestId('rep-tab-kiosks').click();
    const mine = page.locator('[data-kiosk-id]', { hasText: '本机' });
    await expect.poll(() => mine.count()).toBe(1);
    const listed = (await (await kiosk.server.api('/api/kiosks')).json()) as { kiosks: { id: string; label: string; quiet: boolean }[] };
    const mineId = await mine.getAttribute('data-kiosk-id');
    const row = listed.kiosks.find((k) => k.id === mineId);
    expect(row).toMatchObject({ quiet: false });
    expect(await mine.textContent()).toContain(row!.label);
    expect(await mine.locator('[data-testid="kiosk-quiet"]').count()).toBe(0);
    await screenshot(page, 'rep-kiosks');
    expect(await smallTouchTargets(page)).toEqual([]);
    assertClean();
    await page.close();
  });

  it('lays out the funnel on a portrait kiosk', async () => {
    const { page, assertClean } = await openPage(kiosk.browser, 'portrait');
    await page.goto(`${kiosk.server.url}/#/rep`);
    await signIn(page, kiosk.server.managerToken);
    await page.getByTestId('rep-tab-funnel').click();
    await page.getByTestId('funnel-stores').waitFor();
    await screenshot(page, 'rep-funnel');
    expect(await smallTouchTargets(page)).toEqual([]);
    assertClean();
    await page.close();
  });

  it('keeps a lead the server refuses with its reason and resends it; a revoked pairing unpairs the kiosk and says so', async () => {
    const { page, problems, assertClean } = await openPage(kiosk.browser, 'landscape');
    const startedAt = new Date().toISOString();
    // A kiosk on the showroom network (not the server's machine: no local token), paired with a manager's code.
    const issued = await kiosk.server.api('/api/pairing-codes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ storeId: 'local' }) });
    const { code } = (await issued.json()) as { code: string };
    const lan = `http://${SHOWROOM_HOST}:${kiosk.server.port}`;
    await page.goto(`${lan}/#/rep`);
    await page.fill('input[name="pairingCode"]', code);
    await page.getByTestId('pair-form').getByRole('button').click();
    await expect.poll(() => page.getByTestId('pair-form').getByRole('status').textContent()).toContain('local');

    const submit = async (phone: string) => {
      await page.evaluate(() => (location.hash = '#/contact'));
      await page.getByTestId('contact-form').waitFor();
      await page.fill('input[name="name"]', '赵先生');
      await page.fill('input[name="phone"]', phone);
      await page.check('input[name="consentContact"]');
      await page.getByTestId('contact-submit').click();
      await page.getByTestId('contact-done').waitFor();
      await page.evaluate(() => (location.hash = '#/rep'));
    };
    const count = (state: string) => page.getByTestId(`outbox-${state}`).locator('dd').textContent();

    // The server refuses the lead as it would an older kiosk's: kept, with the server's reason.
    await page.route('**/api/leads', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'invalid', field: 'consent.textVersion', message: 'unknown notice version' }) }),
    );
    await submit('13700137001');
    await expect.poll(() => count('failed')).toBe('1');
    const failed = page.getByTestId('outbox-entry-failed');
    expect(await failed.textContent()).toContain('400 invalid consent.textVersion: unknown notice version');
    expect(await failed.textContent()).toContain('更新本机');
    await screenshot(page, 'rep-version-skew');
    expect(await smallTouchTargets(page)).toEqual([]);
    // Updated (here: the server takes it now), a rep resends it.
    await page.unroute('**/api/leads');
    await failed.getByTestId('outbox-resend').click();
    await expect.poll(() => count('sent')).toBe('1');
    expect(await count('failed')).toBe('0');
    expect(((await (await kiosk.server.api('/api/leads?phone=13700137001')).json()) as { total: number }).total).toBe(1);

    // A manager revokes this kiosk's token: its next lead is answered 401, and the kiosk unpairs itself.
    const { tokens } = (await (await kiosk.server.api('/api/tokens')).json()) as { tokens: { id: string; role: string; label: string; createdAt: string; revoked: boolean }[] };
    const mine = tokens.filter((t) => t.role === 'kiosk' && t.label === 'kiosk' && !t.revoked && t.createdAt >= startedAt.slice(0, 19));
    expect(mine).toHaveLength(1);
    expect((await kiosk.server.api(`/api/tokens/${mine[0]!.id}`, { method: 'DELETE' })).status).toBe(204);
    await submit('13700137002');
    await page.getByTestId('kiosk-revoked').waitFor();
    expect(await page.getByTestId('kiosk-revoked').textContent()).toMatch(/本机的配对已于 .+ 被撤销/);
    expect(await page.getByTestId('kiosk-revoked').textContent()).toContain('请输入店长发放的新配对码');
    expect(await count('pending')).toBe('1');
    expect(await page.getByTestId('outbox-entry-pending').textContent()).toContain('本机令牌已被撤销');
    await screenshot(page, 'rep-revoked');
    expect(await page.evaluate(() => localStorage.getItem('showroom-twin.kiosk-token'))).toBeNull();
    // Status only: no customer's name or number on screen.
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toContain('赵先生');
    expect(text).not.toContain('137');

    // The refusals were the test's: the fulfilled 400 and the revoked token's 401s (to the kiosk's
    // leads, its link check and its heartbeats).
    const deliberate = /\/api\/(?:leads|me|kiosks\/heartbeat)(?:: HTTP (?:400|401))?\)?$|status of 40[01]/;
    problems.failedRequests.splice(0, Infinity, ...problems.failedRequests.filter((r) => !deliberate.test(r)));
    problems.consoleErrors.splice(0, Infinity, ...problems.consoleErrors.filter((r) => !deliberate.test(r)));
    assertClean();
    await page.close();
  });
});
