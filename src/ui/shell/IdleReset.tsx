import { useEffect, useState } from 'react';
import { DEFAULT_LOCALE } from '../../i18n/index.ts';
import { createIdleTimer } from '../../state/idle-timer.ts';
import { useLocaleStore } from '../../state/locale-store.ts';
import { HOME_SCREEN_ID, useNavStore } from '../../state/nav-store.ts';
import { resetKioskSession } from '../../state/session-reset.ts';
import { IdleWarning } from './IdleWarning.tsx';
import { XR_ACTIVITY_EVENT } from '../../scene/xr/xr-activity-event.ts';

// Deliberate actions only: a mouse resting on a kiosk or a hand passing by must not hold a
// session forever (and a hover must not dismiss the warning card before it can be read).
// Drags start with a pointerdown and slider drags emit input events. A customer in a headset
// presses, squeezes, moves and turns instead (the XR scene's activity event).
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input', XR_ACTIVITY_EVENT];
/** How long the "still there?" card shows before the reset. */
const WARNING_MS = 10_000;

/** Home screen in the default language: nothing a customer would lose, so no warning needed. */
function atRest(): boolean {
  return useNavStore.getState().screenId === HOME_SCREEN_ID && useLocaleStore.getState().locale === DEFAULT_LOCALE;
}

/**
 * Returns the kiosk to its home screen after `timeoutMs` without a touch (0: never), with a
 * "still there?" card for the last seconds. It resets in-memory session state only; lead data in
 * the outbox is never touched.
 */
export function IdleReset({ timeoutMs }: { timeoutMs: number }) {
  const [warningMs, setWarningMs] = useState<number | null>(null);

  useEffect(() => {
    if (timeoutMs <= 0) return;
    const warnMs = Math.min(WARNING_MS, timeoutMs / 2);
    let resetHandle: ReturnType<typeof setTimeout> | undefined;
    const timer = createIdleTimer({
      timeoutMs: timeoutMs - warnMs,
      onIdle: () => {
        if (atRest()) {
          resetKioskSession();
          return;
        }
        setWarningMs(warnMs);
        resetHandle = setTimeout(() => {
          setWarningMs(null);
          resetKioskSession();
        }, warnMs);
      },
    });
    const onActivity = () => {
      clearTimeout(resetHandle);
      setWarningMs(null);
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
  }, [timeoutMs]);

  return warningMs === null ? null : <IdleWarning durationMs={warningMs} />;
}
