import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Container, Text } from '@react-three/uikit';
import { useXR } from '@react-three/xr';
import { Vector3, type Group } from 'three';
import { formatNumber } from '../../i18n/format.ts';
import { useLocaleStore } from '../../state/locale-store.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { useTwinStore } from '../../ui/twin/twin-store.ts';
import type { TwinView } from '../../twin/twin-schema';
import { xrText, type XrMessageKey } from '../../xr/messages.ts';
import { commuteAvailable, XR_SCENARIO_IDS, XR_SCENARIO_LABELS } from '../../xr/scenarios.ts';
import { exitImmersive } from '../../xr/session.ts';
import { useXrSession, type SeatId } from '../../xr/xr-state.ts';
import { XR_FONT_FAMILIES, XR_FONT_FAMILY } from '../../xr/font.ts';
import { planAnswers, useXrRange, useXrScenarioId } from './use-xr-range.ts';
import { XRButton } from './XRButton.tsx';

const VIEWS = ['exterior', 'xray', 'exploded'] as const satisfies readonly TwinView[];
const SEATS: SeatId[] = ['stand', 'driver', 'rear', 'frunk'];
/** uikit pixels to metres: a 460 px wide panel is 0.69 m at arm's length. */
const PIXEL_SIZE = 0.0015;
const UP = new Vector3(0, 1, 0);
const PANEL_LEFT_RAD = 0.6;
const fwd = new Vector3();
const goal = new Vector3();
const eye = new Vector3();

/**
 * The in-world panel: the views (exterior, x-ray, exploded pack), the placement (AR: 1:1 or 1:10,
 * place again) or the seats (VR), the range scenarios and the range with its largest energy items
 * from the simulator, the language (the kiosk's switch is out of reach in a headset), and exit. It floats in front of the user, a little below the eyes and to the
 * left of the car, and follows lazily: only once the user has turned or walked well away from it.
 */
