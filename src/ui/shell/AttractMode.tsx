import { useEffect, useMemo } from 'react';
import { attractFacts, ATTRACT_SUMMER_SCENARIO, ATTRACT_WINTER_SCENARIO, type AttractFacts } from '../../kiosk/attract-facts.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useKioskMode } from '../../state/kiosk-mode.ts';
import { useLineupStore } from '../../state/lineup-store.ts';
import { presetCatalogue } from '../../state/scenario-presets.ts';
import { useI18n } from '../use-i18n.ts';
import { BrandMark } from './BrandMark.tsx';
import './attract.css';

/** The store's first car's facts, or null while the line-up loads (or when none of it is usable). */
function useFacts(active: boolean): AttractFacts | null {
  const entries = useLineupStore((s) => s.entries);
  const status = useLineupStore((s) => s.status);
  // A kiosk left on its home screen has not needed the line-up yet.
  useEffect(() => {
    if (active && status === 'idle') void useLineupStore.getState().load();
  }, [active, status]);
  return useMemo(() => {
    const car = entries.find((e) => e.status === 'ok');
    const winter = presetCatalogue.presets.find((p) => p.id === ATTRACT_WINTER_SCENARIO)?.scenario;
    const summer = presetCatalogue.presets.find((p) => p.id === ATTRACT_SUMMER_SCENARIO)?.scenario;
    if (!car || car.status !== 'ok' || !winter || !summer) return null;
    return attractFacts(car.spec, car.raw, winter, summer);
  }, [entries]);
}

/**
 * Attract mode: the car's three headline facts (winter and summer range from the simulator, fast
 * charging, battery safety) and "touch to start", in the kiosk's language, over the screen. The
 * whole screen is one button: the tap that ends attract mode presses nothing under it.
 */
export function AttractMode() {
  const attract = useKioskMode((s) => s.attract);
  const { locale, t } = useI18n();
  const facts = useFacts(attract);
  if (!attract) return null;
  const n = (v: number) => formatNumber(locale, v);
  return (
    <button type="button" className="attract" data-testid="attract" aria-label={t('attract.label')} onClick={() => useKioskMode.getState().leaveAttract()}>
      <span className="attract__brand">
        <BrandMark />
      </span>
      {facts && (
        <span className="attract__body">
          <span className="attract__name">{facts.name[locale]}</span>
          <span className="attract__facts">
            <span className="attract__fact" data-testid="attract-range">
              <span className="attract__label">{t('attract.winter', { temp: n(facts.winter.ambientC) })}</span>
              <span className="attract__value">{t('attract.km', { km: n(facts.winter.km) })}</span>
              <span className="attract__label">{t('attract.summer', { temp: n(facts.summer.ambientC) })}</span>
              <span className="attract__value attract__value--second">{t('attract.km', { km: n(facts.summer.km) })}</span>
              <span className="attract__note">{t('attract.rangeNote')}</span>
            </span>
            <span className="attract__fact" data-testid="attract-charge">
              <span className="attract__label">{t('attract.charge')}</span>
              <span className="attract__value">{t('attract.minutes', { min: n(facts.charge.minutes30to80) })}</span>
              <span className="attract__note">{t('attract.chargePeak', { kw: n(facts.charge.peakKw) })}</span>
            </span>
            {facts.safety && (
              <span className="attract__fact" data-testid="attract-safety">
                <span className="attract__label">{t('attract.safety')}</span>
                <span className="attract__value attract__value--text">{facts.safety[locale]}</span>
              </span>
            )}
          </span>
        </span>
      )}
      <span className="attract__touch">{t('attract.touch')}</span>
    </button>
  );
}
