/**
 * Browser-side harness for outbox-browser.test.ts: the real outbox and sync client, wired as the
 * kiosk will wire them, exposed on window for the test to drive. Bundled by the test with vite.
 */
import { openLeadOutbox, type LeadOutbox } from '../../../src/leads/outbox.ts';
import { createLeadSender, fetchLocalKioskToken } from '../../../src/leads/sync-client.ts';

let outbox: LeadOutbox | undefined;

const harness = {
  async open(): Promise<void> {
    const local = await fetchLocalKioskToken();
    outbox = await openLeadOutbox({
      send: createLeadSender({ getToken: async () => local?.token ?? null }),
      now: Date.now,
      random: Math.random,
      newId: () => crypto.randomUUID(),
      storage: navigator.storage,
      baseDelayMs: 50,
    });
  },
  enqueue: (phone: string) => outbox!.enqueue({ contact: { name: '王小明', phone }, consent: { contact: true, textVersion: '2026-05/zh-CN' } }),
  retryAll: () => outbox!.retryAll(),
  status: () => outbox!.status(),
};

(window as unknown as { harness: typeof harness }).harness = harness;
