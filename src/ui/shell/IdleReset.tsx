import { useEffect, useState } from 'react';
import { createIdleTimer } from '../../state/idle-timer.ts';
import { useKioskMode } from '../../state/kiosk-mode.ts';
import { useLocaleStore } from '../../state/locale-store.ts';
import { HOME_SCREEN_ID, useNavStore } from '../../state/nav-store.ts';
import { resetKioskSession } from '../../state/session-reset.ts';
import { useStoreSettings } from '../../state/settings-store.ts';
import { DEFAULT_IDLE } from '../../store/store-settings.ts';
import { IdleWarning } from './IdleWarning.tsx';
import { XR_ACTIVITY_EVENT } from '../../scene/xr/xr-activity-event.ts';

// Deliberate actions only: a mouse resting on a kiosk or a hand passing by must not hold a
// session forever (and a hover must not dismiss the warning card before it can be read).
// Drags start with a pointerdown and slider drags emit input events. A customer in a headset
// presses, squeezes, moves and turns instead (the XR scene's activity event).
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input', XR_ACTIVITY_EVENT];

/** Home screen in the store's language: nothing a customer would lose, so no warning needed. */
function atRest(): boolean {
  return useNavStore.getState().screenId === HOME_SCREEN_ID && useLocaleStore.getState().locale === useStoreSettings.getState().settings.languages.default;
}

/**
 * The end of a customer's session: memory at once (the screen goes home), then the browser's
 * storage (session-wipe.ts, loaded when first needed: it is no part of the first paint).
 */
function endSession(): void {
  resetKioskSession();
  void import('../../state/session-wipe.ts').then((m) => m.wipeSessionStorage({ local: globalThis.localStorage, session: globalThis.sessionStorage, idb: globalThis.indexedDB, location, history }));
}

export interface IdleResetProps {
  /** Milliseconds without a touch before the session is reset (0: never, and no attract mode). */
  timeoutMs: number;
  /** The "still there?" countdown: the last milliseconds before the reset (at least 20 s by default, WCAG 2.2.1). */
  warningMs?: number;
  /** Milliseconds without a touch before attract mode (0: none); at most the countdown's start. */
  attractMs?: number;
}

/**
 * The kiosk left alone. After `attractMs`, attract mode (the session is kept: a touch resumes it;
 * a kiosk at rest on its home screen is reset first, which costs nothing). Before the reset, a
 * "still there?" countdown of `warningMs`; then the session ends: the screens, the answers, the
 * plan, the contact draft and the lab's choices go, from memory and from storage. The lead outbox
 * is never touched. Any touch ends the countdown; a tap on attract mode ends it.
 */
export function IdleReset({ timeoutMs, warningMs = Math.min(DEFAULT_IDLE.stillThereS * 1000, timeoutMs / 2), attractMs = 0 }: IdleResetProps) {
  const [shownMs, setShownMs] = useState<number | null>(null);

  useEffect(() => {
    if (timeoutMs <= 0) return;
    const warnMs = Math.min(warningMs, timeoutMs - 1000);
    const countdownAt = timeoutMs - warnMs;
    let resetHandle: ReturnType<typeof setTimeout> | undefined;
    const attractTimer = createIdleTimer({
      timeoutMs: attractMs > 0 ? Math.min(attractMs, countdownAt) : 0,
      onIdle: () => {
        if (atRest()) endSession();
        useKioskMode.getState().enterAttract();
      },
    });
    const resetTimer = createIdleTimer({
      timeoutMs: countdownAt,
      onIdle: () => {
        if (atRest()) {
          endSession();
          return;
        }
        setShownMs(warnMs);
        resetHandle = setTimeout(() => {
          setShownMs(null);
          endSession();
        }, warnMs);
      },
    });
    const onActivity = () => {
      clearTimeout(resetHandle);
      setShownMs(null);
      // Attract mode ends with its own tap (AttractMode), so that tap does not also press what
      // lies under it.
      attractTimer.activity();
      resetTimer.activity();
    };
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    return () => {
      clearTimeout(resetHandle);
      attractTimer.dispose();
      resetTimer.dispose();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, true);
    };
  }, [timeoutMs, warningMs, attractMs]);

  return shownMs === null ? null : <IdleWarning durationMs={shownMs} />;
}
