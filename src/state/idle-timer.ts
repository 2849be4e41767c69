export interface IdleTimerOptions {
  /** Milliseconds without activity before `onIdle`; 0 disables the timer. */
  timeoutMs: number;
  onIdle: () => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface IdleTimer {
  /** Call on every user activity: restarts the countdown. */
  activity: () => void;
  dispose: () => void;
}

/**
 * A restartable countdown: `onIdle` fires once after `timeoutMs` without `activity()`, then
 * waits for the next activity before it can fire again (a kiosk left alone resets once, not
 * every two minutes). Timers are injected so tests run on fake time.
 */
export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let handle: unknown = null;
  let disposed = false;

  const arm = () => {
    if (handle !== null) clearTimer(handle);
    handle = null;
    if (disposed || options.timeoutMs <= 0) return;
    handle = setTimer(() => {
      handle = null;
      options.onIdle();
    }, options.timeoutMs);
  };

  arm();
  return {
    activity: arm,
    dispose: () => {
      disposed = true;
      if (handle !== null) clearTimer(handle);
      handle = null;
    },
  };
}
