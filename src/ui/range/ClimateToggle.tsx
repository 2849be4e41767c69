import { useRangeStore } from '../../state/range-store.ts';
import { useI18n } from '../use-i18n.ts';

/** Climate on (the preset's setpoint, or 22 °C) or off. */
export function ClimateToggle() {
  const { t } = useI18n();
  const climateOn = useRangeStore((s) => s.climateOn);
  const setClimateOn = useRangeStore((s) => s.setClimateOn);
  return (
    <div className="climate">
      <span className="picker__label" id="climate-label">
        {t('range.climate')}
      </span>
      <div className="segmented" role="group" aria-labelledby="climate-label">
        {[true, false].map((on) => (
          <button
            key={String(on)}
            type="button"
            className="segmented__option"
            aria-pressed={climateOn === on}
            data-testid={`climate-${on ? 'on' : 'off'}`}
            onClick={() => setClimateOn(on)}
          >
            {t(on ? 'range.climate.on' : 'range.climate.off')}
          </button>
        ))}
      </div>
    </div>
  );
}
