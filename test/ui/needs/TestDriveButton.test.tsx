// @vitest-environment happy-dom
// A customer's phone on the showroom network, not the kiosk on the server's machine.
// @vitest-environment-options {"url": "http://192.168.1.20:8080/"}
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { buildPlan, type Answers } from '../../../src/plan/index.ts';
import { useLeadDraft } from '../../../src/state/lead-draft.ts';
import { recordEvent, useSessionEvents } from '../../../src/state/session-events.ts';
import { TestDriveButton } from '../../../src/ui/needs/TestDriveButton.tsx';
import { useNavStore } from '../../../src/state/nav-store.ts';
import { usePlanStore } from '../../../src/state/plan-store.ts';
import { LINK_TOKEN_KEY, saveLinkToken } from '../../../src/leads/link-token.ts';
import { encodeAnswers } from '../../../src/plan/index.ts';
import { lineup } from '../../plan/helpers.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('TestDriveButton', () => {
  it('records the request, keeps a lead draft with tags, opens the contact form, and shows the customer no tags', () => {
    const answers: Answers = { dailyKm: 40, camping: true, homeCharging: 'wallbox' };
    const plan = buildPlan(answers, lineup());
    useSessionEvents.getState().clear();
    useLeadDraft.getState().clear();
    recordEvent('viewed-winter-range');
    recordEvent('plan-viewed');
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<TestDriveButton answers={answers} plan={plan} />));

    act(() => host.querySelector<HTMLButtonElement>('[data-testid="plan-test-drive"]')!.click());
    expect(useSessionEvents.getState().events.map((e) => e.type)).toEqual(['viewed-winter-range', 'plan-viewed', 'test-drive-requested']);
    const draft = useLeadDraft.getState().draft!;
    expect(draft.answers).toEqual(answers);
    expect(draft.plan.vehicleId).toBe(plan.recommended.vehicleId);
    expect(draft.tags).toEqual({ needs: ['commuter', 'camper'], behaviour: ['viewed-winter-range'], value: ['ready-to-test-drive'] });
    expect(draft.events).toHaveLength(3);
    // Nothing is sent yet: the contact form opens with the draft.
    expect(useNavStore.getState().screenId).toBe('contact');
    for (const tag of ['commuter', 'camper', 'ready-to-test-drive']) expect(host.textContent).not.toContain(tag);
    act(() => root.unmount());
  });

  it('on a phone, takes a contact only when the share link brought a store token to deliver it', () => {
    const answers: Answers = { dailyKm: 40 };
    const plan = buildPlan(answers, lineup());
    usePlanStore.getState().openLink(encodeAnswers(answers));
    localStorage.removeItem(LINK_TOKEN_KEY);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<TestDriveButton answers={answers} plan={plan} />));
    expect(host.querySelector('[data-testid="plan-test-drive"]')).toBeNull();
    expect(host.querySelector('[data-testid="plan-test-drive-elsewhere"]')!.textContent).toContain('展台');

    saveLinkToken({ token: `stw_share_${'c'.repeat(43)}`, expiresAtMs: Date.now() + 3600_000 });
    act(() => root.render(<TestDriveButton key="again" answers={answers} plan={plan} />));
    expect(host.querySelector('[data-testid="plan-test-drive"]')).not.toBeNull();

    // Past the expiry the server gave the token: no form, the showroom instead.
    saveLinkToken({ token: `stw_share_${'c'.repeat(43)}`, expiresAtMs: Date.now() - 1 });
    act(() => root.render(<TestDriveButton key="expired" answers={answers} plan={plan} />));
    expect(host.querySelector('[data-testid="plan-test-drive"]')).toBeNull();
    expect(host.querySelector('[data-testid="plan-test-drive-elsewhere"]')).not.toBeNull();
    act(() => root.unmount());
    localStorage.removeItem(LINK_TOKEN_KEY);
    usePlanStore.getState().reset();
  });
});
