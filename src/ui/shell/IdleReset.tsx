import { useEffect, useState } from 'react';
import { createIdleTimer } from '../../state/idle-timer.ts';
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
 * Returns the kiosk to its home screen after `timeoutMs` without a touch (0: never), with a
 * "still there?" card for its last `warningMs` (the store settings' countdown; by default 20 s,
 * or half the timeout if that is shorter). It resets in-memory session state only; lead data in
 * the outbox is never touched.
 */
export function IdleReset({ timeoutMs, warningMs = Math.min(DEFAULT_IDLE.stillThereS * 1000, timeoutMs / 2) }: { timeoutMs: number; warningMs?: number }) {
  const [shownMs, setShownMs] = useState<number | null>(null);

  useEffect(() => {
    if (timeoutMs <= 0) return;
    // At least a second of quiet before the card, whatever the caller asked (0 would stop the timer).
    const warnMs = Math.min(warningMs, timeoutMs - 1000);
    let resetHandle: ReturnType<typeof setTimeout> | undefined;
    const timer = createIdleTimer({
      timeoutMs: timeoutMs - warnMs,
      onIdle: () => {
        if (atRest()) {
          resetKioskSession();
          return;
        }
        setShownMs(warnMs);
        resetHandle = setTimeout(() => {
          setShownMs(null);
          resetKioskSession();
        }, warnMs);
      },
    });
    const onActivity = () => {
      clearTimeout(resetHandle);
      setShownMs(null);
      timer.activity();
    };
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    return () => {
      clearTimeout(resetHandle);
      timer.dispose();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, true);
    };
  }, [timeoutMs, warningMs]);

  return shownMs === null ? null : <IdleWarning durationMs={shownMs} />;
}
