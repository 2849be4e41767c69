/**
 * Lead capture end to end (issue 5): the real kiosk UI in Chromium against the real lead server
 * process. The kiosk goes offline, a customer submits the contact form, the page reloads, the network
 * returns, and the lead arrives exactly once, with its consent; a later reload sends nothing again.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, outboxEntries } from './harness.ts';
import { useKioskAndBrowser } from './lead-server.ts';

const kiosk = useKioskAndBrowser();
/** The kiosk's heartbeat (at start, every minute, when the network returns). */
const HEARTBEAT = 'POST /api/kiosks/heartbeat';

/**
 * How many `online` listeners the page's window has: the outbox registers one when its background
 * sync starts (on submit, or on app start when leads are waiting). Read through the DevTools
 * protocol, so the page itself is not touched.
 */
async function onlineListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners.filter((l) => l.type === 'online').length;
  } finally {
    await cdp.detach();
  }
}

type LeadList = { total: number; leads: { id: string; name: string; interactions: number; storeId: string }[] };
type LeadDetail = {
  id: string;
  contact: { name: string; phone: string; preferredTime?: string };
  interactions: { kind: string; contact: { name: string } | null }[];
  consents: { purpose: string; granted: boolean; textVersion: string }[];
};

async function leadsWithPhone(phone: string): Promise<LeadList> {
  const res = await kiosk.server.api(`/api/leads?phone=${encodeURIComponent(phone)}`);
  if (res.status !== 200) throw new Error(`GET /api/leads: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as LeadList;
}

describe('lead capture against the lead server', () => {
  it('offline submit, reload, network back: the lead arrives exactly once', async () => {
    const { context } = kiosk.browser;
    const { page, problems, assertClean } = await openPage(kiosk.browser, 'landscape');
    // A fresh number per run: 139 0000 xxxx is an assigned China Mobile range.
    const digits = `1390000${String(Date.now() % 10_000).padStart(4, '0')}`;
    const typed = `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    const e164 = `+86${digits}`;
    const name = '李先生';

    // Every API request the kiosk makes, by phase, and the answers to its lead posts.
    let phase = 'start';
    const apiRequests: { phase: string; request: string }[] = [];
    const leadPosts: { status: number; replayed: string | undefined }[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/')) apiRequests.push({ phase, request: `${r.method()} ${path}` });
    });
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/leads') leadPosts.push({ status: r.status(), replayed: r.headers()['idempotent-replayed'] });
    });
    const requestsIn = (p: string) => apiRequests.filter((r) => r.phase === p).map((r) => r.request);

    await page.goto(`${kiosk.server.url}/#/contact`);
    await page.getByTestId('contact-form').waitFor();
    await page.waitForLoadState('networkidle');
    // An empty outbox sends nothing on start; the kiosk asks its store settings and the form the
    // store's notice facts (both with the token), and the kiosk sends its start heartbeat (one, or
    // two should the start take past the minute).
    await expect.poll(() => requestsIn('start')).toContain(HEARTBEAT);
    expect(requestsIn('start').filter((r) => r !== HEARTBEAT).sort()).toEqual(['GET /api/consent-notice', 'GET /api/kiosk-config', 'GET /api/store-settings']);

    // 1. The kiosk loses the network; a customer fills in the form and submits.
    phase = 'offline';
    await context.setOffline(true);
    await page.fill('input[name="name"]', name);
    await page.fill('input[name="phone"]', typed);
    await page.check('input[name="consentContact"]');
    await page.check('input[name="marketing"]');
    const slot = page.locator('[data-slot]').first();
    const preferredTime = (await slot.getAttribute('data-slot'))!;
    await slot.click();
    await page.getByTestId('contact-submit').click();
    await page.getByTestId('contact-done').waitFor();
    // The customer is told the lead is kept on the kiosk until the network is back.
    await expect(page.locator('.contact__offline').isVisible()).resolves.toBe(true);

    // The lead waits in the outbox; the kiosk tried to send it (the network is gone).
    await expect.poll(() => requestsIn('offline').length).toBeGreaterThan(0);
    await expect.poll(async () => (await outboxEntries(page))[0]?.attempts ?? 0).toBeGreaterThan(0);
    const [pending] = await outboxEntries(page);
    expect(await outboxEntries(page)).toEqual([expect.objectContaining({ id: pending!.id, state: 'pending' })]);
    expect(requestsIn('offline').every((r) => r === 'GET /api/kiosk-config' || r === 'POST /api/leads' || r === HEARTBEAT)).toBe(true);
    expect((await leadsWithPhone(e164)).total).toBe(0);

    // 2. The page reloads while the lead server is still unreachable. (A reload with the browser
    // offline cannot fetch the page at all, so the page loads and only the API is cut off.)
    phase = 'reload-unreachable';
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    // The reloaded kiosk finds the waiting lead and resumes background sync by itself (the form
    // was not submitted in this page: only the app start can have started it). Three listeners: the
    // funnel queue's and the heartbeat's, always there, and the outbox's, there only once sync resumed.
    await expect.poll(() => onlineListeners(page), { timeout: 10_000 }).toBe(3);
    // And the browser notices the network is still gone.
    await context.setOffline(true);
    phase = 'still-offline';
    expect(await outboxEntries(page)).toEqual([expect.objectContaining({ id: pending!.id, state: 'pending' })]);
    expect((await leadsWithPhone(e164)).total).toBe(0);
    expect(leadPosts).toEqual([]);

    // 3. The network returns: the browser's `online` event makes the kiosk send at once.
    phase = 'back-online';
    await context.unroute('**/api/**');
    await context.setOffline(false);
    await expect
      .poll(async () => (await leadsWithPhone(e164)).total, { timeout: 20_000, message: `lead never arrived; server output:\n${kiosk.server.output()}` })
      .toBe(1);
    await expect.poll(async () => (await outboxEntries(page)).map((e) => e.state)).toEqual(['sent']);

    // Exactly once: one lead, one interaction, stored by one accepted POST (a new lead, not a replay).
    const list = await leadsWithPhone(e164);
    expect(list.total).toBe(1);
    expect(list.leads).toHaveLength(1);
    expect(list.leads[0]).toMatchObject({ id: pending!.id, name, interactions: 1, storeId: 'local' });
    expect(leadPosts).toEqual([{ status: 201, replayed: 'false' }]);
    // Besides the lead, only the funnel queue catching up (anonymous events, no lead data) and the
    // heartbeat the kiosk sends when its network returns.
    await expect.poll(() => requestsIn('back-online')).toContain(HEARTBEAT);
    expect(requestsIn('back-online').filter((r) => r !== 'GET /api/kiosk-config' && r !== 'POST /api/events' && r !== HEARTBEAT)).toEqual(['POST /api/leads']);
    await expect
      .poll(async () => ((await (await kiosk.server.api('/api/funnel')).json()) as { total: Record<string, number> }).total)
      .toMatchObject({ session_started: 1, lead_submitted: 1 });

    const detailRes = await kiosk.server.api(`/api/leads/${pending!.id}`);
    expect(detailRes.status).toBe(200);
    const detail = (await detailRes.json()) as LeadDetail;
    expect(detail.contact).toMatchObject({ name, phone: e164, preferredTime });
    expect(detail.interactions).toHaveLength(1);
    expect(detail.interactions[0]).toMatchObject({ kind: 'first', contact: expect.objectContaining({ name }) });
    const consent = Object.fromEntries(detail.consents.map((c) => [c.purpose, c.granted]));
    expect(consent).toMatchObject({ contact: true, marketing: true, tag_marketing: false, share_with_maker: false });
    expect(new Set(detail.consents.map((c) => c.textVersion)).size).toBe(1);

    // 4. Another reload after the lead went out: nothing is sent again.
    phase = 'after';
    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    await expect.poll(() => requestsIn('after')).toContain(HEARTBEAT);
    expect(requestsIn('after').filter((r) => r !== 'GET /api/kiosk-config' && r !== 'GET /api/consent-notice' && r !== 'GET /api/store-settings' && r !== HEARTBEAT)).toEqual([]);
    expect(leadPosts).toHaveLength(1);
    expect(await outboxEntries(page)).toEqual([expect.objectContaining({ id: pending!.id, state: 'sent' })]);
    expect((await leadsWithPhone(e164)).total).toBe(1);

    // The only failures are the deliberate ones: the kiosk's token, notice and settings requests, lead posts,
    // funnel batches and heartbeats while offline or cut off (ERR_ABORTED: one still in flight when the page
    // reloaded; a funnel batch cut off stays queued and is sent again, the server ignoring event ids it has;
    // a heartbeat is dropped).
    const deliberateRequest = /^(?:GET http:\/\/127\.0\.0\.1:\d+\/api\/(?:kiosk-config|consent-notice|store-settings)|POST http:\/\/127\.0\.0\.1:\d+\/api\/(?:events|leads|kiosks\/heartbeat)): net::ERR_(?:INTERNET_DISCONNECTED|ABORTED)$/;
    const deliberateConsole = /^Failed to load resource: net::ERR_(?:INTERNET_DISCONNECTED|ABORTED) \(http:\/\/127\.0\.0\.1:\d+\/api\/(?:kiosk-config|consent-notice|store-settings|events|leads|kiosks\/heartbeat)\)$/;
    expect(problems.failedRequests.length).toBeGreaterThan(0);
    problems.failedRequests.splice(0, problems.failedRequests.length, ...problems.failedRequests.filter((r) => !deliberateRequest.test(r)));
    problems.consoleErrors.splice(0, problems.consoleErrors.length, ...problems.consoleErrors.filter((e) => !deliberateConsole.test(e)));
    assertClean();
    await page.close();
  });
});
