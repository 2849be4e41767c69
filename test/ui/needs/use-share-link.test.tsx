// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { readLinkToken } from '../../../src/leads/link-token.ts';
import { encodeAnswers, planLink } from '../../../src/plan/index.ts';
import { usePlanStore } from '../../../src/state/plan-store.ts';
import { shareToken, useShareLink } from '../../../src/ui/needs/use-share-link.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('share link hash', () => {
  it('reads the token of #/plan?a=<token>', () => {
    expect(shareToken('#/plan?a=eyJkYWlseUttIjo2MH0')).toBe('eyJkYWlseUttIjo2MH0');
  });

  it("gives '' for a plan link without a token, so it shows the link error", () => {
    expect(shareToken('#/plan')).toBe('');
    expect(shareToken('#/plan?x=1')).toBe('');
  });

  it('ignores other hashes', () => {
    expect(shareToken('#/needs')).toBeNull();
    expect(shareToken('#/planner?a=x')).toBeNull();
    expect(shareToken('')).toBeNull();
  });
});

describe('opening a share link with a store token', () => {
  function Probe() {
    useShareLink();
    return null;
  }

  it('keeps the token for the lead outbox, takes it out of the address bar and opens the plan', () => {
    const token = `stw_kiosk_${'b'.repeat(43)}`;
    const link = planLink('http://kiosk.example', { dailyKm: 60 }, token);
    expect(link).toBe(`http://kiosk.example/#/plan?a=${encodeAnswers({ dailyKm: 60 })}&k=${token}`);
    history.replaceState(null, '', link.slice('http://kiosk.example'.length));
    const host = document.createElement('div');
    const root = createRoot(host);
    act(() => root.render(<Probe />));
    expect(readLinkToken(Date.now())).toBe(token);
    expect(location.hash).toBe(`#/plan?a=${encodeAnswers({ dailyKm: 60 })}`);
    expect(usePlanStore.getState()).toMatchObject({ origin: 'link', answers: { dailyKm: 60 } });
    act(() => root.unmount());
  });
});
