import { useEffect } from 'react';
import { createIdleTimer } from '../../state/idle-timer.ts';
import { resetKioskSession } from '../../state/session-reset.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input'];

/**
 * Returns the kiosk to its home screen after `timeoutMs` without a touch (0: never). It resets
 * in-memory session state only; lead data in the outbox is never touched.
 */
export function IdleReset({ timeoutMs }: { timeoutMs: number }) {
  useEffect(() => {
    if (timeoutMs <= 0) return;
    const timer = createIdleTimer({ timeoutMs, onIdle: resetKioskSession });
    const onActivity = () => timer.activity();
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    return () => {
      timer.dispose();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, true);
    };
  }, [timeoutMs]);
  return null;
}
