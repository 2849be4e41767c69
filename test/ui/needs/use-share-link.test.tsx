// @vitest-environment happy-dom
// A customer's phone on the showroom network, not the kiosk on the server's machine.
// @vitest-environment-options {"url": "http://192.168.1.20:8080/"}
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { readLinkToken, usableLinkToken } from '../../../src/leads/link-token.ts';
import { TestDriveButton } from '../../../src/ui/needs/TestDriveButton.tsx';
import { lineup } from '../../plan/helpers.ts';
import { buildPlan, encodeAnswers, planLink } from '../../../src/plan/index.ts';
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

  const open = (link: string) => {
    history.replaceState(null, '', link.slice('http://kiosk.example'.length));
    const host = document.createElement('div');
    const root = createRoot(host);
    act(() => root.render(<Probe />));
    act(() => root.unmount());
  };
  const token = `stw_share_${'b'.repeat(43)}`;
  const expiresAtMs = Date.parse('2026-12-08T12:00:00Z');

  it('keeps the token with the expiry the server gave, takes both out of the address bar and opens the plan', () => {
    localStorage.clear();
    const link = planLink('http://kiosk.example', { dailyKm: 60 }, { token, expiresAtMs });
    expect(link).toBe(`http://kiosk.example/#/plan?a=${encodeAnswers({ dailyKm: 60 })}&k=${token}&x=${expiresAtMs / 1000}`);
    open(link);
    expect(readLinkToken()).toEqual({ token, expiresAtMs });
    expect(location.hash).toBe(`#/plan?a=${encodeAnswers({ dailyKm: 60 })}`);
    expect(usePlanStore.getState()).toMatchObject({ origin: 'link', answers: { dailyKm: 60 } });
    // A reload of the cleaned address keeps the token.
    open(`http://kiosk.example/${location.hash}`);
    expect(readLinkToken()).toEqual({ token, expiresAtMs });
  });

  it('opening a link again does not restart the token’s clock: past the server’s expiry the phone offers no form', () => {
    localStorage.clear();
    const olderServersToken = `stw_kiosk_${'b'.repeat(43)}`; // share tokens were kiosk-role before the share role
    const expired = `http://kiosk.example/#/plan?a=${encodeAnswers({ dailyKm: 60 })}&k=${olderServersToken}&x=${Math.floor((Date.now() - 3600_000) / 1000)}`;
    open(expired);
    open(expired);
    expect(usableLinkToken(Date.now())).toBeNull();
    const host = document.createElement('div');
    const root = createRoot(host);
    const plan = buildPlan({ dailyKm: 60 }, lineup());
    act(() => root.render(<TestDriveButton answers={{ dailyKm: 60 }} plan={plan} />));
    expect(host.querySelector('[data-testid="plan-test-drive"]')).toBeNull();
    expect(host.querySelector('[data-testid="plan-test-drive-elsewhere"]')).not.toBeNull();
    act(() => root.unmount());
  });

  it('keeps no token from a link that carries no expiry (an older kiosk’s link)', () => {
    localStorage.clear();
    open(`http://kiosk.example/#/plan?a=${encodeAnswers({ dailyKm: 60 })}&k=${token}`);
    expect(readLinkToken()).toBeNull();
    expect(location.hash).toBe(`#/plan?a=${encodeAnswers({ dailyKm: 60 })}`);
  });
});
