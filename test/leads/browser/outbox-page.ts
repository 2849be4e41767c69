/**
 * Browser-side harness for outbox-browser.test.ts: the real outbox and sync client, wired as the
 * kiosk wires them (Web Locks and a BroadcastChannel between tabs), exposed on window for the test
 * to drive. Bundled by the test with vite.
 */
import { openLeadOutbox, type LeadOutbox } from '../../../src/leads/outbox.ts';
import { createLeadSender, fetchLocalKioskToken } from '../../../src/leads/sync-client.ts';

let outbox: LeadOutbox | undefined;

const harness = {
  /** `locks: false` leaves the Web Lock out, as on a page without it (plain HTTP from another address). */
  async open(options: { locks?: boolean } = {}): Promise<void> {
    const local = await fetchLocalKioskToken();
    outbox = await openLeadOutbox({
      send: createLeadSender({ tokens: { choose: async () => (local ? { token: local.token, source: 'local' } : null) } }),
      now: Date.now,
      random: Math.random,
      newId: () => crypto.randomUUID(),
      storage: navigator.storage,
      locks: options.locks === false ? null : navigator.locks,
      channel: new BroadcastChannel('showroom-lead-outbox'),
      baseDelayMs: 50,
    });
  },
  enqueue: (phone: string) => outbox!.enqueue({ contact: { name: '王小明', phone }, consent: { contact: true, textVersion: '2026-12/zh-CN' } }),
  syncNow: () => outbox!.syncNow(),
  retryAll: () => outbox!.retryAll(),
  status: () => outbox!.status(),
};

(window as unknown as { harness: typeof harness }).harness = harness;
