// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK_TOKEN_KEY, saveLinkToken } from '../../src/leads/link-token.ts';
import type { FunnelSendResult } from '../../src/leads/sync-client.ts';
import { FUNNEL_QUEUE_KEY, flushFunnel, funnelStep, setFunnelSender, startFunnel } from '../../src/state/funnel.ts';
import { usePlanStore } from '../../src/state/plan-store.ts';
import { recordEvent } from '../../src/state/session-events.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';

type Q = { id: string; sessionId: string; type: string; at: string };
const queued = () => JSON.parse(localStorage.getItem(FUNNEL_QUEUE_KEY) ?? '[]') as Q[];

describe('kiosk funnel events', () => {
  const sent: Q[][] = [];
  let accept = true;
  /** The server's answer for a batch, where a test wants one; else taken or retried as `accept` says. */
  let answer: ((events: Q[]) => FunnelSendResult | undefined) | undefined;
  beforeEach(() => {
    localStorage.clear();
    resetKioskSession();
    sent.length = 0;
    accept = true;
    answer = undefined;
    setFunnelSender(async (events) => {
      sent.push(events as Q[]);
      return answer?.(events as Q[]) ?? (accept ? { kind: 'taken' } : { kind: 'retry' });
    });
  });
  afterEach(() => vi.useRealTimers());

  it('starts a session with the first step and counts each step once per session', () => {
    expect(funnelStep('plan_viewed')).toBe(true);
    expect(funnelStep('plan_viewed')).toBe(false);
    expect(funnelStep('session_started')).toBe(false);
    const q = queued();
    expect(q.map((e) => e.type)).toEqual(['session_started', 'plan_viewed']);
    expect(new Set(q.map((e) => e.sessionId)).size).toBe(1);
    expect(JSON.stringify(q)).not.toMatch(/name|phone/);

    resetKioskSession(); // the customer walked away
    funnelStep('session_started');
    const after = queued();
    expect(after).toHaveLength(3);
    expect(after[2]!.sessionId).not.toBe(q[0]!.sessionId);
  });

  it('keeps events the server did not take, and sends them in batches once it does', async () => {
    for (let i = 0; i < 130; i++) {
      resetKioskSession();
      funnelStep('session_started');
    }
    accept = false;
    await flushFunnel();
    expect(queued()).toHaveLength(130);
    accept = true;
    await flushFunnel();
    expect(queued()).toHaveLength(0);
    expect(sent.slice(1).map((b) => b.length)).toEqual([100, 30]);
  });

  it('drops an event the server refuses (its time out of range) and sends the rest, so the queue never sticks', async () => {
    for (let i = 0; i < 5; i++) {
      resetKioskSession();
      funnelStep('session_started');
    }
    const bad = queued()[2]!.id;
    answer = (events) => {
      const i = events.findIndex((e) => e.id === bad);
      return i >= 0 ? { kind: 'refused', index: i } : undefined;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await flushFunnel();
    expect(queued()).toEqual([]);
    expect(sent.map((b) => b.length)).toEqual([5, 4]);
    expect(sent[1]!.map((e) => e.id)).not.toContain(bad);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('drops a batch the server refuses as a whole instead of resending it forever', async () => {
    funnelStep('session_started');
    answer = () => ({ kind: 'refused', index: null });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await flushFunnel();
    expect(queued()).toEqual([]);
    expect(sent).toHaveLength(1);
    warn.mockRestore();
  });

  it('records nothing on a customer’s phone that opened a share link', () => {
    saveLinkToken({ token: `stw_share_${'d'.repeat(43)}`, expiresAtMs: Date.now() + 3600_000 });
    expect(funnelStep('plan_viewed')).toBe(false);
    expect(queued()).toEqual([]);
    localStorage.removeItem(LINK_TOKEN_KEY);
  });

  it('follows the kiosk: a touch, the questionnaire finished, a plan shown', () => {
    const target = new EventTarget() as unknown as Window;
    startFunnel(target);
    (target as unknown as EventTarget).dispatchEvent(new Event('pointerdown'));
    usePlanStore.setState({ phase: 'questions' });
    usePlanStore.getState().showPlan();
    recordEvent('plan-viewed');
    expect(queued().map((e) => e.type)).toEqual(['session_started', 'questionnaire_completed', 'plan_viewed']);
  });
});
