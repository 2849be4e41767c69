import { AMBIENT_MAX_C, AMBIENT_MIN_C } from '../../state/range-scenario.ts';
import { useRangeStore } from '../../state/range-store.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';
import { formatCelsius } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';

/** Ambient temperature, -30..45 °C in whole degrees; every step asks the simulator. */
export function TemperatureSlider({ preset }: { preset: ScenarioPreset | undefined }) {
  const { t, locale } = useI18n();
  const ambientC = useRangeStore((s) => s.ambientC) ?? 0;
  const setAmbientC = useRangeStore((s) => s.setAmbientC);
  const presetC = preset?.scenario.ambientC;
  const fraction = (ambientC - AMBIENT_MIN_C) / (AMBIENT_MAX_C - AMBIENT_MIN_C);
  return (
    <div className="temp">
      <div className="temp__head">
        <label htmlFor="ambient" className="picker__label">
          {t('range.temperature')}
        </label>
        <output htmlFor="ambient" className="temp__value tabular" data-testid="ambient-value">
          {formatCelsius(locale, ambientC)}
        </output>
      </div>
      <input
        id="ambient"
        className="temp__slider"
        type="range"
        min={AMBIENT_MIN_C}
        max={AMBIENT_MAX_C}
        step={1}
        value={ambientC}
        style={{ ['--fill' as string]: `${fraction * 100}%` }}
        data-testid="ambient-slider"
        onChange={(e) => setAmbientC(Number(e.currentTarget.value))}
      />
      <div className="temp__scale tabular" aria-hidden="true">
        <span>{formatCelsius(locale, AMBIENT_MIN_C)}</span>
        <span>{formatCelsius(locale, AMBIENT_MAX_C)}</span>
      </div>
      {presetC !== undefined && (
        // Always laid out, hidden when unused, so the controls below do not jump.
        <button
          type="button"
          className="link-button"
          hidden={presetC === ambientC}
          onClick={() => setAmbientC(presetC)}
        >
          {t('range.temperatureReset')} · {formatCelsius(locale, presetC)}
        </button>
      )}
    </div>
  );
}
