// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK_TOKEN_KEY, saveLinkToken } from '../../src/leads/link-token.ts';
import { FUNNEL_QUEUE_KEY, flushFunnel, funnelStep, setFunnelSender, startFunnel } from '../../src/state/funnel.ts';
import { usePlanStore } from '../../src/state/plan-store.ts';
import { recordEvent } from '../../src/state/session-events.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';

type Q = { id: string; sessionId: string; type: string; at: string };
const queued = () => JSON.parse(localStorage.getItem(FUNNEL_QUEUE_KEY) ?? '[]') as Q[];

describe('kiosk funnel events', () => {
  const sent: Q[][] = [];
  let accept = true;
  beforeEach(() => {
    localStorage.clear();
    resetKioskSession();
    sent.length = 0;
    accept = true;
    setFunnelSender(async (events) => (sent.push(events as Q[]), accept));
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

  it('records nothing on a customer’s phone that opened a share link', () => {
    saveLinkToken(`stw_kiosk_${'d'.repeat(43)}`, Date.now());
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
