// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { XR_ACTIVITY_EVENT } from '../../../src/scene/xr/xr-activity-event.ts';
import { useKioskMode } from '../../../src/state/kiosk-mode.ts';
import { useNavStore } from '../../../src/state/nav-store.ts';
import { IdleReset } from '../../../src/ui/shell/IdleReset.tsx';
import { act, render } from '../render.tsx';

describe('the kiosk idle reset and a customer in a headset', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts the headset wearer’s presses and movements as touches, and resets once they stop', () => {
    act(() => useNavStore.getState().go('twin'));
    const view = render(<IdleReset timeoutMs={60_000} />);
    // Three minutes in a headset, never touching the screen but active in XR.
    for (let i = 0; i < 18; i++) {
      act(() => vi.advanceTimersByTime(10_000));
      act(() => void window.dispatchEvent(new Event(XR_ACTIVITY_EVENT)));
    }
    expect(useNavStore.getState().screenId).toBe('twin');
    // The headset put down: no more activity, so the kiosk resets after its timeout and warning.
    act(() => vi.advanceTimersByTime(61_000));
    expect(useNavStore.getState().screenId).toBe('home');
    view.unmount();
  });

  it('gives the customer a "still there?" countdown of at least 20 s by default (WCAG 2.2.1)', () => {
    act(() => useNavStore.getState().go('range'));
    const view = render(<IdleReset timeoutMs={120_000} />);
    act(() => vi.advanceTimersByTime(99_000));
    expect(view.container.querySelector('[data-testid="idle-warning"]')).toBeNull();
    act(() => vi.advanceTimersByTime(1_000));
    expect(view.container.querySelector('[data-testid="idle-warning"]')?.textContent).toContain('20');
    act(() => vi.advanceTimersByTime(19_900));
    expect(useNavStore.getState().screenId).toBe('range');
    act(() => vi.advanceTimersByTime(100));
    expect(useNavStore.getState().screenId).toBe('home');
    view.unmount();
  });

  it('times the reset and the countdown as the store settings say', () => {
    act(() => useNavStore.getState().go('needs'));
    const view = render(<IdleReset timeoutMs={180_000} warningMs={45_000} />);
    act(() => vi.advanceTimersByTime(134_900));
    expect(view.container.querySelector('[data-testid="idle-warning"]')).toBeNull();
    act(() => vi.advanceTimersByTime(100));
    expect(view.container.querySelector('[data-testid="idle-warning"]')?.textContent).toContain('45');
    act(() => vi.advanceTimersByTime(45_000));
    expect(useNavStore.getState().screenId).toBe('home');
    view.unmount();
  });

  it('shows attract mode over the kept session after attractMs; its tap resumes there; then the countdown and the reset', () => {
    act(() => useNavStore.getState().go('range'));
    act(() => useKioskMode.getState().leaveAttract());
    const view = render(<IdleReset timeoutMs={120_000} warningMs={20_000} attractMs={60_000} />);
    act(() => vi.advanceTimersByTime(59_000));
    expect(useKioskMode.getState().attract).toBe(false);
    act(() => vi.advanceTimersByTime(1_000));
    expect(useKioskMode.getState().attract).toBe(true);
    expect(useNavStore.getState().screenId).toBe('range'); // the session is kept
    // The countdown comes over attract mode at 100 s, the reset at 120 s; attract mode stays.
    act(() => vi.advanceTimersByTime(40_000));
    expect(view.container.querySelector('[data-testid="idle-warning"]')).not.toBeNull();
    act(() => vi.advanceTimersByTime(20_000));
    expect(useNavStore.getState().screenId).toBe('home');
    expect(useKioskMode.getState().attract).toBe(true);
    view.unmount();
  });

  it('resets a kiosk at rest on its home screen straight into attract mode, without a countdown', () => {
    act(() => useNavStore.getState().go('home'));
    act(() => useKioskMode.getState().leaveAttract());
    const view = render(<IdleReset timeoutMs={120_000} warningMs={20_000} attractMs={60_000} />);
    act(() => vi.advanceTimersByTime(60_000));
    expect(useKioskMode.getState().attract).toBe(true);
    act(() => vi.advanceTimersByTime(60_000));
    expect(view.container.querySelector('[data-testid="idle-warning"]')).toBeNull();
    view.unmount();
  });
});