export function InWorldPanel() {
  useXrRange();
  // A phone in AR has its controls in the DOM overlay (ARPhoneOverlay) instead of a panel in front of its camera.
  const handheld = useXR((s) => s.session?.interactionMode === 'screen-space');
  const locale = useLocaleStore((s) => s.locale);
  const t = (k: XrMessageKey, p?: Record<string, string | number>) => xrText(locale, k, p);
  const mode = useXR((s) => s.mode);
  const view = useTwinStore((s) => s.view);
  const placement = useXrSession((s) => s.placement);
  const scenarioId = useXrScenarioId();
  const range = useXrSession((s) => s.range);
  const seat = useXrSession((s) => s.seat);
  usePlanStore((s) => s.phase);
  useTwinStore((s) => s.planAnswers);
  const hasPlan = commuteAvailable(planAnswers());
  const group = useRef<Group>(null);
  const placed = useRef(false);
  const following = useRef(false);
  const warmup = useRef(2);

  useFrame(({ camera }, dt) => {
    const g = group.current;
    if (!g) return;
    // The first frames still have the kiosk camera's pose: wait for the headset's.
    if (warmup.current > 0) {
      warmup.current--;
      return;
    }
    camera.getWorldPosition(eye);
    camera.getWorldDirection(fwd);
    fwd.y = 0;
    if (fwd.lengthSq() < 1e-6) fwd.set(0, 0, -1);
    // Beside, not in front of, what the user looks at: about 35° to the left, at arm's length, below the eyes.
    fwd.normalize().applyAxisAngle(UP, PANEL_LEFT_RAD);
    goal.copy(eye).addScaledVector(fwd, 0.7);
    goal.y = eye.y - 0.35;
    const off = g.position.distanceTo(goal);
    // Snap after a jump (entering, a seat, a teleport); glide after the user turned or walked away.
    if (!placed.current || off > 2) g.position.copy(goal);
    else if (off > 0.6 || following.current) {
      following.current = off > 0.05;
      g.position.lerp(goal, 1 - Math.exp(-dt * 4));
    }
    placed.current = true;
    g.lookAt(eye.x, g.position.y, eye.z);
  });

  if (handheld) return null;
  const hint: XrMessageKey | null =
    mode !== 'immersive-ar' ? null : placement.kind === 'scanning' ? (placement.floorFound ? 'place.ready' : 'place.scanning') : placement.kind === 'adjusting' ? 'place.adjust' : null;

  return (
    // Rays reach the panel before anything behind it: the placed car's drag box may well enclose it.
    <group ref={group} name="xr-panel" pointerEventsOrder={1}>
      <Container fontFamilies={XR_FONT_FAMILIES} fontFamily={XR_FONT_FAMILY} wordBreak={locale === 'zh-CN' ? 'break-all' : 'break-word'} pixelSize={PIXEL_SIZE} width={460} flexDirection="column" gap={14} padding={20} borderRadius={24} backgroundColor="#0b1220" opacity={0.94}>
        <Container flexDirection="row" justifyContent="space-between">
          {/* Exit on the outer edge, away from where the user looks at the car. */}
          <XRButton id="exit" label={t('exit')} onPress={() => void exitImmersive()} />
          <XRButton id="lang" label={t('lang.other')} onPress={() => useLocaleStore.getState().setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} />
        </Container>
        {hint && (
          <Text fontSize={22} color="#fcd34d">
            {t(hint)}
          </Text>
        )}
        <Text fontSize={18} color="#9fb0c3">{t('panel.views')}</Text>
        <Container flexDirection="row" flexWrap="wrap" gap={10}>
          {VIEWS.map((v) => (
            <XRButton key={v} id={`view-${v}`} label={t(`view.${v}`)} selected={view === v} onPress={() => useTwinStore.getState().setView(v)} />
          ))}
        </Container>
        {mode === 'immersive-ar' ? (
          <Container flexDirection="row" flexWrap="wrap" gap={10}>
            <XRButton id="scale-1" label={t('scale.full')} selected={placement.scale === 1} onPress={() => useXrSession.getState().dispatch({ type: 'setScale', scale: 1 })} />
            <XRButton id="scale-0.1" label={t('scale.table')} selected={placement.scale === 0.1} onPress={() => useXrSession.getState().dispatch({ type: 'setScale', scale: 0.1 })} />
            {placement.kind !== 'scanning' && <XRButton id="place-again" label={t('place.again')} onPress={() => useXrSession.getState().dispatch({ type: 'reset' })} />}
          </Container>
        ) : (
          <>
            <Text fontSize={18} color="#9fb0c3">{t('seat.title')}</Text>
            <Container flexDirection="row" flexWrap="wrap" gap={10}>
              {SEATS.map((s) => (
                <XRButton key={s} id={`seat-${s}`} label={t(`seat.${s}`)} selected={seat === s} onPress={() => useXrSession.getState().setSeat(s)} />
              ))}
            </Container>
          </>
        )}
        <Text fontSize={18} color="#9fb0c3">{t('panel.title')}</Text>
        <Container flexDirection="row" flexWrap="wrap" gap={10}>
          {XR_SCENARIO_IDS.filter((id) => id !== 'commute' || hasPlan).map((id) => (
            <XRButton key={id} id={`scenario-${id}`} label={t(XR_SCENARIO_LABELS[id])} selected={scenarioId === id} onPress={() => useTwinStore.getState().setXrScenario(id, id === 'commute' ? planAnswers() : null)} />
          ))}
        </Container>
        {range ? (
          <Container flexDirection="column" gap={6}>
            <Text fontSize={40} fontWeight="bold" color="#5eead4">
              {t('range.km', { km: formatNumber(locale, range.rangeKm) })}
            </Text>
            <Text fontSize={20} color="#e6f1ff">
              {`${t('scenario.ambient', { temp: formatNumber(locale, range.ambientC) })} · ${t('range.perKm', { value: formatNumber(locale, range.batteryKwhPer100km, 1) })} · ${t('range.pack', { temp: formatNumber(locale, range.pack.startC) })}`}
            </Text>
            {range.items.map((item) => (
              <Container key={item.key} flexDirection="row" justifyContent="space-between">
                <Text fontSize={20} color="#cbd5e1">{t(`breakdown.${item.key}`)}</Text>
                <Text fontSize={20} color="#cbd5e1">{t('range.perKm', { value: formatNumber(locale, item.kwhPer100km, 1) })}</Text>
              </Container>
            ))}
            {range.warnings.map((w) => (
              <Text key={w} fontSize={18} color="#fca5a5">{t(`warning.${w}`)}</Text>
            ))}
          </Container>
        ) : (
          <Text fontSize={20} color="#9fb0c3">{t('range.computing')}</Text>
        )}
      </Container>
    </group>
  );
}
