import { useEffect, useRef, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { formatNumber } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/messages.ts';
import { arLive } from '../../scene/xr/ar-live.ts';
import { noteUiPress } from '../../scene/xr/ui-press.ts';
import { planAnswers, useXrScenarioId } from '../../scene/xr/use-xr-range.ts';
import { xrText, type XrMessageKey } from '../../xr/messages.ts';
import { xrOverlayRoot } from '../../xr/overlay-root.ts';
import { commuteAvailable, XR_SCENARIO_IDS, XR_SCENARIO_LABELS } from '../../xr/scenarios.ts';
import { exitImmersive } from '../../xr/session.ts';
import { twistRad, type Touch2 } from '../../xr/twist.ts';
import { useXrSession } from '../../xr/xr-state.ts';
import { xrStore } from '../../xr/xr-store.ts';
import { useTwinStore } from './twin-store';
import './ar-phone.css';

/** Whether a phone (screen-space) AR session runs: the in-world panel gives way to these controls. */
function usePhoneAr(): boolean {
  return useSyncExternalStore(
    (fn) => xrStore.subscribe(fn),
    () => xrStore.getState().mode === 'immersive-ar' && xrStore.getState().session?.interactionMode === 'screen-space',
  );
}

/** A tap on a control must not also reach the session as a select (it would place the car). */
function keepFromXr(e: Event): void {
  if (e.target instanceof Element && e.target.closest('.ar-phone__top, .ar-phone__bottom')) e.preventDefault();
}

/**
 * Phone AR's controls, in the DOM overlay over the camera view (Android Chrome): the hint, 1:1 or
 * 1:10, place again, the three views, the range scenarios with the range, and exit; two fingers
 * twisting anywhere turn the placed car. A tap elsewhere goes through to the session: it places the
 * car, or ends a drag.
 */
export function ARPhoneOverlay({ locale }: { locale: Locale }) {
  const phone = usePhoneAr();
  const placement = useXrSession((s) => s.placement);
  const range = useXrSession((s) => s.range);
  const view = useTwinStore((s) => s.view);
  const scenarioId = useXrScenarioId();
  const last = useRef<Touch2 | null>(null);
  const t = (k: XrMessageKey, p?: Record<string, string | number>) => xrText(locale, k, p);

  // Two-finger twist on the overlay root: turn live, commit when the fingers lift.
  useEffect(() => {
    if (!phone) return;
    const root = xrOverlayRoot();
    const pairOf = (e: TouchEvent): Touch2 | null =>
      e.touches.length === 2 ? [{ x: e.touches[0]!.clientX, y: e.touches[0]!.clientY }, { x: e.touches[1]!.clientX, y: e.touches[1]!.clientY }] : null;
    const move = (e: TouchEvent) => {
      const now = pairOf(e);
      if (!now) return;
      noteUiPress(); // the fingers' own selects are not placements
      if (last.current && useXrSession.getState().placement.kind !== 'scanning') arLive.yawDelta += twistRad(last.current, now);
      last.current = now;
    };
    const end = (e: TouchEvent) => {
      if (e.touches.length >= 2) return;
      last.current = null;
      const rad = arLive.yawDelta;
      arLive.yawDelta = 0;
      if (rad !== 0) useXrSession.getState().dispatch({ type: 'rotateBy', rad });
    };
    root.addEventListener('beforexrselect', keepFromXr);
    root.addEventListener('touchmove', move, { passive: true });
    root.addEventListener('touchend', end);
    root.addEventListener('touchcancel', end);
    return () => {
      root.removeEventListener('beforexrselect', keepFromXr);
      root.removeEventListener('touchmove', move);
      root.removeEventListener('touchend', end);
      root.removeEventListener('touchcancel', end);
    };
  }, [phone]);

  if (!phone) return null;
  const hint: XrMessageKey | null = placement.kind === 'scanning' ? (placement.floorFound ? 'place.ready' : 'place.scanning') : placement.kind === 'adjusting' ? 'place.adjust' : null;
  const hasPlan = commuteAvailable(planAnswers());
  const control = (key: string, label: string, on: boolean, act: () => void) => (
    <button key={key} type="button" className="ar-phone__chip" aria-pressed={on} onClick={act}>
      {label}
    </button>
  );
  return createPortal(
    <div className="ar-phone" data-testid="ar-phone-overlay">
      <div className="ar-phone__top">
        {hint && <p className="ar-phone__hint" role="status">{t(hint)}</p>}
        <button type="button" className="ar-phone__exit" onClick={() => void exitImmersive()}>
          {t('exit')}
        </button>
      </div>
      <div className="ar-phone__bottom">
        <div className="ar-phone__row">
          {control('scale-1', t('scale.full'), placement.scale === 1, () => useXrSession.getState().dispatch({ type: 'setScale', scale: 1 }))}
          {control('scale-0.1', t('scale.table'), placement.scale === 0.1, () => useXrSession.getState().dispatch({ type: 'setScale', scale: 0.1 }))}
          {placement.kind !== 'scanning' && control('again', t('place.again'), false, () => useXrSession.getState().dispatch({ type: 'reset' }))}
        </div>
        <div className="ar-phone__row">
          {(['exterior', 'xray', 'exploded'] as const).map((v) => control(v, t(`view.${v}`), view === v, () => useTwinStore.getState().setView(v)))}
        </div>
        <div className="ar-phone__row">
          {XR_SCENARIO_IDS.filter((id) => id !== 'commute' || hasPlan).map((id) =>
            control(id, t(XR_SCENARIO_LABELS[id]), scenarioId === id, () => useTwinStore.getState().setXrScenario(id, id === 'commute' ? planAnswers() : null)),
          )}
        </div>
        <p className="ar-phone__range">
          {range
            ? `${t('range.km', { km: formatNumber(locale, range.rangeKm) })} · ${t('scenario.ambient', { temp: formatNumber(locale, range.ambientC) })} · ${t('range.perKm', { value: formatNumber(locale, range.batteryKwhPer100km, 1) })}`
            : t('range.computing')}
        </p>
      </div>
    </div>,
    xrOverlayRoot(),
  );
}
